import type { Rng } from './random';
import type { PairCase, SideConfig } from './spec';

export interface Mutation {
  readonly name: string;
  readonly weight: number;
  readonly summary: string;
  /** The rule whose ground this mutation is on (it may find the tunnel still comes up); undefined for plain variations. */
  readonly rule?: string;
  readonly applies: (pair: PairCase) => boolean;
  /** Changes `side` (and maybe its peer); returns what it did in words. */
  readonly apply: (pair: PairCase, side: SideConfig, peer: SideConfig, rng: Rng) => string;
}

export const isCert = (p: PairCase): boolean => p.base.auth !== 'psk';
export const always = (): boolean => true;

/** Replaces a setting keeping its place, or appends it; undefined removes it. */
export function set(side: SideConfig, key: string, value: string | undefined): void {
  if (value === undefined) delete side.conn[key];
  else side.conn[key] = value;
}

/** Rewrites the secret of every PSK line with `secret`. */
export function replacePsk(side: SideConfig, secret: string): void {
  side.secrets = side.secrets.map((line) => line.replace(/PSK "[^"]*"/, `PSK "${secret}"`));
}

/** The secret of the side's first PSK line. */
export function pskOf(side: SideConfig): string | undefined {
  for (const line of side.secrets) {
    const match = /PSK "([^"]*)"/.exec(line);
    if (match) return match[1];
  }
  return undefined;
}
