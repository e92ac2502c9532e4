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
