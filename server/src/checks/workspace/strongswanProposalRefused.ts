import { mayBeLoaded } from '../../workspace/autoStarts';
import { refusalSeverity, strongswanProposalFaults, type FaultyProposal, type ProposalFaultKind, type ProposalProtocol } from '../../workspace/strongswanProposalFaults';
import { strongswanReleasesOf } from '../../workspace/strongswanRelease';
import { defineWorkspaceRule } from '../workspaceRule';
import { locate, rewriteValue } from './peerReport';

const PROTOCOL_NAME: Record<ProposalProtocol, string> = { ike: 'IKE', esp: 'ESP', ah: 'AH' };

/** Why charon refuses a proposal, and what to write instead. `no-dh` is strongswan-ike-no-dh's. */
const WHY: Record<Exclude<ProposalFaultKind, 'no-dh' | 'empty'>, (protocol: ProposalProtocol, text: string) => string> = {
  'no-prf': (_protocol, text) =>
    /gcm|ccm|gmac|chacha/.test(text)
      ? 'it names no PRF, which an AEAD cipher does not bring: name one, such as prfsha384'
      : /sha2?_?256_96/.test(text)
        ? 'it names no PRF, and sha256_96 gives none: use sha256, or name a PRF such as prfsha256'
        : 'it names no PRF, nor an integrity algorithm to take one from: add one such as sha256',
  'no-encryption': (protocol) => `it names no cipher, which ${PROTOCOL_NAME[protocol]} needs (such as aes256 or aes256gcm16)`,
  'mixed-aead': () => 'it mixes AEAD ciphers (GCM, CCM, GMAC, ChaCha20-Poly1305) with classic ones; write them as two proposals, separated by a comma',
  'no-integrity': (protocol) =>
    protocol === 'ah' ? 'it names no integrity algorithm, which AH needs (such as sha256)' : 'its cipher is no AEAD cipher, so it needs an integrity algorithm (such as sha256), not only a PRF',
};

/** The list charon reads for the conn's Child SAs: `ah=` when set, else `esp=`. */
function childList(values: ReadonlyMap<string, { readonly value: string }>): ProposalProtocol {
  return values.has('ah') ? 'ah' : 'esp';
}

export const strongswanProposalRefused = defineWorkspaceRule({
  code: 'strongswan-proposal-refused',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'strongSwan refuses a conn whose proposal it cannot build',
  description:
    "From 5.5.1 charon checks what each proposal of `ike=`, `esp=` and `ah=` is made of, and one it refuses keeps the whole conn out (\"skipped invalid proposal string\"), whatever else the list holds and with or without a closing `!`, though starter passes the file: an IKE proposal without a PRF (named, as `prfsha384`, or taken from its integrity algorithm, which an AEAD cipher such as `aes256gcm16` does not have and `sha256_96` does not give), an IKE or ESP proposal without a cipher (`esp=sha256`) or with AEAD and classic ciphers together (`aes256-aes256gcm16-sha256`), from 5.6.3 an IKE proposal with a classic cipher and no integrity algorithm (a PRF alone), and an AH proposal without an integrity algorithm; in every release, an empty proposal (a stray comma, as in `ike=aes256-sha256-modp2048,`), whose quick fix, which fix-all applies too, drops the comma. charon reads `ah=` instead of `esp=` when both are set. Each seen refused by strongSwan 5.9.8, and the proposals it took seen loaded. An error where every release the gateway may run refuses it, a warning where only some do (a gateway not pinned to a release: releases before 5.5.1 load it); judged after `%default` and `also=`, for gateways known to run strongSwan. A proposal without a DH group is `strongswan-ike-no-dh`'s.",
  checkNode(node, _model, report) {
    const releases = strongswanReleasesOf(node);
    if (!releases) return;
    for (const conn of node.effective.values()) {
      if (!mayBeLoaded(node, conn)) continue;
      for (const protocol of ['ike', childList(conn.values)] as const) {
        const list = conn.values.get(protocol);
        if (!list) continue;
        // The model joins the words after a blank into a strongSwan value, as starter does; such a list is left for the user to rewrite.
        const oneWord = list.value === list.setting.value?.text;
        for (const refusal of listRefusals(list.value, protocol, releases)) {
          const fixes = refusal.rewrite === undefined || !oneWord ? undefined : rewriteValue(list, `Write ${protocol}=${refusal.rewrite}`, refusal.rewrite);
          report({ ...locate({ node, conn }, list), conn: conn.name, severity: refusal.severity, message: `${refusal.message}, and with it conn ${conn.name}${refusal.remedy}`, fixes });
        }
      }
    }
  },
});

interface ListRefusal {
  readonly severity: 'error' | 'warning';
  /** Up to "charon refuses it"; the rule adds the conn. */
  readonly message: string;
  readonly remedy: string;
  /** A value to write instead, safe to apply without looking. */
  readonly rewrite?: string;
}

/** What charon refuses in one list, for the releases the gateway may run: an empty proposal once, then each proposal it cannot build. */
function listRefusals(value: string, protocol: ProposalProtocol, releases: readonly string[]): ListRefusal[] {
  const refusals: ListRefusal[] = [];
  const faulty = strongswanProposalFaults(value, protocol);
  const empty = faulty.find((p) => p.text === '');
  const emptySeverity = empty && refusalSeverity(releases, empty.faults[0].since);
  if (emptySeverity) {
    const { strict, proposals } = splitList(value);
    const written = proposals.filter((p) => p !== '');
    refusals.push({
      severity: emptySeverity,
      message: `the ${PROTOCOL_NAME[protocol]} list "${value.trim()}" holds an empty proposal, which charon cannot read; charon refuses it`,
      remedy: written.length > 0 ? '; drop the extra comma' : `; write a proposal, or leave ${protocol}= out for the defaults`,
      rewrite: written.length > 0 ? `${written.join(',')}${strict ? '!' : ''}` : undefined,
    });
  }
  for (const proposal of faulty.filter((p) => p.text !== '')) {
    const judged = firstJudgedFault(proposal, releases);
    if (!judged) continue;
    const refuses = judged.severity === 'error' ? 'charon refuses it' : `charon from ${judged.since} on refuses it`;
    refusals.push({
      severity: judged.severity,
      message: `the ${PROTOCOL_NAME[protocol]} proposal "${proposal.text}": ${WHY[judged.kind](protocol, proposal.text)}; ${refuses}`,
      remedy: ', whatever other proposals the list holds',
    });
  }
  return refusals;
}

function splitList(value: string): { strict: boolean; proposals: string[] } {
  const trimmed = value.trim();
  const strict = trimmed.endsWith('!');
  return { strict, proposals: (strict ? trimmed.slice(0, -1) : trimmed).split(',').map((p) => p.trim()) };
}

/** The first fault, in charon's order, that some release the gateway may run refuses the proposal for. */
function firstJudgedFault(proposal: FaultyProposal, releases: readonly string[]): { kind: Exclude<ProposalFaultKind, 'no-dh' | 'empty'>; since: string; severity: 'error' | 'warning' } | undefined {
  for (const fault of proposal.faults) {
    const { kind, since } = fault;
    if (kind === 'no-dh' || kind === 'empty') continue;
    const severity = refusalSeverity(releases, since);
    if (severity) return { kind, since, severity };
  }
  return undefined;
}
