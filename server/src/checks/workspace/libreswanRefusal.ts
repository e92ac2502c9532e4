import type { EffectiveConn, EffectiveValue } from '../../workspace/model';
import type { Severity } from '../finding';

/** Why pluto refuses to add a conn, at the value that makes it, and what to write instead. */
export interface Refusal {
  readonly at?: EffectiveValue;
  readonly why: string;
  readonly remedy: string;
  /** Milder where only some builds refuse it. */
  readonly severity?: Severity;
  /** Other settings it concerns, such as another conn's pool. */
  readonly related?: readonly { readonly at: EffectiveValue; readonly message: string }[];
  /** A value to write instead of `at`'s, safe to apply without looking. */
  readonly rewrite?: { readonly title: string; readonly newText: string };
}

export const SIDES = ['left', 'right'] as const;

/** A conn's effective value for `key` as pluto compares words: trimmed, in lower case. */
export const word = (conn: EffectiveConn, key: string): string | undefined => conn.values.get(key)?.value.trim().toLowerCase();

const SHUNT_TYPES = new Set(['passthrough', 'pass', 'drop', 'reject']);

/** A conn that never negotiates: pluto installs its `type=` as a policy and reads no phase 2 list. */
export const isShunt = (conn: EffectiveConn): boolean => SHUNT_TYPES.has(word(conn, 'type') ?? '');
