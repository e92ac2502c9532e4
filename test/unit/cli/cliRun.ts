import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../server/src/checks/finding';
import { runCli } from '../../../server/src/cli/run';
import { makeTempDir } from '../../tempDir';

/** A temporary folder holding the files; secrets files get mode 600 as on a gateway. */
export function workspace(files: Record<string, string | Buffer>): string {
  const root = makeTempDir('ipsec-cli-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
    if (name.endsWith('.secrets')) chmodSync(path.join(root, name), 0o600);
  }
  return root;
}

/** The CLI in this process, with what it printed and its exit status. */
export function run(args: string[], cwd: string, stdin?: string): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = runCli(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), readStdin: stdin === undefined ? undefined : () => stdin });
  return { status, stdout, stderr };
}

/** A finding for formatter tests: an error of bad-value on the third line unless told otherwise. */
export const finding = (over: Partial<Finding>): Finding => ({
  code: 'bad-value',
  severity: 'error',
  message: 'm',
  range: { start: { line: 2, character: 1 }, end: { line: 2, character: 9 } },
  ...over,
});
