import type { DialectGuess } from '../model/dialect';
import { libreswanIkeVersion } from './libreswanIkeVersion';
import { MemoSlot } from './memo';
import type { EffectiveConn, EffectiveValue, IpsecNode } from './model';

export type AuthMethod = 'psk' | 'rsa' | 'ecdsa' | 'null' | 'never';

/** How one end of a conn authenticates: what it proves itself with, and what it accepts from the other end. */
export interface EndAuth {
  /** Libreswan signs with exactly one method; other daemons may use any the setting allows. */
  readonly proves: ReadonlySet<AuthMethod>;
  readonly accepts: ReadonlySet<AuthMethod>;
  /** The setting that decided it (authby=, or leftauth=/rightauth=); undefined for the default. */
  readonly setting?: EffectiveValue;
}

/** Whether the gateway runs Libreswan: said so, still possible, or ruled out. */
export type Certainty = 'yes' | 'maybe' | 'no';

export function runsLibreswan(dialect: DialectGuess): Certainty {
  if (dialect.choice) return dialect.choice.dialect === 'libreswan' ? 'yes' : 'no';
  return dialect.plausible.includes('libreswan') ? 'maybe' : 'no';
}

export function nodeRunsLibreswan(node: IpsecNode): Certainty {
  return runsLibreswan(node.dialect);
}

/** Libreswan's authby= words as the bits its parser sets (lib/libipsecconf/confread.c). */
interface AuthbyBits {
  rsasig: boolean;
  rsasigV15: boolean;
  ecdsa: boolean;
  psk: boolean;
  null: boolean;
  never: boolean;
}

/** The methods an `authby=` value lists, in lower case: Libreswan splits it at each comma and blank. */
export function authbyWords(text: string | undefined): string[] {
  return text?.toLowerCase().split(/[,\s]+/).filter((w) => w.length > 0) ?? [];
}

const LIBRESWAN_DEFAULT: AuthbyBits = { rsasig: true, rsasigV15: true, ecdsa: true, psk: false, null: false, never: false };

function parseLibreswanAuthby(text: string): AuthbyBits | undefined {
  const bits: AuthbyBits = { rsasig: false, rsasigV15: false, ecdsa: false, psk: false, null: false, never: false };
  for (const word of authbyWords(text)) {
    if (word === 'secret') bits.psk = true;
    else if (word === 'rsasig' || word === 'rsa') Object.assign(bits, { rsasig: true, rsasigV15: true });
    else if (word === 'rsa-sha1') bits.rsasigV15 = true;
    else if (/^rsa-sha2(_256|_384|_512)?$/.test(word)) bits.rsasig = true;
    else if (/^ecdsa(-sha2(_256|_384|_512)?)?$/.test(word)) bits.ecdsa = true;
    else if (word === 'null') bits.null = true;
    else if (word === 'never') bits.never = true;
    else return undefined;
  }
  return bits;
}

/** Libreswan's choice of the one method an end signs with, in its order of preference. */
function libreswanMethod(bits: AuthbyBits): AuthMethod | undefined {
  if (bits.rsasig) return 'rsa';
  if (bits.ecdsa) return 'ecdsa';
  if (bits.rsasigV15) return 'rsa';
  if (bits.psk) return 'psk';
  if (bits.null) return 'null';
  if (bits.never) return 'never';
  return undefined;
}

const AUTH_KEYWORD: Readonly<Record<string, AuthMethod>> = { rsasig: 'rsa', rsa: 'rsa', ecdsa: 'ecdsa', secret: 'psk', null: 'null', never: 'never' };

/**
 * How Libreswan 4 and 5 authenticate one end of a conn (from pluto's connection setup): with
 * `leftauth=`/`rightauth=` that method, else the first of rsa, ecdsa, psk, null the authby=
 * list allows (default rsasig,ecdsa); the other end's signature is accepted when authby=
 * allows its kind. IKEv1 knows one method per conn. Undefined for what this does not model.
 */
export function libreswanEndAuth(conn: EffectiveConn, side: 'left' | 'right'): EndAuth | undefined {
  return perConnEnd(libreswanReadings, conn, side, readLibreswanEndAuth);
}

function readLibreswanEndAuth(conn: EffectiveConn, side: 'left' | 'right'): EndAuth | undefined {
  const authby = conn.values.get('authby');
  const bits = authby && authby.value.trim().length > 0 ? parseLibreswanAuthby(authby.value) : LIBRESWAN_DEFAULT;
  if (!bits) return undefined;
  const own = conn.values.get(`${side}auth`);
  if (libreswanIkeVersion(conn) === 1) {
    // IKEv1 takes one of secret, rsasig (rsa) and never; anything else stops the conn from loading.
    const words = authbyWords(authby?.value);
    if (own || words.length > 1 || words.some((w) => !['secret', 'rsasig', 'rsa', 'never'].includes(w))) return undefined;
    const method = libreswanMethod(bits);
    return method ? { proves: new Set([method]), accepts: new Set([method]), setting: authby } : undefined;
  }
  const explicit = own ? AUTH_KEYWORD[own.value.trim().toLowerCase()] : undefined;
  if (own && !explicit) return undefined;
  const method = explicit ?? libreswanMethod(bits);
  if (!method) return undefined;
  const accepts = new Set<AuthMethod>();
  if (method === 'rsa' || method === 'ecdsa') {
    // An explicit leftauth=/rightauth= narrows authby= to its own kind.
    if (explicit ? method === 'rsa' : bits.rsasig || bits.rsasigV15) accepts.add('rsa');
    if (explicit ? method === 'ecdsa' : bits.ecdsa) accepts.add('ecdsa');
    if (bits.null) accepts.add('null');
  } else {
    accepts.add(method);
  }
  return { proves: new Set([method]), accepts, setting: own ?? authby };
}

const GENERIC_FAMILY: Readonly<Record<string, readonly AuthMethod[]>> = {
  secret: ['psk'],
  psk: ['psk'],
  xauthpsk: ['psk'],
  null: ['null'],
  never: ['never'],
};
const PUBLIC_KEY: readonly AuthMethod[] = ['rsa', 'ecdsa'];

/**
 * A daemon-neutral reading: pre-shared keys, public keys of any kind (strongSwan treats rsasig,
 * ecdsasig and pubkey alike), null; every daemon defaults to public keys.
 */
export function genericEndAuth(conn: EffectiveConn, side: 'left' | 'right'): EndAuth | undefined {
  return perConnEnd(genericReadings, conn, side, readGenericEndAuth);
}

/** Whether, read as any daemon would, that end proves itself with a signature (a certificate or public key), not a shared secret or EAP. */
export function provesWithSignature(conn: EffectiveConn, side: 'left' | 'right'): boolean {
  const proves = genericEndAuth(conn, side)?.proves;
  return proves !== undefined && (proves.has('rsa') || proves.has('ecdsa'));
}

function readGenericEndAuth(conn: EffectiveConn, side: 'left' | 'right'): EndAuth | undefined {
  const own = conn.values.get(`${side}auth`);
  const authby = conn.values.get('authby');
  const setting = own ?? authby;
  const words = setting && setting.value.trim().length > 0 ? setting.value.toLowerCase().split(/[,\s|]+/).filter((w) => w.length > 0) : [];
  const methods = new Set<AuthMethod>();
  for (const word of words) {
    const family = GENERIC_FAMILY[word] ?? (/^(rsa|ecdsa|pubkey|xauthrsasig)/.test(word) ? PUBLIC_KEY : undefined);
    if (!family) return undefined;
    for (const method of family) methods.add(method);
  }
  if (words.length === 0) for (const method of PUBLIC_KEY) methods.add(method);
  return { proves: methods, accepts: methods, setting };
}

/** Whether some method one end proves itself with is one the other end accepts. */
export function meets(proving: EndAuth, judging: EndAuth): boolean {
  for (const method of proving.proves) if (judging.accepts.has(method)) return true;
  return false;
}

export function describeMethods(methods: ReadonlySet<AuthMethod>): string {
  const names: Record<AuthMethod, string> = { psk: 'a pre-shared key', rsa: 'an RSA signature', ecdsa: 'an ECDSA signature', null: 'NULL authentication', never: 'nothing' };
  return [...methods].map((m) => names[m]).join(' or ');
}

type EndReadings = { left?: EndAuth | null; right?: EndAuth | null };

// Read for every pair a conn is in, on every edit; a conn object stays the same until its gateway's files change.
const libreswanReadings = new MemoSlot<EndReadings>('Libreswan authentication');
const genericReadings = new MemoSlot<EndReadings>('authentication');

const noReadings = (): EndReadings => ({});

function perConnEnd(slot: MemoSlot<EndReadings>, conn: EffectiveConn, side: 'left' | 'right', read: (conn: EffectiveConn, side: 'left' | 'right') => EndAuth | undefined): EndAuth | undefined {
  const readings = conn.memo.get(slot, undefined, noReadings);
  let found = readings[side];
  if (found === undefined) {
    found = read(conn, side) ?? null;
    readings[side] = found;
  }
  return found ?? undefined;
}
