import { DIALECT, hostToHost, pair, scenario, withSetting, withoutSetting, type Change, type Daemon, type Scenario, type ScenarioSide } from './scenarios';

/** L2TP's selectors, as guides write them: each side's UDP port 1701, written on both ends. */
const L2TP = '17/1701';

const restrict = (own: string, peer: string): Change => (side) => withSetting(withSetting(side, 'leftprotoport', own), 'rightprotoport', peer);

const transport: Change = (side) => withSetting(side, 'type', 'transport');

/** A host-to-host transport pair carrying L2TP only, both ends agreeing. */
function l2tpPair(west: Daemon, east: Daemon, ikev1: boolean): { west: ScenarioSide; east: ScenarioSide } {
  const base = hostToHost(pair(west, east, 'psk'));
  const version = (side: ScenarioSide) => (ikev1 ? withSetting(side, DIALECT[side.daemon].v1[0], DIALECT[side.daemon].v1[1]) : side);
  // Over IKEv1 Libreswan's default pfs=yes offers a DH group in Quick Mode; strongSwan's esp= must then name one.
  const withLibreswan = west === 'libreswan' || east === 'libreswan';
  const pfs = (side: ScenarioSide) => (ikev1 && withLibreswan && side.daemon === 'strongswan' ? withSetting(side, 'esp', DIALECT.strongswan.pfsEsp) : side);
  const shape = (side: ScenarioSide) => pfs(version(restrict(L2TP, L2TP)(transport(side))));
  return { west: shape(base.west), east: shape(base.east) };
}

/** Scenarios for leftprotoport=/rightprotoport=: which differences keep a tunnel down. */
export function protoportScenarios(west: Daemon, east: Daemon, tag: string): Scenario[] {
  // Overlapping selectors: strongSwan narrows them, Libreswan refuses at least when the other side starts the tunnel.
  const overlapping = (s: Scenario): Scenario => ({ ...s, atRiskRule: 'peer-protoport-mismatch' });
  const l2tp = l2tpPair(west, east, false);
  const l2tpV1 = l2tpPair(west, east, true);
  const unrestricted = (side: ScenarioSide) => withoutSetting(withoutSetting(side, 'leftprotoport'), 'rightprotoport');
  return [
    scenario(`${tag}-l2tp`, 'none (transport, L2TP selectors 17/1701 on both ends)', l2tp),
    scenario(`${tag}-l2tp-ikev1`, 'none (IKEv1, transport, L2TP selectors 17/1701 on both ends)', l2tpV1),
    scenario(`${tag}-protoport-by-name`, "none (east writes west's selector as udp/1701)", l2tp, (e) => withSetting(e, 'rightprotoport', 'udp/1701')),
    overlapping(scenario(`${tag}-protoport-any-port`, "east takes any UDP port from west (rightprotoport=17/%any)", l2tp, (e) => withSetting(e, 'rightprotoport', '17/%any'))),
    overlapping(scenario(`${tag}-protoport-any-port-ikev1`, 'IKEv1; east takes any UDP port from west (rightprotoport=17/%any)', l2tpV1, (e) => withSetting(e, 'rightprotoport', '17/%any'))),
    scenario(`${tag}-protoport-proto-differs`, "east expects TCP from west's port 1701", l2tp, (e) => withSetting(e, 'rightprotoport', '6/1701')),
    scenario(`${tag}-protoport-port-differs`, "east expects west's UDP from port 1702", l2tp, (e) => withSetting(e, 'rightprotoport', '17/1702')),
    scenario(`${tag}-protoport-port-differs-ikev1`, "IKEv1; east expects west's UDP from port 1702", l2tpV1, (e) => withSetting(e, 'rightprotoport', '17/1702')),
    overlapping(scenario(`${tag}-protoport-one-side`, 'east carries all traffic between the hosts, west only L2TP', l2tp, unrestricted)),
    overlapping(scenario(`${tag}-protoport-one-side-ikev1`, 'IKEv1; east carries all traffic between the hosts, west only L2TP', l2tpV1, unrestricted)),
    overlapping(scenario(`${tag}-protoport-proto-only`, "east restricts west's end to UDP, any port (rightprotoport=udp)", l2tp, (e) => withSetting(e, 'rightprotoport', 'udp'))),
  ];
}

/** Libreswan's `narrowing=yes` (IKEv2): the same differences, with every Libreswan side set to narrow. */
export function narrowingScenarios(west: Daemon, east: Daemon, tag: string): Scenario[] {
  const narrowing: Change = (side) => (side.daemon === 'libreswan' ? withSetting(side, 'narrowing', 'yes') : side);
  const both = (base: { west: ScenarioSide; east: ScenarioSide }) => ({ west: narrowing(base.west), east: narrowing(base.east) });
  const l2tp = both(l2tpPair(west, east, false));
  const subnets = both(pair(west, east, 'psk'));
  const unrestricted = (side: ScenarioSide) => withoutSetting(withoutSetting(side, 'leftprotoport'), 'rightprotoport');
  return [
    scenario(`${tag}-narrowing-protoport-any-port`, 'narrowing=yes; east takes any UDP port from west (rightprotoport=17/%any)', l2tp, (e) => withSetting(e, 'rightprotoport', '17/%any')),
    scenario(`${tag}-narrowing-protoport-one-side`, 'narrowing=yes; east carries all traffic between the hosts, west only L2TP', l2tp, unrestricted),
    scenario(`${tag}-narrowing-subnet-wider`, "narrowing=yes; east expects twice west's subnet", subnets, (e) => withSetting(e, 'rightsubnet', '198.51.100.0/23')),
    scenario(`${tag}-narrowing-subnet-narrower`, "narrowing=yes; east expects half of west's subnet", subnets, (e) => withSetting(e, 'rightsubnet', '198.51.100.0/25')),
  ];
}

/**
 * Two Libreswan gateways, one of them with `narrowing=yes`: which of the two says it decides
 * whether the tunnel comes up whoever starts it, so a warning is the prediction.
 */
export function oneSidedNarrowingScenarios(): Scenario[] {
  const on: Change = (side) => withSetting(side, 'narrowing', 'yes');
  const l2tp = l2tpPair('libreswan', 'libreswan', false);
  const subnets = pair('libreswan', 'libreswan', 'psk');
  const unrestricted: Change = (side) => withoutSetting(withoutSetting(side, 'leftprotoport'), 'rightprotoport');
  const wider: Change = (e) => withSetting(e, 'rightsubnet', '198.51.100.0/23');
  const narrower: Change = (e) => withSetting(e, 'rightsubnet', '198.51.100.0/25');
  const atRisk = (rule: string) => (s: Scenario): Scenario => ({ ...s, atRiskRule: rule });
  const protoports = atRisk('peer-protoport-mismatch');
  const subnetRisk = atRisk('peer-subnet-mismatch');
  const then = (first: Change, second: Change): Change => (side) => second(first(side));
  return [
    protoports(scenario('lsw-narrowing-west-protoport-one-side', 'west (the narrower, L2TP only) says narrowing=yes; east carries all traffic between the hosts', l2tp, unrestricted, on)),
    protoports(scenario('lsw-narrowing-east-protoport-one-side', 'east (the wider, all traffic) says narrowing=yes; west carries L2TP only', l2tp, then(unrestricted, on))),
    subnetRisk(scenario('lsw-narrowing-west-subnet-wider', "west says narrowing=yes; east expects twice west's subnet", subnets, wider, on)),
    subnetRisk(scenario('lsw-narrowing-east-subnet-wider', "east says narrowing=yes and expects twice west's subnet", subnets, then(wider, on))),
    subnetRisk(scenario('lsw-narrowing-west-subnet-narrower', "west says narrowing=yes; east expects half of west's subnet", subnets, narrower, on)),
    subnetRisk(scenario('lsw-narrowing-east-subnet-narrower', "east says narrowing=yes and expects half of west's subnet", subnets, then(narrower, on))),
  ];
}
