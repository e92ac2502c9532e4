import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface LintMessage {
  readonly ruleId: string;
  /** 2 error, 1 warning (ESLint's JSON shape). */
  readonly severity: number;
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

interface LintFileResult {
  readonly filePath: string;
  readonly messages: readonly LintMessage[];
}

const CHUNK = 400;

/** Runs `ipsec-lint -f json` over the files, a few hundred per process; messages by absolute path. */
export function lintFiles(repoRoot: string, files: readonly string[]): Map<string, readonly LintMessage[]> {
  const bin = path.join(repoRoot, 'bin', 'ipsec-lint.js');
  if (!existsSync(path.join(repoRoot, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run npm run build first');
  const out = new Map<string, readonly LintMessage[]>();
  for (let i = 0; i < files.length; i += CHUNK) {
    const chunk = files.slice(i, i + CHUNK);
    const r = spawnSync(process.execPath, [bin, '-f', 'json', '--kind', 'ipsec', ...chunk], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, cwd: repoRoot });
    if (r.status !== 0 && r.status !== 1) throw new Error(`ipsec-lint exited with ${r.status ?? r.signal}: ${r.stderr.slice(0, 2000)}`);
    const parsed = JSON.parse(r.stdout) as LintFileResult[];
    for (const file of parsed) out.set(path.resolve(repoRoot, file.filePath), file.messages);
  }
  for (const f of files) if (!out.has(path.resolve(f))) out.set(path.resolve(f), []);
  return out;
}
