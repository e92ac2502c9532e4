import { isAead, type Proposal } from './proposals';

/**
 * What Libreswan fills in for the parts an IKEv2 proposal leaves out, as pluto 4.10 logs the
 * expanded proposals when a conn is added ("IKE SA proposals (connection add)"): every DH group
 * from MODP-2048 up with the three NIST curves and Curve25519, SHA2-512 and SHA2-256 for the PRF
 * and integrity, and both AES key sizes, 256 and 128. Pluto 5.2 offered the same DH groups and
 * refused SHA-1 for ESP integrity left out.
 */
const DEFAULT_DH: ReadonlySet<string> = new Set(['14', '15', '16', '18', '19', '20', '21', '31']);
const DEFAULT_HASHES: ReadonlySet<string> = new Set(['sha512', 'sha256']);
const DEFAULT_KEY_LENGTHS = ['256', '128'];

function withKeyLengths(encryption: ReadonlySet<string>): ReadonlySet<string> {
  const out = new Set<string>();
  for (const cipher of encryption) {
    const [family, length] = cipher.split(':');
    if (length === '*' && family.startsWith('aes-')) for (const bits of DEFAULT_KEY_LENGTHS) out.add(`${family}:${bits}`);
    else out.add(cipher);
  }
  return out;
}

function completeOne(proposal: Proposal, kind: 'ike' | 'esp'): Proposal {
  const encryption = withKeyLengths(proposal.encryption);
  const aead = [...encryption].every(isAead);
  const noIntegrity = proposal.integrity.size === 0;
  if (kind === 'esp') return { ...proposal, encryption, integrity: noIntegrity && !aead ? DEFAULT_HASHES : proposal.integrity };
  const noPrf = proposal.prf.size === 0 && noIntegrity && !aead;
  return {
    encryption,
    integrity: noIntegrity && !aead ? DEFAULT_HASHES : proposal.integrity,
    prf: noPrf ? DEFAULT_HASHES : proposal.prf,
    dh: proposal.dh.size === 0 ? DEFAULT_DH : proposal.dh,
  };
}

/** The proposals of a Libreswan IKEv2 conn with the daemon's defaults in place of what they leave out. */
export function withLibreswanDefaults(proposals: readonly Proposal[], kind: 'ike' | 'esp'): Proposal[] {
  return proposals.map((proposal) => completeOne(proposal, kind));
}
