import { compareVersions } from '../knowledge/ipsecConf/versions';
import { isAead, type Proposal } from './proposals';

export type IkeVersion = 1 | 2;
type Kind = 'ike' | 'esp';

/**
 * What Libreswan puts in place of the parts a proposal leaves out, and the proposals it offers
 * when a conn sets no `ike=` or `esp=` at all (lib/libswan/ike_info.c and esp_info.c).
 */
interface LibreswanDefaults {
  /** The ciphers of the built-in proposals, `family:keyLength`, `*` where the length was not seen. */
  readonly ciphers: Readonly<Record<Kind, readonly string[]>>;
  readonly dh: ReadonlySet<string>;
  /** PRF of an IKE proposal, and its integrity where the cipher is not AEAD. */
  readonly ikeHashes: ReadonlySet<string>;
  readonly espIntegrity: ReadonlySet<string>;
  /** Key sizes that stand in for an `aes` written without one; empty where they were not seen. */
  readonly aesKeyLengths: readonly string[];
  /** The built-in proposals in a few words, for a message. */
  readonly summary: Readonly<Record<Kind, string>>;
}

const AES_GCM_AND_CBC = ['aes-gcm16:256', 'aes-gcm16:128', 'aes-cbc:256', 'aes-cbc:128'];
const SHA2 = new Set(['sha512', 'sha256']);

/**
 * IKEv2, as pluto 4.10 logs the expanded proposals of a conn it adds: DH groups from MODP-2048 up
 * but MODP-6144, the three NIST curves and Curve25519; SHA2-512 and SHA2-256; AES-256 and AES-128.
 * Pluto 5.2 offered the same groups and refused SHA-1 for ESP integrity left out; from 5.0 the
 * built-in lists also hold ChaCha20-Poly1305.
 */
const IKEV2: LibreswanDefaults = {
  ciphers: { ike: AES_GCM_AND_CBC, esp: AES_GCM_AND_CBC },
  dh: new Set(['14', '15', '16', '18', '19', '20', '21', '31']),
  ikeHashes: SHA2,
  espIntegrity: SHA2,
  aesKeyLengths: ['256', '128'],
  summary: {
    ike: 'AES-GCM or AES-CBC of 256 or 128 bits, SHA2-512 or SHA2-256, DH groups from MODP-2048 up or elliptic curves',
    esp: 'AES-GCM or AES-CBC of 256 or 128 bits, with SHA2-512 or SHA2-256',
  },
};
const IKEV2_FROM_5: LibreswanDefaults = {
  ...IKEV2,
  ciphers: { ike: [...AES_GCM_AND_CBC, 'chacha20poly1305'], esp: [...AES_GCM_AND_CBC, 'chacha20poly1305'] },
  summary: { ike: `${IKEV2.summary.ike}; from 5.0 also ChaCha20-Poly1305`, esp: `${IKEV2.summary.esp}; from 5.0 also ChaCha20-Poly1305` },
};

/**
 * IKEv1 before 4.15: IKE takes AES-CBC or 3DES, SHA2-256, SHA2-512 or SHA-1, MODP-2048 or
 * MODP-1536. A conn without `esp=` offers pluto's fixed Quick Mode list instead of esp_info.c's
 * (ikev1_spdb.c): AES-128-CBC or 3DES, with SHA-1. Against a strongSwan peer insisting on one
 * choice, pluto 4.10 without `ike=` met AES-128 and AES-256, and without `esp=` met AES-128 but
 * not AES-256 or SHA-256. Such a conn takes any proposal as the responder; it is the proposals it
 * starts with that must meet the peer's.
 */
const IKEV1: LibreswanDefaults = {
  ciphers: { ike: ['aes-cbc:*', '3des'], esp: ['aes-cbc:128', '3des'] },
  dh: new Set(['14', '5']),
  ikeHashes: new Set(['sha256', 'sha512', 'sha1']),
  espIntegrity: new Set(['sha1']),
  aesKeyLengths: [],
  summary: { ike: 'AES-CBC or 3DES, SHA-2 or SHA-1, MODP-2048 or MODP-1536', esp: 'AES-128-CBC or 3DES with SHA-1' },
};
/** IKEv1 from 4.15: ECP-256 and Curve25519 join the groups; ESP adds AES-GCM, 3DES and SHA-2. */
const IKEV1_FROM_4_15: LibreswanDefaults = {
  ciphers: { ike: ['aes-cbc:*', '3des'], esp: ['aes-cbc:*', 'aes-gcm16:128', 'aes-gcm16:256', '3des'] },
  dh: new Set(['14', '5', '19', '31']),
  ikeHashes: IKEV1.ikeHashes,
  espIntegrity: new Set(['sha1', 'sha512', 'sha256']),
  aesKeyLengths: [],
  summary: { ike: `${IKEV1.summary.ike}; from 4.15 also ECP-256 or Curve25519`, esp: 'from 4.15 AES-CBC, AES-GCM or 3DES with SHA-1 or SHA-2' },
};

function defaultsOf(version: IkeVersion, release: string): LibreswanDefaults {
  if (version === 2) return compareVersions(release, '5.0') >= 0 ? IKEV2_FROM_5 : IKEV2;
  return compareVersions(release, '4.15') >= 0 ? IKEV1_FROM_4_15 : IKEV1;
}

/** Summaries are `; `-separated parts, and a later release's repeats an earlier one's. */
const joinSummaries = (summaries: readonly string[]): string => [...new Set(summaries.flatMap((s) => s.split('; ')))].join('; ');

const union = <T>(sets: ReadonlyArray<Iterable<T>>): Set<T> => new Set(sets.flatMap((s) => [...s]));

const merged = new Map<string, LibreswanDefaults>();

/** What every release given may fill in: the union, so that nothing a release offers is missed. */
function defaultsFor(version: IkeVersion, releases: readonly string[]): LibreswanDefaults {
  const key = `${version}:${releases.join(',')}`;
  let defaults = merged.get(key);
  if (!defaults) merged.set(key, (defaults = mergeDefaults(version, releases)));
  return defaults;
}

function mergeDefaults(version: IkeVersion, releases: readonly string[]): LibreswanDefaults {
  const each = [...new Set(releases.map((release) => defaultsOf(version, release)))];
  if (each.length === 1) return each[0];
  return {
    ciphers: { ike: [...union(each.map((d) => d.ciphers.ike))], esp: [...union(each.map((d) => d.ciphers.esp))] },
    dh: union(each.map((d) => d.dh)),
    ikeHashes: union(each.map((d) => d.ikeHashes)),
    espIntegrity: union(each.map((d) => d.espIntegrity)),
    aesKeyLengths: each.every((d) => d.aesKeyLengths.length > 0) ? [...union(each.map((d) => d.aesKeyLengths))] : [],
    summary: { ike: joinSummaries(each.map((d) => d.summary.ike)), esp: joinSummaries(each.map((d) => d.summary.esp)) },
  };
}

function withKeyLengths(encryption: ReadonlySet<string>, lengths: readonly string[]): ReadonlySet<string> {
  if (lengths.length === 0) return encryption;
  const out = new Set<string>();
  for (const cipher of encryption) {
    const [family, length] = cipher.split(':');
    if (length === '*' && family.startsWith('aes-')) for (const bits of lengths) out.add(`${family}:${bits}`);
    else out.add(cipher);
  }
  return out;
}

function completeOne(proposal: Proposal, kind: Kind, defaults: LibreswanDefaults): Proposal {
  const encryption = withKeyLengths(proposal.encryption, defaults.aesKeyLengths);
  const needsIntegrity = proposal.integrity.size === 0 && ![...encryption].every(isAead);
  if (kind === 'esp') return { ...proposal, encryption, integrity: needsIntegrity ? defaults.espIntegrity : proposal.integrity };
  const noPrf = proposal.prf.size === 0 && needsIntegrity;
  return {
    encryption,
    integrity: needsIntegrity ? defaults.ikeHashes : proposal.integrity,
    prf: noPrf ? defaults.ikeHashes : proposal.prf,
    dh: proposal.dh.size === 0 ? defaults.dh : proposal.dh,
  };
}

/** The proposals of a Libreswan conn with the daemon's defaults in place of what they leave out. */
export function withLibreswanDefaults(proposals: readonly Proposal[], kind: Kind, version: IkeVersion, releases: readonly string[]): Proposal[] {
  const defaults = defaultsFor(version, releases);
  return proposals.map((proposal) => completeOne(proposal, kind, defaults));
}

const builtIn = new Map<string, Proposal[]>();

/** What a Libreswan conn that sets no `ike=` (or no `esp=`/`phase2alg=`) offers; the same list for every conn of the same releases. */
export function libreswanBuiltInProposals(kind: Kind, version: IkeVersion, releases: readonly string[]): readonly Proposal[] {
  const key = `${kind}:${version}:${releases.join(',')}`;
  let proposals = builtIn.get(key);
  if (!proposals) builtIn.set(key, (proposals = buildBuiltIn(kind, defaultsFor(version, releases))));
  return proposals;
}

function buildBuiltIn(kind: Kind, defaults: LibreswanDefaults): Proposal[] {
  const none: ReadonlySet<string> = new Set();
  return defaults.ciphers[kind].map((cipher) => {
    const integrity = isAead(cipher) ? none : kind === 'ike' ? defaults.ikeHashes : defaults.espIntegrity;
    return kind === 'ike' ? { encryption: new Set([cipher]), integrity, prf: defaults.ikeHashes, dh: defaults.dh } : { encryption: new Set([cipher]), integrity, prf: none, dh: none };
  });
}

/**
 * Before 4.15 an IKEv1 conn without the list took any proposal as the responder ("verified
 * unconditionally"), so only its own start fails; from 4.15 it holds its built-in list both ways.
 */
export function onlyItsOwnStartFails(version: IkeVersion, releases: readonly string[]): boolean {
  return version === 1 && releases.some((release) => compareVersions(release, '4.15') < 0);
}

/** In a few words, what the built-in proposals of the releases given are, for a message. */
export function describeBuiltIn(kind: Kind, version: IkeVersion, releases: readonly string[]): string {
  return defaultsFor(version, releases).summary[kind];
}
