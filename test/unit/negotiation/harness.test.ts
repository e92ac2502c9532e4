import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stratifiedCase } from '../../../scripts/negotiation/campaign';
import { classify } from '../../../scripts/negotiation/classify';
import { compare } from '../../../scripts/negotiation/compare';
import { renderConfFiles } from '../../../scripts/negotiation/layout';
import { LIBRESWAN5_CATALOGUE, MUTATIONS } from '../../../scripts/negotiation/mutations';
import type { Prediction } from '../../../scripts/negotiation/predict';
import { redactSecrets } from '../../../scripts/negotiation/redact';

describe('negotiation harness, the parts that need no daemon', () => {
  it('every mutation of the catalogue finds a pair it applies to, and is applied', () => {
    for (const [index, mutation] of LIBRESWAN5_CATALOGUE.entries()) {
      const pair = stratifiedCase(index, 7, mutation.name, LIBRESWAN5_CATALOGUE);
      assert.equal(pair.mutation, mutation.name);
      assert.ok(pair.detail.length > 0, mutation.name);
    }
  });

  it('writes the also= layout without repeating a key of the shared conn', () => {
    const pair = stratifiedCase(0, 7, 'also-repeat');
    const side = pair.mutatedSide === 'east' ? pair.east : pair.west;
    side.ownOverrides = {};
    const conf = renderConfFiles(pair, side)['ipsec.conf'];
    const own = conf.slice(conf.indexOf(`conn ${side.connName}`));
    assert.match(conf, /conn shared\n/);
    assert.match(own, /\talso=shared\n/);
    assert.doesNotMatch(own, /\t(authby|ikev2|type|keyingtries)=/);
  });

  it('draws the Libreswan 5 only mutations in Libreswan 5 campaigns only, and writes the pin and ikev1-policy it is given', () => {
    assert.ok(!MUTATIONS.some((m) => m.name === 'ikev1-policy-default'));
    assert.throws(() => stratifiedCase(0, 7, 'ikev1-policy-default'), /no base pair fits/);
    const pair = stratifiedCase(0, 7, 'ikev1-policy-default', LIBRESWAN5_CATALOGUE);
    const mutated = pair.mutatedSide === 'east' ? pair.east : pair.west;
    const other = mutated === pair.east ? pair.west : pair.east;
    assert.doesNotMatch(renderConfFiles(pair, mutated, 'libreswan-5.2')['ipsec.conf'], /ikev1-policy/);
    assert.match(renderConfFiles(pair, other, 'libreswan-5.2')['ipsec.conf'], /^# ipsec-dialect: libreswan-5\.2\n[^]*\tikev1-policy=accept\n/);
    const dropped = stratifiedCase(0, 7, 'ikev1-policy-drop');
    const side = dropped.mutatedSide === 'east' ? dropped.east : dropped.west;
    assert.match(renderConfFiles(dropped, side)['ipsec.conf'], /^# ipsec-dialect: libreswan-4\.10\n[^]*\tikev1-policy=drop\n/);
  });

  it('replaces every secret by a label that is equal for equal secrets', () => {
    const out = redactSecrets({ west: '%any : PSK "MARKER-a"\n@w @e : PSK "MARKER-b"\n', east: ': PSK \'MARKER-a\'\n@x : XAUTH MARKER-c\n' });
    assert.doesNotMatch(JSON.stringify(out), /MARKER/);
    assert.equal(out.west, '%any : PSK "‹key 1›"\n@w @e : PSK "‹key 2›"\n');
    assert.equal(out.east, ': PSK "‹key 1›"\n@x : XAUTH "‹key 3›"\n');
  });

  it('reads the verdict from the responder: up once it installs the Child SA, else the first cause', () => {
    const stamp = (text: string) => `Nov 30 14:00:00.000000: ${text}`;
    const input = (westLog: string, eastLog: string, responder: 'west' | 'east') => ({ westLog, eastLog, startErrors: [], crashed: [], final: true, responder });
    const established = stamp('"x" #1: established IKE SA');
    const install = stamp('ERROR: "x" #2: netlink response for Add SA esp.1@192.0.2.1: Function not implemented (errno 38)');
    assert.equal(classify(input(established, `${established}\n${install}`, 'east'))?.verdict, 'up');
    assert.equal(classify(input(`${established}\n${install}`, established, 'east'))?.verdict, 'fails');
    assert.equal(classify(input(`${established}\n${install}`, established, 'west'))?.verdict, 'up');
    assert.equal(classify(input(stamp('"x" #1: NSS: ERROR: IPsec certificate CN=w invalid: SEC_ERROR_UNKNOWN_ISSUER: x'), '', 'east'))?.reason, 'cert-untrusted');
  });

  it('counts a pair that came up both ways, and leaves a narrowed selector undecided', () => {
    const pair = stratifiedCase(0, 7, 'subnet-resized');
    const up: Prediction = { verdict: 'up', errorCodes: [], warningCodes: [], fileFindings: [], findings: [] };
    const both = [{ initiator: 'west' as const }, { initiator: 'east' as const }];
    assert.equal(compare(pair, up, { verdict: 'up', reason: 'up', directions: both }).outcome, 'undecidable');
    const fails: Prediction = { ...up, verdict: 'fails', errorCodes: ['peer-subnet-mismatch'] };
    assert.equal(compare(pair, fails, { verdict: 'fails', reason: 'ts-unacceptable', directions: [both[0]] }).outcome, 'agree-fails');
    const baseline = stratifiedCase(0, 7, 'none');
    assert.equal(compare(baseline, up, { verdict: 'up', reason: 'up', directions: both }).outcome, 'agree-up');
  });
});
