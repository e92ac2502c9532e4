import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeSetkey } from '../../../server/src/features/completion/setkey';
import type { ParsedDocument } from '../../../server/src/model/document';
import { caret, parse } from '../../helpers';

function complete(textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  const doc = parse('setkey', text) as ParsedDocument<'setkey'>;
  return completeSetkey(doc, doc.source.positionAt(offset));
}

function labels(textWithCaret: string): string[] {
  return complete(textWithCaret).map((e) => e.label);
}

describe('setkey completion: commands and SAs', () => {
  it('offers the commands at the start of a statement, also after a ;', () => {
    const commands = labels('flush;\n|');
    for (const name of ['add', 'get', 'delete', 'deleteall', 'flush', 'dump', 'spdadd', 'spddelete', 'spdflush', 'spddump']) assert.ok(commands.includes(name), name);
    assert.ok(labels('flush; sp|').includes('spdadd'));
    assert.equal(complete('spd|').find((e) => e.label === 'spdadd')?.insertText, 'spdadd ');
  });

  it('offers the SA protocols after the two addresses, and for flush and dump', () => {
    const protocols = labels('add 192.0.2.1 192.0.2.2 |');
    for (const name of ['esp', 'ah', 'ipcomp', 'esp-old', 'ah-old', 'tcp']) assert.ok(protocols.includes(name), name);
    assert.ok(labels('flush |').includes('esp'));
    assert.deepEqual(labels('add 192.0.2.1 |'), [], 'a destination address is free text');
    assert.deepEqual(labels('add 192.0.2.1 192.0.2.2 esp |'), [], 'an SPI is free text');
  });

  it('offers extensions and the algorithm flags that fit the protocol after the SPI', () => {
    const esp = labels('add 192.0.2.1 192.0.2.2 esp 0x1000 |');
    for (const flag of ['-m', '-r', '-u', '-E', '-A']) assert.ok(esp.includes(flag), flag);
    assert.ok(!esp.includes('-C'), 'ESP takes no compression');
    const ah = labels('add 192.0.2.1 192.0.2.2 ah 0x1000 -m transport |');
    assert.ok(ah.includes('-A') && !ah.includes('-E'));
    assert.deepEqual(labels('add 192.0.2.1 192.0.2.2 esp 0x1000 -E aes-cbc 0x00112233445566778899aabbccddeeff |'), ['-A'], 'only -A may follow -E');
  });

  it('offers modes after -m and padding after -f', () => {
    assert.deepEqual(labels('add 10.0.0.1 10.0.0.2 esp 0x100 -m |'), ['transport', 'tunnel', 'any']);
    assert.ok(labels('add 10.0.0.1 10.0.0.2 esp 0x100 -f |').includes('random-pad'));
  });

  it('offers algorithms with their key sizes after -E, -A and -C, and never a key', () => {
    const ciphers = complete('add 10.0.0.1 10.0.0.2 esp 0x100 -m tunnel\n\t-E |');
    assert.equal(ciphers.find((e) => e.label === 'aes-cbc')?.detail, '128/192/256 bits');
    assert.equal(ciphers.find((e) => e.label === 'null')?.detail, 'no key');
    assert.ok(!ciphers.some((e) => e.label === 'des-32iv'), 'des-32iv is for esp-old only');
    assert.ok(!ciphers.some((e) => e.label === 'rc5-cbc'), 'retired algorithms are not offered');
    assert.equal(ciphers.find((e) => e.label === '3des-cbc')?.deprecated, true);
    assert.ok(labels('add 10.0.0.1 10.0.0.2 esp 0x100 -E aes-cbc 0x00 -A |').includes('hmac-sha256'));
    assert.deepEqual(labels('add 10.0.0.1 10.0.0.2 ipcomp 0x100 -C |'), ['deflate', 'lzs', 'oui']);
    assert.deepEqual(labels('add 10.0.0.1 10.0.0.2 esp 0x100 -E aes-cbc |'), []);
    assert.deepEqual(labels('add 10.0.0.1 10.0.0.2 esp 0x100 -A hmac-sha1 "|'), []);
  });
});

describe('setkey completion: policies', () => {
  it('offers address options and tagged first, then upper-layer protocols after the two ranges', () => {
    const first = labels('spdadd |');
    assert.ok(first.includes('-4') && first.includes('-n') && first.includes('tagged'));
    const upper = labels('spdadd 10.0.1.0/24 10.0.2.0/24 |');
    for (const name of ['any', 'icmp', 'tcp', 'udp', 'icmp6', 'gre']) assert.ok(upper.includes(name), name);
    assert.ok(labels('spdadd 10.0.1.0/24 [any] 10.0.2.0/24 [80] |').includes('tcp'), 'a bracketed port belongs to its address');
  });

  it('offers -P, then directions, then actions and priorities', () => {
    assert.deepEqual(labels('spdadd 10.0.1.0/24 10.0.2.0/24 any |'), ['-P', '-ctx']);
    assert.deepEqual(labels('spdadd 10.0.1.0/24 10.0.2.0/24 any -P |'), ['in', 'out', 'fwd']);
    const after = labels('spdadd 10.0.1.0/24 10.0.2.0/24 any -P out |');
    for (const word of ['ipsec', 'discard', 'none', 'priority']) assert.ok(after.includes(word), word);
    assert.deepEqual(labels('spdadd 10.0.1.0/24 10.0.2.0/24 any -P out prio |'), ['low', 'def', 'high']);
    assert.deepEqual(labels('spddelete 10.0.1.0/24 10.0.2.0/24 any -P out |'), []);
  });

  it('completes each part of an ipsec request, also on a continuation line', () => {
    const protocols = complete('spdadd 10.0.1.0/24 10.0.2.0/24 any -P out ipsec\n\t|');
    assert.deepEqual(protocols.map((e) => e.insertText), ['esp/', 'ah/', 'ipcomp/']);
    const modes = complete('spdadd 10.0.1.0/24 10.0.2.0/24 any -P out ipsec esp/|');
    assert.deepEqual(modes.map((e) => e.label), ['transport', 'tunnel']);
    assert.deepEqual(modes[0].range, { start: { line: 0, character: 52 }, end: { line: 0, character: 52 } });
    assert.deepEqual(labels('spdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport/|'), ['/default', '/use', '/require', '/unique']);
    assert.deepEqual(labels('spdadd 10.0.1.0/24 10.0.2.0/24 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/re|'), ['default', 'use', 'require', 'unique']);
    assert.ok(labels('spdadd 10.0.0.1 10.0.0.2 any -P in ipsec esp/transport//require ah/|').includes('transport'));
    assert.deepEqual(labels('spdadd 10.0.0.1 10.0.0.2 any -P in discard |'), []);
  });

  it('offers nothing in comments', () => {
    assert.deepEqual(labels('# spdadd |\n'), []);
  });
});
