import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SetkeyToken } from '../../../server/src/parsing/setkey/ast';
import { classifyHost, isIpv6, keyBits, spiValue } from '../../../server/src/parsing/setkey/values';

const token = (kind: 'word' | 'string', text: string): SetkeyToken => ({ kind, text, span: { start: 0, end: 0 }, startsLine: false, terminated: true });

describe('setkey values', () => {
  it('classifies hosts as setkey would read them', () => {
    const kinds = (texts: string[]) => texts.map((t) => classifyHost(t).kind);
    assert.deepEqual(kinds(['192.0.2.1', '10.1', '0.0.0.0', '::1', 'fe80::1%eth0', '::ffff:192.0.2.1', 'gw.example.org', 'host-1']), ['ipv4', 'ipv4', 'ipv4', 'ipv6', 'ipv6', 'ipv6', 'name', 'name']);
    assert.deepEqual(kinds(['192.0.2.300', '1.2.3.4.5', '10..1', '1:2:3:4:5:6:7:8:9', '1::2::3', '<gw>', '$IP', '_gw', '', 'x.x.x.x', '192.168.1.x']), Array(11).fill('invalid'));
    assert.equal(classifyHost('a.example.org.uk').kind, 'name');
  });

  it('checks IPv6 literals without regular-expression backtracking', () => {
    assert.ok(isIpv6('2001:db8::'));
    assert.ok(isIpv6('1:2:3:4:5:6:7:8'));
    assert.ok(!isIpv6('1:2:3:4:5:6:7::8:9'));
    assert.ok(!isIpv6(':'.repeat(50_000)));
  });

  it('counts key bits as setkey hands them to the kernel', () => {
    assert.equal(keyBits(token('string', 'kamekame')), 64);
    assert.equal(keyBits(token('string', 'é')), 16);
    assert.equal(keyBits(token('word', '0x0123')), 16);
    assert.equal(keyBits(token('word', '0x123')), 16);
    assert.equal(keyBits(token('word', '0xzz')), undefined);
  });

  it('reads SPIs up to 32 bits', () => {
    assert.equal(spiValue('0x10001'), 0x10001);
    assert.equal(spiValue('4294967295'), 4294967295);
    assert.equal(spiValue('0xffffffff'), 0xffffffff);
    assert.equal(spiValue('0x000000001000'), 0x1000);
    assert.equal(spiValue('4294967296'), undefined);
    assert.equal(spiValue('0x100000000'), undefined);
  });
});
