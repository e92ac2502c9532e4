import { defineWorkspaceRule } from '../workspaceRule';
import { checkSharedSetting } from './peerSettingMismatch';

export const peerTypeMismatch = defineWorkspaceRule({
  code: 'peer-type-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends of a tunnel use different modes',
  description: 'Both sides must agree on `type=` (tunnel, the default, or transport); otherwise the Child SA is refused with NO_PROPOSAL_CHOSEN. Reported on both files.',
  checkPair(pair, _model, report) {
    checkSharedSetting(pair, report, {
      key: 'type',
      normalize: (v) => v.toLowerCase(),
      fallback: 'tunnel',
      consequence: 'the Child SA will be refused (NO_PROPOSAL_CHOSEN); use the same type on both sides',
    });
  },
});
