import { defineWorkspaceRule } from '../workspaceRule';
import { checkSharedSetting } from './peerSettingMismatch';

export const peerPfsMismatch = defineWorkspaceRule({
  code: 'peer-pfs-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'One end asks for perfect forward secrecy and the other does not',
  description: 'With `pfs=yes` on one side and `pfs=no` on the other, the Child SA proposals may not match, depending on who initiates. Set the same value on both sides.',
  checkPair(pair, _model, report) {
    checkSharedSetting(pair, report, {
      key: 'pfs',
      normalize: (v) => v.toLowerCase(),
      consequence: 'the Child SA may fail depending on which side initiates; set the same value on both sides',
    });
  },
});
