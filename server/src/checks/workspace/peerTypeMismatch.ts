import { defineWorkspaceRule } from '../workspaceRule';
import { checkSharedSetting } from './peerSettingMismatch';
import { modeFallsBackToTunnel } from './strongswanIkev2';

export const peerTypeMismatch = defineWorkspaceRule({
  code: 'peer-type-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends of a tunnel use different modes',
  description:
    "Both sides must agree on `type=` (tunnel, the default, or transport); otherwise Libreswan and Openswan refuse the Child SA (NO_PROPOSAL_CHOSEN), as does strongSwan over IKEv1. Over IKEv2 between the two gateways' own addresses (no subnets), a transport end that runs strongSwan answers a tunnel request in tunnel mode, and a tunnel end that runs strongSwan or Libreswan does the same with a transport request: the pair comes up, but not in the mode one of them was written for, so that is a warning. A transport end that runs Libreswan refuses tunnel requests, and with subnets strongSwan narrows the traffic of a transport conn to the two hosts and refuses the subnets the other end asks for: errors. Seen with strongSwan 5.9.8 and Libreswan 4.10. Reported on both files.",
  checkPair(pair, _model, report) {
    const fallsBack = modeFallsBackToTunnel(pair);
    checkSharedSetting(pair, report, {
      key: 'type',
      normalize: (v) => v.toLowerCase(),
      fallback: 'tunnel',
      consequence: fallsBack
        ? 'between two hosts over IKEv2 the daemons settle on tunnel mode, so the tunnel comes up, but not in transport mode; use the same type on both sides'
        : 'the Child SA will be refused (NO_PROPOSAL_CHOSEN); use the same type on both sides',
      severity: () => (fallsBack ? 'warning' : undefined),
    });
  },
});
