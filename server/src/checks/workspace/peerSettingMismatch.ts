import type { EffectiveConn } from '../../workspace/model';
import type { PeerPair } from '../../workspace/peers';
import type { Severity } from '../finding';
import type { WorkspaceReporter } from '../workspaceRule';
import { describeConn, reportBothSides } from './peerReport';

/** A setting both ends must agree on (not left/right-mirrored), with its normal form and default. */
export interface SharedSetting {
  readonly key: string;
  readonly normalize: (value: string) => string;
  /** Used when the conn does not set the key; undefined means "unknown, do not compare". */
  readonly fallback?: string;
  readonly consequence: string | ((pair: PeerPair) => string);
  /** A milder severity than the rule's for some pairs. */
  readonly severity?: (pair: PeerPair) => Severity | undefined;
}

function valueOf(conn: EffectiveConn, setting: SharedSetting): string | undefined {
  const raw = conn.values.get(setting.key)?.value;
  if (raw !== undefined && raw.length > 0) return setting.normalize(raw);
  return setting.fallback;
}

/** Compares one shared setting of a pair and reports both files when they differ. */
export function checkSharedSetting(pair: PeerPair, report: WorkspaceReporter, setting: SharedSetting): void {
  const { a, b } = pair;
  const ours = valueOf(a.conn, setting);
  const theirs = valueOf(b.conn, setting);
  if (ours === undefined || theirs === undefined || ours === theirs) return;
  const consequence = typeof setting.consequence === 'string' ? setting.consequence : setting.consequence(pair);
  reportBothSides(
    report,
    { ref: a, value: a.conn.values.get(setting.key), adopt: b.conn.values.get(setting.key)?.value, message: `${setting.key}=${ours} here but ${setting.key}=${theirs} at the peer (${describeConn(b)}): ${consequence}` },
    { ref: b, value: b.conn.values.get(setting.key), adopt: a.conn.values.get(setting.key)?.value, message: `${setting.key}=${theirs} here but ${setting.key}=${ours} at the peer (${describeConn(a)}): ${consequence}` },
    setting.severity?.(pair),
  );
}
