import { findUpperLayerProtocol } from '../../knowledge/setkey';
import { defineRule } from '../rule';

const MAX_PROTOCOL_NUMBER = 255;

export const setkeyUnknownUpperLayer = defineRule({
  code: 'setkey-unknown-upper-layer',
  fileKinds: ['setkey'],
  defaultSeverity: 'warning',
  title: 'The upper-layer protocol of a policy may not exist',
  description:
    'setkey looks the upper-layer protocol up in /etc/protocols (besides its own `any`, `icmp6` and `ip4`) and refuses names it cannot find there; a number must be 0 to 255. The name here is not among the usual ones, so check its spelling, or write the protocol number. A `type,code` or key after the protocol only means something for icmp, icmp6 and gre.',
  check(document, report) {
    for (const statement of document.ast.statements) {
      const upper = statement.policy?.upperLayer;
      if (!upper) continue;
      if (/^[0-9]+$/.test(upper.text)) {
        if (upper.text.length > 3 || Number(upper.text) > MAX_PROTOCOL_NUMBER) report({ span: upper.span, message: `protocol number ${upper.text} is over ${MAX_PROTOCOL_NUMBER}` });
        continue;
      }
      const known = findUpperLayerProtocol(upper.text);
      if (!known) report({ span: upper.span, message: `"${upper.text}" is not a usual /etc/protocols name: check the spelling or write the protocol number` });
      const detail = statement.policy?.upperLayerDetail;
      if (known && detail && !known.detail) report({ span: detail.span, message: `"${detail.text}" means nothing after ${upper.text}: only icmp, icmp6 and gre take a detail here` });
    }
  },
});
