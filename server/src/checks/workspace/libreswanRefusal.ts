import type { EffectiveConn, EffectiveValue } from '../../workspace/model';
import type { Severity } from '../finding';

/** Why pluto refuses to add a conn, at the value that makes it, and what to write instead. */
export interface Refusal {
  readonly at?: EffectiveValue;
  readonly why: string;
  readonly remedy: string;
  /** Milder where only some builds refuse it. */
  readonly severity?: Severity;
}

export const SIDES = ['left', 'right'] as const;

/** A conn's effective value for `key` as pluto compares words: trimmed, in lower case. */
export const word = (conn: EffectiveConn, key: string): string | undefined => conn.values.get(key)?.value.trim().toLowerCase();
