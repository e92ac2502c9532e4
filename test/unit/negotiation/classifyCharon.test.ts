import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyPairLogs, parseCharonLog } from '../../../scripts/negotiation/strongswan/classifyCharon';

const log = (lines: readonly string[]): string => lines.map((text, i) => `14:44:10.${String(100 + i).padStart(3, '0')} 09[IKE] ${text}`).join('\n');
const IKE_UP = 'IKE_SA tunnel[1] established between 192.0.2.2[east.example]...192.0.2.1[west.example]';

function verdict(west: readonly string[], east: readonly string[], final = true) {
  const lines = [...parseCharonLog('west', log(west)), ...parseCharonLog('east', log(east))];
  return classifyPairLogs({ lines, responder: 'east', startErrors: [], final });
}

describe("classifying strongSwan's charon logs", () => {
  it('reads the time, with milliseconds, and the text; other lines are dropped', () => {
    const lines = parseCharonLog('west', '14:44:10.123 07[CFG] added configuration \'t\'\nnot a log line\n');
    assert.deepEqual(lines, [{ host: 'west', t: ((14 * 60 + 44) * 60 + 10) * 1000 + 123, text: "added configuration 't'" }]);
  });

  it('is up when both sides hold the IKE SA and the responder went on to install the Child SA (the kernel here has no ESP)', () => {
    const up = verdict([IKE_UP, 'received NO_PROPOSAL_CHOSEN notify, no CHILD_SA built'], [IKE_UP, 'unable to install inbound and outbound IPsec SA (SAD) in kernel']);
    assert.equal(up?.verdict, 'up');
    // IKEv1: the initiator installs on the responder's Quick Mode answer.
    const ikev1 = verdict([IKE_UP, 'unable to install inbound and outbound IPsec SA (SAD) in kernel'], [IKE_UP, 'received NO_PROPOSAL_CHOSEN error notify']);
    assert.equal(ikev1?.verdict, 'up');
  });

  it('names the reason of a failure from the first cause logged', () => {
    assert.equal(verdict([], ["tried 1 shared key for 'east.example' - 'west.example', but MAC mismatched"])?.reason, 'auth-failed');
    assert.equal(verdict([], ['no matching peer config found'])?.reason, 'peer-id');
    assert.equal(verdict([], ['no IKE config found for 192.0.2.2...192.0.2.1, sending NO_PROPOSAL_CHOSEN'])?.reason, 'no-connection');
    assert.equal(verdict([], ['no acceptable proposal found'])?.reason, 'ike-no-proposal');
    assert.equal(verdict([IKE_UP], [IKE_UP, 'no acceptable proposal found'])?.reason, 'child-no-proposal');
    assert.equal(verdict([], [IKE_UP, 'traffic selectors 203.0.113.0/24 === 198.51.100.0/24 unacceptable'])?.reason, 'ts-unacceptable');
    assert.equal(verdict([], ["no trusted RSA public key found for 'west.example'"])?.reason, 'cert-untrusted');
    assert.equal(verdict(['giving up after 2 retransmits'], [])?.reason, 'no-response');
  });

  it('waits while nothing decisive was logged, and gives up only at the end', () => {
    assert.equal(verdict(['initiating IKE_SA tunnel[1] to 192.0.2.2'], [], false), undefined);
    assert.equal(verdict(['initiating IKE_SA tunnel[1] to 192.0.2.2'], [], true)?.reason, 'other');
  });
});
