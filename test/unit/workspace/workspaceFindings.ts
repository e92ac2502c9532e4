import assert from 'node:assert/strict';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import type { Finding, Severity } from '../../../server/src/checks/finding';
import { pairPeers } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

export interface SeenFinding {
  /** `a/ipsec.conf:3`: the path under /ws/ and the zero-based line. */
  readonly at: string;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

/** The cross-file findings for in-memory gateways under /ws/ (one per entry of `confs`). */
export function workspaceFindings(files: Record<string, string | Buffer>, confs: readonly string[], now = new Date('2030-06-01T00:00:00Z')): SeenFinding[] {
  const index = new WorkspaceIndex(new MemoryFiles(files), { now: () => now });
  const out: SeenFinding[] = [];
  for (const [uri, findings] of checkWorkspace(index.model(confs))) {
    for (const f of findings) out.push({ at: `${uri.replace('file:///ws/', '')}:${f.range.start.line}`, code: f.code, severity: f.severity, message: f.message });
  }
  return out.sort((x, y) => `${x.at} ${x.code}`.localeCompare(`${y.at} ${y.code}`));
}

/** `a/ipsec.conf:3 code severity` lines, for compact assertions. */
export function summarize(findings: readonly SeenFinding[], only?: string): string[] {
  return findings.filter((f) => !only || f.code === only).map((f) => `${f.at} ${f.code} ${f.severity}`);
}

export const LIBRESWAN_4 = '# ipsec-dialect: libreswan-4\n';
export const STRONGSWAN = '# ipsec-dialect: strongswan\n';

/** ipsec.conf heads that pin a gateway's daemon, or leave it to detection. */
export const GATEWAY_HEAD = {
  libreswan: `${LIBRESWAN_4}config setup\n\tprotostack=netkey\n`,
  strongswan: `${STRONGSWAN}config setup\n\tcharondebug="ike 1"\n`,
  unknown: 'config setup\n',
} as const;

/** The findings of one rule for two gateways, /ws/a and /ws/b, after asserting that their conns pair. */
export function pairFindings(code: string, a: string, b: string): Finding[] {
  const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': a, '/ws/b/ipsec.conf': b })).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
  // The conns pair, so that silence below is the rule's and not a missing pair's.
  assert.equal(pairPeers(model.nodes).length, 1);
  return [...checkWorkspace(model).values()].flat().filter((f) => f.code === code);
}
