import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import type { Finding } from '../../../server/src/checks/finding';
import { DiskFileSource } from '../../../server/src/workspace/fileSource';
import { autoOf } from '../../../server/src/workspace/autoStarts';
import type { EffectiveConn } from '../../../server/src/workspace/model';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { DEBIAN_STRONGSWAN_DIALECT } from '../../negotiation/strongswan/install';
import { sourceFiles } from '../corpus';
import { loadIntoCharon, type LoadVerdict } from './loadSession';

/** The rules that say charon will not load a conn. */
export const LOAD_TIME_CODES: ReadonlySet<string> = new Set(['strongswan-proposal-refused', 'strongswan-ike-no-dh']);

export type LoadOutcome = 'agree-added' | 'agree-refused' | 'false-error' | 'missed' | 'unknown';

export interface LoadCase {
  readonly file: string;
  readonly conn: string;
  /** undefined: charon's log said nothing readable of the conn. */
  readonly charon: LoadVerdict | undefined;
  /** Our load-time errors on the conn: `code: message`. */
  readonly ours: readonly string[];
  readonly outcome: LoadOutcome;
}

export interface LoadCampaignOptions {
  readonly corpusRoot: string;
  /** The unpacked strongSwan tree's `/usr/lib/ipsec`. */
  readonly lib: string;
  readonly workDir: string;
  /** At most this many files (all when absent), taken evenly over the corpus. */
  readonly files?: number;
  readonly onFile?: (done: number, total: number) => void;
}

export function loadOutcomeOf(charon: LoadVerdict | undefined, ours: readonly string[]): LoadOutcome {
  if (!charon) return 'unknown';
  if (charon.verdict === 'added') return ours.length > 0 ? 'false-error' : 'agree-added';
  return ours.length > 0 ? 'agree-refused' : 'missed';
}

function oursFor(conn: EffectiveConn, findings: readonly Finding[]): string[] {
  return findings.filter((f) => f.severity === 'error' && LOAD_TIME_CODES.has(f.code) && f.conn === conn.name).map((f) => `${f.code}: ${f.message}`);
}

/** Every conn of the corpus's strongSwan files, loaded into Debian's charon and judged by ipsec-lint pinned to the same release. */
export async function runLoadCampaign(options: LoadCampaignOptions): Promise<LoadCase[]> {
  const all = sourceFiles(options.corpusRoot, 'strongswan', `# ipsec-dialect: ${DEBIAN_STRONGSWAN_DIALECT}`);
  const step = options.files && options.files < all.length ? all.length / options.files : 1;
  const picked = step === 1 ? all : Array.from({ length: options.files ?? 0 }, (_, i) => all[Math.floor(i * step)]);
  const cases: LoadCase[] = [];
  for (const [index, source] of picked.entries()) {
    const dir = path.join(options.workDir, String(index));
    mkdirSync(dir, { recursive: true });
    try {
      const conf = path.join(dir, 'ipsec.conf');
      writeFileSync(conf, source.text);
      const model = new WorkspaceIndex(new DiskFileSource()).model([conf]);
      const findings = checkWorkspace(model);
      // starter hands charon only the conns with auto=add, route or start: its default is ignore.
      const conns = model.nodes.flatMap((node) => [...node.effective.values()]).filter((conn) => !['', 'ignore'].includes(autoOf(conn)));
      const verdicts = await loadIntoCharon(source.text, conns.map((conn) => conn.name), options.lib);
      for (const conn of conns) {
        const ours = oursFor(conn, findings.get(conn.definition.document.uri) ?? []);
        const charon = verdicts.get(conn.name);
        cases.push({ file: source.relativePath, conn: conn.name, charon, ours, outcome: loadOutcomeOf(charon, ours) });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    options.onFile?.(index + 1, picked.length);
  }
  return cases;
}
