import type { DialectName } from '../../model/dialect';
import { yesNoReading } from '../../text/yesNo';
import type { EffectiveValue } from '../../workspace/model';
import { offeredList } from '../../workspace/offeredProposals';
import type { ConnRef } from '../../workspace/peers';
import { espIntegrityAgreed } from '../../workspace/proposals';
import { defineWorkspaceRule } from '../workspaceRule';
import { describeConn, reportBothSides } from './peerReport';

/** Each daemon's switch for the 96-bit HMAC-SHA2-256 of old Linux kernels; every one is off by default. */
const TRUNCATION_KEYS: Readonly<Record<DialectName, string>> = { libreswan: 'sha2-truncbug', openswan: 'sha2_truncbug', strongswan: 'sha256_96' };

interface Truncation {
  readonly bits: 96 | 128;
  /** The setting that asks for it; undefined for the default. */
  readonly value?: EffectiveValue;
}

/** How many bits of the HMAC-SHA2-256 checksum an end keeps; undefined when its settings contradict or cannot be read. */
function truncationOf(ref: ConnRef): Truncation | undefined {
  const dialect = ref.node.dialect.choice?.dialect;
  const keys = dialect ? [TRUNCATION_KEYS[dialect]] : Object.values(TRUNCATION_KEYS);
  const set = keys.flatMap((key) => {
    const value = ref.conn.values.get(key);
    return value && value.value.length > 0 ? [value] : [];
  });
  if (set.length === 0) return { bits: 128 };
  const readings = new Set(set.map((value) => yesNoReading(value.value.toLowerCase())));
  if (readings.size !== 1 || readings.has(undefined)) return undefined;
  return { bits: readings.has('yes') ? 96 : 128, value: set[0] };
}

/** AH carries the checksum too, but its lists are read apart; such conns are left alone. */
function usesAh(ref: ConnRef): boolean {
  return ref.conn.values.get('phase2')?.value.toLowerCase() === 'ah' || ref.conn.values.get('ah') !== undefined;
}

function describe(truncation: Truncation): string {
  if (!truncation.value) return 'the standard 128-bit checksum';
  return `${truncation.value.setting.key.text}=${truncation.value.value}, a ${truncation.bits}-bit checksum`;
}

export const peerSha2TruncationMismatch = defineWorkspaceRule({
  code: 'peer-sha2-truncation-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends cut the HMAC-SHA2-256 checksum of ESP to different lengths',
  description:
    "Old Linux kernels cut the HMAC-SHA2-256 checksum of ESP to 96 bits instead of the standard 128. `sha2-truncbug=yes` (Libreswan; `sha2_truncbug` in Openswan) and `sha256_96=yes` (strongSwan) do the same for interoperability. Negotiation does not see the difference: the tunnel comes up, then every packet fails its integrity check at the other end and is dropped. Reported when every ESP proposal the two ends can agree on uses HMAC-SHA2-256 and exactly one end asks for the short checksum. Set the same on both ends, or agree on another integrity algorithm (sha2_512, or AES-GCM). Conns using AH are not judged.",
  checkPair({ a, b }, _model, report) {
    const [ours, theirs] = [truncationOf(a), truncationOf(b)];
    if (!ours || !theirs || ours.bits === theirs.bits || usesAh(a) || usesAh(b)) return;
    const [listA, listB] = [offeredList(a, ['esp', 'phase2alg'], 'esp'), offeredList(b, ['esp', 'phase2alg'], 'esp')];
    if (!listA || !listB || listA.widened === 'maybe' || listB.widened === 'maybe') return;
    const agreed = espIntegrityAgreed(listA.proposals, listB.proposals);
    if (agreed?.size !== 1 || !agreed.has('sha256')) return;
    const consequence = 'ESP settles on HMAC-SHA2-256, so the tunnel comes up but every packet fails its integrity check at the other end; set the same truncation on both ends (sha2-truncbug= for Libreswan, sha256_96= for strongSwan), or agree on sha2_512 or AES-GCM';
    const adopt = (other: Truncation): string => (other.bits === 96 ? 'yes' : 'no');
    reportBothSides(
      report,
      { ref: a, value: ours.value, adopt: adopt(theirs), message: `${describe(ours)} here, but ${describe(theirs)} at the peer (${describeConn(b)}): ${consequence}` },
      { ref: b, value: theirs.value, adopt: adopt(ours), message: `${describe(theirs)} here, but ${describe(ours)} at the peer (${describeConn(a)}): ${consequence}` },
    );
  },
});
