import { defineWorkspaceRule } from '../workspaceRule';
import { checkSharedSetting } from './peerSettingMismatch';
import { bothMayRunStrongswanIkev2 } from './strongswanIkev2';

export const peerTypeMismatch = defineWorkspaceRule({
  code: 'peer-type-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends of a tunnel use different modes',
  description:
    'Both sides must agree on `type=` (tunnel, the default, or transport); otherwise Libreswan and Openswan refuse the Child SA (NO_PROPOSAL_CHOSEN), as does strongSwan over IKEv1. Two strongSwan gateways speaking IKEv2 settle on tunnel mode instead, so the pair comes up but not in the mode one of them was written for: a warning when both gateways may run strongSwan. Reported on both files.',
  checkPair(pair, _model, report) {
    const fallsBack = bothMayRunStrongswanIkev2(pair);
    checkSharedSetting(pair, report, {
      key: 'type',
      normalize: (v) => v.toLowerCase(),
      fallback: 'tunnel',
      consequence: fallsBack
        ? 'Libreswan and Openswan refuse the Child SA, and strongSwan over IKEv2 falls back to tunnel mode; use the same type on both sides'
        : 'the Child SA will be refused (NO_PROPOSAL_CHOSEN); use the same type on both sides',
      severity: () => (fallsBack ? 'warning' : undefined),
    });
  },
});
