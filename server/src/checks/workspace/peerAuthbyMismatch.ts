import { defineWorkspaceRule } from '../workspaceRule';
import { checkSharedSetting } from './peerSettingMismatch';

/** Spellings of the same method across dialects. */
const AUTH_METHOD: Record<string, string> = { secret: 'psk', psk: 'psk', rsasig: 'rsa', rsa: 'rsa', pubkey: 'rsa', 'rsa-sha1': 'rsa', ecdsa: 'ecdsa', never: 'never', null: 'null' };

export const peerAuthbyMismatch = defineWorkspaceRule({
  code: 'peer-authby-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'The two ends authenticate differently',
  description: 'A pre-shared key on one side and certificates on the other never authenticate. Compared after `%default` and `also=`; `secret`/`psk` and `rsasig`/`pubkey` count as the same.',
  checkPair(pair, _model, report) {
    checkSharedSetting(pair, report, {
      key: 'authby',
      normalize: (v) => v.split(/[,\s]+/).map((m) => AUTH_METHOD[m.toLowerCase()] ?? m.toLowerCase()).sort().join(','),
      consequence: 'the peers cannot authenticate each other; use the same method on both sides',
    });
  },
});
