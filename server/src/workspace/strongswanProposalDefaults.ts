import { compareVersions } from '../knowledge/ipsecConf/versions';
import { isAead, type Proposal } from './proposals';

/** Stands for "no integrity algorithm": meets only a proposal that has none either. */
export const NO_INTEGRITY = 'none-given';

function withAes128(encryption: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...encryption].map((cipher) => (cipher === 'aes-cbc:*' ? 'aes-cbc:128' : cipher)));
}

/**
 * A strict strongSwan list as charon reads it (5.9.8): `aes` is AES-128, and an ESP proposal with
 * a non-AEAD cipher and no integrity offers none (it met no peer that asked for one). An IKE
 * proposal without a DH group is skipped ("a DH group is mandatory in IKE proposals"), which
 * `strongswan-ike-no-dh` reports; such a list is not compared (undefined).
 */
export function asStrongswanReadsThem(proposals: readonly Proposal[], kind: 'ike' | 'esp'): Proposal[] | undefined {
  if (kind === 'ike' && proposals.some((p) => p.dh.size === 0)) return undefined;
  return proposals.map((proposal) => {
    const encryption = withAes128(proposal.encryption);
    const aead = [...encryption].every(isAead);
    const integrity = kind === 'esp' && !aead && proposal.integrity.size === 0 ? new Set([NO_INTEGRITY]) : proposal.integrity;
    return { ...proposal, encryption, integrity };
  });
}

const FIRST_JUDGED = '5.6.1';
const ESP_AEAD_FROM = '5.9.0';

const AES_SIZES = ['128', '192', '256'];
const sized = (families: readonly string[]): string[] => families.flatMap((family) => AES_SIZES.map((bits) => `${family}:${bits}`));
const IKE_HASHES: ReadonlySet<string> = new Set(['sha256', 'sha384', 'sha512', 'aesxcbc', 'aescmac', 'sha1']);
/** Every group the default IKE proposal may hold, whatever plugins are loaded (MODP-6144 from 5.6.2). */
const IKE_GROUPS: ReadonlySet<string> = new Set(['19', '20', '21', '28', '29', '30', '31', '32', '15', '16', '17', '18', '14']);
const NONE: ReadonlySet<string> = new Set();

/**
 * The default IKE proposals from 5.6.1 (libstrongswan's proposal.c, `proposal_create_default` and
 * `_default_aead`): every cipher, hash and group the loaded plugins provide among those of at
 * least 112-bit strength, 3DES and SHA-1 included, MODP-1024 and MODP-1536 not. All plugins are
 * assumed loaded, so a peer that meets none of these meets no real build either.
 */
const IKE_DEFAULTS: readonly Proposal[] = [
  { encryption: new Set([...sized(['aes-cbc', 'aes-ctr', 'camellia']), '3des']), integrity: IKE_HASHES, prf: IKE_HASHES, dh: IKE_GROUPS },
  { encryption: new Set([...sized(['aes-gcm16', 'aes-gcm12', 'aes-gcm8', 'aes-ccm16', 'aes-ccm12', 'aes-ccm8']), 'chacha20poly1305']), integrity: NONE, prf: IKE_HASHES, dh: IKE_GROUPS },
];
const ESP_CBC: Proposal = { encryption: new Set(sized(['aes-cbc'])), integrity: new Set(['sha256', 'sha384', 'sha512', 'sha1', 'aesxcbc']), prf: NONE, dh: NONE };
const ESP_GCM: Proposal = { encryption: new Set(['aes-gcm16:128', 'aes-gcm16:192', 'aes-gcm16:256']), integrity: NONE, prf: NONE, dh: NONE };

/**
 * What charon adds to an `ike=`/`esp=` list without `!`, or offers for a conn without one, for
 * every release given; undefined when one of them is older than 5.6.1, whose defaults still held
 * MODP-1024, MD5 and 3DES for ESP and so meet nearly any peer.
 */
export function strongswanDefaultProposals(kind: 'ike' | 'esp', releases: readonly string[]): readonly Proposal[] | undefined {
  if (releases.length === 0 || releases.some((release) => compareVersions(release, FIRST_JUDGED) < 0)) return undefined;
  if (kind === 'ike') return IKE_DEFAULTS;
  return releases.some((release) => compareVersions(release, ESP_AEAD_FROM) >= 0) ? [ESP_CBC, ESP_GCM] : [ESP_CBC];
}

/** strongSwan's default proposals in a few words, for a message. */
export function describeStrongswanDefaults(kind: 'ike' | 'esp', releases: readonly string[]): string {
  if (kind === 'ike') return 'AES, Camellia, ChaCha20-Poly1305 or 3DES, SHA-2, SHA-1 or AES-XCBC/CMAC, DH groups from MODP-2048 up or elliptic curves (no MODP-1024 or MODP-1536)';
  const gcm = releases.every((release) => compareVersions(release, ESP_AEAD_FROM) >= 0) ? ' or AES-GCM' : releases.some((release) => compareVersions(release, ESP_AEAD_FROM) >= 0) ? ' (from 5.9.0 also AES-GCM)' : '';
  return `AES-CBC with SHA-2, SHA-1 or AES-XCBC${gcm} (no 3DES)`;
}
