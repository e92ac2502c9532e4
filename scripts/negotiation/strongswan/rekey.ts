import type { DaemonVerdict } from '../classify';
import { show } from '../logs';
import type { PairLogLine } from './classifyCharon';
import { DIALECT, pair, scenario, withSetting, type Change, type Scenario } from './scenarios';

/** East's Child SA lives 30 s and is rekeyed 10 s before that, with no random spread: a rekey 20 s after it comes up. */
const REKEYS_SOON: Change = (side) => withSetting(withSetting(withSetting(side, 'lifetime', '30s'), 'margintime', '10s'), 'rekeyfuzz', '0%');
/** charon's userspace IPsec carries ESP in UDP only. */
const ENCAPSULATED: Change = (side) => withSetting(side, 'forceencaps', 'yes');
const PFS: Change = (side) => withSetting(side, 'esp', DIALECT.strongswan.pfsEsp);
const REKEY_WAIT_MS = 40_000;

/** Two strongSwan gateways over IKEv2 whose tunnel must also survive east's first rekey of the Child SA. */
export function rekeyScenarios(): Scenario[] {
  const base = pair('strongswan', 'strongswan', 'psk');
  const rekeying = { west: ENCAPSULATED(base.west), east: REKEYS_SOON(ENCAPSULATED(base.east)) };
  const rekeyed = (s: Scenario, atRiskRule?: string): Scenario => ({ ...s, rekey: true, startedBy: ['west'], atRiskRule });
  return [
    rekeyed(scenario('sw-rekey', 'none (east rekeys the Child SA 20 s after it comes up)', rekeying)),
    rekeyed(scenario('sw-rekey-pfs-rekeying-side', 'east asks for PFS (a DH group in esp=), west does not; east rekeys', rekeying, PFS), 'peer-pfs-mismatch'),
    rekeyed(scenario('sw-rekey-pfs-other-side', 'west asks for PFS, east does not; east rekeys', rekeying, (e) => e, PFS), 'peer-pfs-mismatch'),
  ];
}

const REKEYED = /(inbound|outbound) CHILD_SA \S+ established/;
const REFUSED = /CHILD_SA rekeying failed|received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built/;

/** After the Child SA came up: how its first rekey went ('other' when charon logged neither outcome in time). */
export async function rekeyOutcome(lines: () => PairLogLine[], upVerdict: DaemonVerdict): Promise<DaemonVerdict> {
  const deadline = Date.now() + REKEY_WAIT_MS;
  for (;;) {
    const current = lines();
    const refused = current.find((line) => REFUSED.test(line.text));
    if (refused) return { verdict: 'fails', reason: 'rekey-no-proposal', line: show(refused) };
    const rekeyed = current.find((line) => REKEYED.test(line.text));
    if (rekeyed) return { ...upVerdict, line: show(rekeyed) };
    if (Date.now() > deadline) return { verdict: 'fails', reason: 'other', line: `no rekey of the Child SA logged within ${REKEY_WAIT_MS / 1000} s` };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
