import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { racoonRules } from '../../../server/src/checks/racoon';
import { racoonDuplicateSainfo } from '../../../server/src/checks/racoon/duplicateSainfo';
import { racoonEmptyIdentifier } from '../../../server/src/checks/racoon/emptyIdentifier';
import { racoonSainfoSelector } from '../../../server/src/checks/racoon/sainfoSelector';
import type { Finding } from '../../../server/src/checks/finding';
import type { AnyRule } from '../../../server/src/checks/rule';
import { lint } from '../../helpers';

// Cases checked against `racoon -t -f FILE` of ipsec-tools (cftoken.l, cfparse.y): each file below
// was run through it; the comment on each test gives what racoon said.

const PHASE2 = '{ encryption_algorithm aes; authentication_algorithm hmac_sha1; compression_algorithm deflate; }';
const PHASE1 = 'remote anonymous {\n\texchange_mode main;\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method pre_shared_key; dh_group 2; }\n}\n';

/** Each finding as `line text-it-covers severity`, lines counted from 0 after PHASE1. */
function found(body: string, rules: readonly AnyRule[]): string[] {
  const text = PHASE1 + body;
  const offset = PHASE1.split('\n').length - 1;
  const lines = text.split('\n');
  return lint('racoon', text, rules).map((f: Finding) => {
    const { start, end } = f.range;
    const covered = start.line === end.line ? lines[start.line].slice(start.character, end.character) : '(multi-line)';
    return `${start.line - offset} ${covered} ${f.severity}`;
  });
}

function inRemote(statement: string): string {
  return `remote 192.0.2.1 {\n\texchange_mode main;\n\t${statement}\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method pre_shared_key; dh_group 2; }\n}\n`;
}

describe('racoon.conf as racoon itself reads it', () => {
  // racoon -t: accepted, the line break is part of each value.
  it('a string closed on a later line is reported once, with no cascade on the next line', () => {
    const text = 'path pre_shared_key "/etc/racoon/\npsk.txt";\n' + PHASE1.replace('exchange_mode main;', 'exchange_mode main;\n\tmy_identifier fqdn "a\nb";') + `sainfo anonymous ${PHASE2}\n`;
    assert.deepEqual(lint('racoon', text, racoonRules).map((f) => `${f.range.start.line} ${f.code} ${f.severity}`), ['0 racoon-unterminated-string error', '4 racoon-unterminated-string error']);
  });

  // racoon -t: '"icmp" port number must be "any".', '"icmp6" upper layer protocol mismatched.', 'id type forbidden'.
  it('racoon-sainfo-selector: a port with icmp, ICMP of the other family, an asn1dn id', () => {
    const body = [
      `sainfo address 10.0.0.0/24 [80] icmp address 10.1.0.0/24 icmp ${PHASE2}`,
      `sainfo address 10.0.0.0/24 icmp6 address 10.1.0.0/24 any ${PHASE2}`,
      `sainfo address 2001:db8::/64 any address 2001:db8:1::/64 1 ${PHASE2}`,
      `sainfo address 10.0.0.1 any asn1dn "CN=peer" ${PHASE2}`,
      `sainfo address 10.0.0.1[443] 58 anonymous ${PHASE2}`,
      '',
    ].join('\n');
    assert.deepEqual(found(body, [racoonSainfoSelector]), ['0 [80] error', '1 icmp6 error', '2 1 error', '3 asn1dn error', '4 [443] error']);
  });

  // racoon -t: all accepted.
  it('racoon-sainfo-selector stays quiet on what racoon accepts', () => {
    const body = [
      `sainfo address 10.0.0.0/24 [any] icmp address 10.1.0.0/24[0] icmp ${PHASE2}`,
      `sainfo address 2001:db8::/64 icmp6 address 2001:db8:1::/64 icmp6 ${PHASE2}`,
      `sainfo address 10.0.0.1 icmp address 2001:db8::1 icmp6 ${PHASE2}`,
      `sainfo address 10.0.0.1 [80] tcp anonymous from asn1dn "CN=peer" ${PHASE2}`,
      '',
    ].join('\n');
    assert.deepEqual(found(body, [racoonSainfoSelector]), []);
  });

  // racoon -t: '"}" duplicated sainfo: loc=..., rmt=...' for each pair below.
  it('racoon-duplicate-sainfo: the same ids again, whatever the ports, group or an anonymous remote id', () => {
    const body = [
      `sainfo address 10.0.0.1 any address 10.0.0.2 any ${PHASE2}`,
      `sainfo subnet 10.0.0.1/32 0 address 10.0.0.2 any group "staff" ${PHASE2}`,
      `sainfo address 10.0.1.1[80] tcp anonymous ${PHASE2}`,
      `sainfo address 10.0.1.1[443] tcp address 10.0.1.2 tcp from fqdn "peer" ${PHASE2}`,
      `sainfo address 2001:db8::1 any address 2001:db8::2 any ${PHASE2}`,
      `sainfo address 2001:db8:0::1 any address 2001:db8::2 any ${PHASE2}`,
      '',
    ].join('\n');
    const findings = lint('racoon', PHASE1 + body, [racoonDuplicateSainfo]);
    const offset = PHASE1.split('\n').length - 1;
    assert.deepEqual(findings.map((f) => [f.range.start.line - offset, f.severity, (f.related?.[0].range.start.line ?? 0) - offset]), [[1, 'error', 0], [3, 'error', 2], [5, 'error', 4]]);
  });

  it('racoon-duplicate-sainfo names the first earlier sainfo that matches, whether its remote id is the same or anonymous', () => {
    const body = [
      `sainfo address 10.0.0.1 any address 10.0.0.2 any ${PHASE2}`,
      `sainfo address 10.0.0.1 any anonymous ${PHASE2}`,
      `sainfo address 10.0.0.1 any address 10.0.0.2 any ${PHASE2}`,
      `sainfo address 10.0.9.1 any anonymous ${PHASE2}`,
      `sainfo address 10.0.9.1 any address 10.0.9.2 any ${PHASE2}`,
      `sainfo address 10.0.9.1 any address 10.0.9.2 any ${PHASE2}`,
      `sainfo address 10.0.9.1 any address 10.0.9.3 any from fqdn "a" ${PHASE2}`,
      `sainfo address 10.0.9.1 any address 10.0.9.3 any from fqdn "b" ${PHASE2}`,
      '',
    ].join('\n');
    const findings = lint('racoon', PHASE1 + body, [racoonDuplicateSainfo]);
    const offset = PHASE1.split('\n').length - 1;
    assert.deepEqual(
      findings.map((f) => [f.range.start.line - offset, (f.related?.[0].range.start.line ?? 0) - offset]),
      [[1, 0], [2, 0], [4, 3], [5, 3], [6, 3], [7, 3]],
    );
  });

  it('racoon-duplicate-sainfo tells a hub\'s thousands of sainfos apart by their remote ids', () => {
    const body = Array.from({ length: 3000 }, (_, i) => `sainfo address 192.168.0.0/16 any address 10.${i >> 8}.${i & 255}.0/24 any ${PHASE2}`);
    body.push(`sainfo address 192.168.0.0/16 any address 10.11.183.0/24 any ${PHASE2}`, '');
    const findings = lint('racoon', PHASE1 + body.join('\n'), [racoonDuplicateSainfo]);
    const offset = PHASE1.split('\n').length - 1;
    assert.deepEqual(findings.map((f) => [f.range.start.line - offset, (f.related?.[0].range.start.line ?? 0) - offset]), [[3000, 2999]]);
  });

  // racoon -t: all accepted.
  it('racoon-duplicate-sainfo stays quiet where the ids, the protocol, the from ids or the remoteid differ', () => {
    const body = [
      // First: racoon crashes on a clientaddr sainfo read after one whose local id it matches.
      `sainfo address 10.0.5.1 any clientaddr ${PHASE2}`,
      `sainfo address 10.0.5.1 any clientaddr ${PHASE2}`,
      `sainfo address 10.0.0.1 tcp address 10.0.0.2 tcp ${PHASE2}`,
      `sainfo address 10.0.0.1 udp address 10.0.0.2 udp ${PHASE2}`,
      `sainfo address 10.0.0.0/24 any address 10.0.0.2 any ${PHASE2}`,
      `sainfo address 10.0.0.0/25 any address 10.0.0.2 any ${PHASE2}`,
      `sainfo address 10.0.2.1 any address 10.0.2.2 any from fqdn "a" ${PHASE2}`,
      `sainfo address 10.0.2.1 any address 10.0.2.2 any from fqdn "b" ${PHASE2}`,
      `sainfo address 10.0.3.1 any address 10.0.3.2 any ${PHASE2}`,
      `sainfo address 10.0.3.1 any address 10.0.3.2 any { remoteid 1; encryption_algorithm aes; authentication_algorithm hmac_sha1; compression_algorithm deflate; }`,
      `sainfo anonymous address 10.0.4.2 any ${PHASE2}`,
      `sainfo anonymous address 10.0.4.2 any ${PHASE2}`,
      '',
    ].join('\n');
    assert.deepEqual(found(body, [racoonDuplicateSainfo]), []);
  });

  // racoon -t: "failed to set identifer." (after "No fqdn", "Empty user fqdn", "invalid ip address").
  it('racoon-empty-identifier: an fqdn or user_fqdn without a name, an empty string', () => {
    for (const statement of ['my_identifier fqdn;', 'my_identifier user_fqdn "";', 'peers_identifier fqdn "";', 'peers_identifier fqdn xyz;', 'my_identifier address "";', 'my_identifier asn1dn "";']) {
      assert.deepEqual(lint('racoon', inRemote(statement), [racoonEmptyIdentifier]).map((f) => f.severity), ['error'], statement);
    }
    assert.deepEqual(found(`sainfo anonymous from user_fqdn ${PHASE2}\nsainfo address 10.0.0.1 any anonymous from fqdn "" ${PHASE2}\n`, [racoonEmptyIdentifier]), ['0 user_fqdn error', '1 "" error']);
  });

  // racoon -t: all accepted.
  it('racoon-empty-identifier stays quiet on what racoon accepts', () => {
    for (const statement of ['my_identifier fqdn " ";', 'my_identifier address;', 'my_identifier keyid tag "";', 'xauth_login "";', 'my_identifier fqdn 10.0.0.1;', 'peers_identifier user_fqdn "a@example.org";']) {
      assert.deepEqual(lint('racoon', inRemote(statement), [racoonEmptyIdentifier]), [], statement);
    }
    assert.deepEqual(found(`sainfo fqdn "" anonymous ${PHASE2}\nsainfo anonymous from fqdn "peer" ${PHASE2}\n`, [racoonEmptyIdentifier]), []);
  });
});
