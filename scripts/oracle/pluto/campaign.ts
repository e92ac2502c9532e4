import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import type { Finding } from '../../../server/src/checks/finding';
import { DiskFileSource } from '../../../server/src/workspace/fileSource';
import type { EffectiveConn } from '../../../server/src/workspace/model';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import type { LibreswanBuild } from '../../negotiation/libreswanBuild';
import { sourceFiles } from '../corpus';
import { AddSession, type AddVerdict } from './addSession';

/** The rules that say pluto (or addconn) will not add a conn. */
export const ADD_TIME_CODES: ReadonlySet<string> = new Set(['libreswan-conn-refused', 'libreswan-bare-number', 'conn-setting-clash', 'ikev1-authby', 'also-conflict', 'conn-family-mismatch']);

/**
 * Refusals for want of what the corpus and this machine do not hold (certificates and keys in NSS,
 * names in DNS, a default route or interface to find our side by, a build with labeled IPsec):
 * no rule of ours is about those on a lone file.
 */
/**
 * Refusals that say more of the machine than of the config: certificates kept in NSS, not in the
 * corpus; no default route or DNS here; kernel features and algorithms the build or kernel lacks.
 * Each kind was read in the campaigns' output; a broader list once hid config mistakes.
 */
const MATERIAL =
  /not found in the NSS database|must specify host IP address for our side|ipsec-interface=\S* (is )?not supported|xfrmi is not supported|IPTFS is not supported|Labeled IPsec not supported|(algorithm|Method \(DH\)|Algorithm \(cipher\)) '[^']*' is not supported|support not compiled in|does not begin with format prefix|DNS|dns|resolv|defaultroute|lease is (in use|reserved)/;

export type AddOutcome = 'agree-added' | 'agree-refused' | 'false-error' | 'missed' | 'material' | 'config-refused' | 'unknown';

export interface ConnCase {
  readonly file: string;
  readonly conn: string;
  readonly pluto: AddVerdict;
  /** Our add-time errors on the conn: `code: message`. */
  readonly ours: readonly string[];
  readonly outcome: AddOutcome;
}

export interface AddCampaignOptions {
  readonly corpusRoot: string;
  readonly build: LibreswanBuild;
  readonly workDir: string;
  /** At most this many files (all when absent), taken evenly over the corpus. */
  readonly files?: number;
  readonly onFile?: (done: number, total: number) => void;
}

export function outcomeOf(pluto: AddVerdict, ours: readonly string[]): AddOutcome {
  if (pluto.verdict === 'config-refused' || pluto.verdict === 'unknown') return pluto.verdict;
  if (pluto.verdict === 'added') return ours.length > 0 ? 'false-error' : 'agree-added';
  if (ours.length > 0) return 'agree-refused';
  return MATERIAL.test(pluto.said) ? 'material' : 'missed';
}

/** The add-time errors in the conn's file that concern it: named for it, or on its own section's lines. */
function oursFor(conn: EffectiveConn, findings: readonly Finding[]): string[] {
  const section = conn.definition.section;
  return findings
    .filter((f) => f.severity === 'error' && ADD_TIME_CODES.has(f.code) && !/ikev1-policy/.test(f.message))
    .filter((f) => (f.conn !== undefined ? f.conn === conn.name : f.range.start.line >= section.headerLine && f.range.start.line <= section.lastLine))
    .map((f) => `${f.code}: ${f.message}`);
}

/** Every conn of the corpus's Libreswan files, added to a real pluto and judged by ipsec-lint pinned to the same release. */
export async function runAddCampaign(options: AddCampaignOptions): Promise<ConnCase[]> {
  const all = sourceFiles(options.corpusRoot, 'libreswan', `# ipsec-dialect: ${options.build.dialect}`);
  const step = options.files && options.files < all.length ? all.length / options.files : 1;
  const picked = step === 1 ? all : Array.from({ length: options.files ?? 0 }, (_, i) => all[Math.floor(i * step)]);
  const session = new AddSession(options.build);
  const cases: ConnCase[] = [];
  await session.start();
  try {
    for (const [index, source] of picked.entries()) {
      const dir = path.join(options.workDir, String(index));
      mkdirSync(dir, { recursive: true });
      const conf = path.join(dir, 'ipsec.conf');
      writeFileSync(conf, source.text);
      const model = new WorkspaceIndex(new DiskFileSource()).model([conf]);
      const findings = checkWorkspace(model);
      for (const node of model.nodes) {
        for (const conn of node.effective.values()) {
          if (conn.values.get('auto')?.value.toLowerCase() === 'ignore') continue;
          const pluto = session.add(conf, conn.name);
          const ours = oursFor(conn, findings.get(conn.definition.document.uri) ?? []);
          cases.push({ file: source.relativePath, conn: conn.name, pluto, ours, outcome: outcomeOf(pluto, ours) });
        }
      }
      rmSync(dir, { recursive: true, force: true });
      options.onFile?.(index + 1, picked.length);
    }
  } finally {
    await session.stop();
  }
  return cases;
}
