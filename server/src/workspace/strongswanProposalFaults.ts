import { strongswanTransformOf, type StrongswanTransform } from '../knowledge/ipsecConf/strongswanTransforms';
import { compareVersions } from '../knowledge/ipsecConf/versions';

export type ProposalProtocol = 'ike' | 'esp' | 'ah';

export type ProposalFaultKind = 'empty' | 'no-prf' | 'no-dh' | 'no-encryption' | 'mixed-aead' | 'no-integrity';

export interface ProposalFault {
  readonly kind: ProposalFaultKind;
  /** The first release whose charon refuses a proposal for it. */
  readonly since: string;
}

export interface FaultyProposal {
  /** The proposal as written, without the list's closing `!`. */
  readonly text: string;
  /** In the order charon checks them; it names the first. */
  readonly faults: readonly ProposalFault[];
}

/** Before 5.5.1 charon checked nothing of a proposal's make-up; 5.6.3 added integrity for IKE's classic ciphers. */
export const PROPOSALS_CHECKED_FROM = '5.5.1';
/** An empty proposal (`aes256-sha256,`) parses to nothing, which every release refuses. */
const EVERY_RELEASE = '5.0.0';
const IKE_INTEGRITY_FROM = '5.6.3';

/**
 * The proposals of an `ike=`, `esp=` or `ah=` list that charon refuses, and why, as libstrongswan's
 * `check_proposal` reads them: an IKE proposal needs a PRF (named, or taken from its integrity
 * algorithm), a DH group (`modpnone` does not count), a cipher, no mix of AEAD and classic ciphers,
 * and from 5.6.3 integrity beside a classic cipher; ESP needs a cipher and no such mix; AH needs
 * integrity; and no release takes an empty one (a stray comma). One refused proposal keeps the
 * whole conn out, with or without the closing `!`. A
 * proposal with a word charon does not read is left out: `bad-value` reports that word.
 */
export function strongswanProposalFaults(list: string, protocol: ProposalProtocol): FaultyProposal[] {
  const proposals = list.trim().replace(/!$/, '').split(',');
  const faulty: FaultyProposal[] = [];
  for (const proposal of proposals) {
    const text = proposal.trim();
    if (text === '') {
      faulty.push({ text, faults: [{ kind: 'empty', since: EVERY_RELEASE }] });
      continue;
    }
    const transforms = readTransforms(text);
    if (!transforms) continue;
    const faults = faultsOf(transforms, protocol);
    if (faults.length > 0) faulty.push({ text, faults });
  }
  return faulty;
}

function readTransforms(text: string): StrongswanTransform[] | undefined {
  const transforms: StrongswanTransform[] = [];
  // charon's tokenizer skips empty words (`aes256--sha256`).
  for (const word of text.split('-').map((w) => w.trim()).filter((w) => w !== '')) {
    const transform = strongswanTransformOf(word);
    if (!transform) return undefined;
    transforms.push(transform);
  }
  return transforms.length > 0 ? transforms : undefined;
}

function faultsOf(transforms: readonly StrongswanTransform[], protocol: ProposalProtocol): ProposalFault[] {
  const has = (test: (t: StrongswanTransform) => boolean): boolean => transforms.some(test);
  const ciphers = transforms.filter((t) => t.kind === 'encryption');
  const integrity = has((t) => t.kind === 'integrity');
  const fault = (kind: ProposalFaultKind, since = PROPOSALS_CHECKED_FROM): ProposalFault => ({ kind, since });
  const faults: ProposalFault[] = [];
  if (protocol === 'ah') return integrity || has((t) => t.kind === 'encryption' && t.gmac) ? [] : [fault('no-integrity')];
  if (protocol === 'ike') {
    if (!has((t) => t.kind === 'prf' || (t.kind === 'integrity' && t.givesPrf))) faults.push(fault('no-prf'));
    if (!has((t) => t.kind === 'key-exchange' && !t.none)) faults.push(fault('no-dh'));
  }
  if (ciphers.length === 0) faults.push(fault('no-encryption'));
  const aead = ciphers.filter((t) => t.kind === 'encryption' && t.aead).length;
  if (aead > 0 && aead < ciphers.length) faults.push(fault('mixed-aead'));
  if (protocol === 'ike' && ciphers.length > 0 && aead === 0 && !integrity) faults.push(fault('no-integrity', IKE_INTEGRITY_FROM));
  return faults;
}

/**
 * How sure a refusal is for the releases a gateway may run: an error where every one of them
 * refuses it, a warning where only some do, nothing where none does.
 */
export function refusalSeverity(releases: readonly string[], since: string): 'error' | 'warning' | undefined {
  const refusing = releases.filter((release) => compareVersions(release, since) >= 0).length;
  if (refusing === 0) return undefined;
  return refusing === releases.length ? 'error' : 'warning';
}
