import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setkeyHover } from '../../../server/src/features/hover/setkey';
import type { ParsedDocument } from '../../../server/src/model/document';
import { caret, parse } from '../../helpers';

function hover(textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  return setkeyHover(parse('setkey', text) as ParsedDocument<'setkey'>, offset);
}

function markdown(textWithCaret: string): string {
  return hover(textWithCaret)?.markdown ?? '';
}

const SA = 'add 192.0.2.1 192.0.2.2 esp 0x1001 -m tunnel -E aes-cbc 0x00112233445566778899aabbccddeeff -A hmac-sha1 "twenty bytes secret!" ;';

describe('setkey hover', () => {
  it('explains commands with their synopsis', () => {
    const result = hover('spd|add 10.0.0.1 10.0.0.2 any -P out none;');
    assert.match(result?.markdown ?? '', /^\*\*spdadd\*\* \(setkey command\)/);
    assert.match(result?.markdown ?? '', /`spdadd \[-46n\] src_range dst_range upperspec/);
    assert.deepEqual(result?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
    assert.match(markdown('getsp|i 10.0.0.1 10.0.0.2 esp 0x100;'), /maintained ipsec-tools fork/);
  });

  it('explains options, protocols, extensions and modes', () => {
    assert.match(markdown('spdadd -|n 10.0.0.1 10.0.0.2 any -P out none;'), /Do not resolve names/);
    assert.match(markdown(SA.replace('esp 0x', 'es|p 0x')), /Encapsulating Security Payload/);
    assert.match(markdown(SA.replace('-m tunnel', '-|m tunnel')), /\*\*-m\*\* \(SA extension\)/);
    assert.match(markdown(SA.replace('-m tunnel', '-m tun|nel')), /\*\*tunnel\*\* \(SA mode\)/);
    assert.match(markdown('flush a|h;'), /Authentication Header/);
  });

  it('explains algorithms with the key size they take', () => {
    assert.match(markdown(SA.replace('aes-cbc', 'aes-c|bc')), /\*\*aes-cbc\*\*[\s\S]*a key of 128, 192, 256 bits/);
    assert.match(markdown(SA.replace('hmac-sha1', 'hmac-s|ha1')), /a key of 160 bits/);
    assert.match(markdown(SA.replace('-E aes', '-|E aes')), /Encryption algorithm for ESP/);
  });

  it('measures a key against its algorithm without ever showing it', () => {
    const hex = markdown(SA.replace('0x0011', '0x00|11'));
    assert.match(hex, /This key is 128 bits long\. `aes-cbc` takes a key of 128, 192, 256 bits\. The key itself is not shown\./);
    assert.doesNotMatch(hex, /00112233/);
    const text = markdown(SA.replace('"twenty', '"twen|ty'));
    assert.match(text, /160 bits long/);
    assert.doesNotMatch(text, /twenty|secret/);
  });

  it('explains the words of a policy and each part of a request', () => {
    const policy = 'spdadd 10.0.1.0/24 10.0.2.0/24 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/unique:7;';
    assert.match(markdown(policy.replace('any', 'a|ny')), /Any upper-layer protocol/);
    assert.match(markdown(policy.replace('-P', '-|P')), /Starts the policy/);
    assert.match(markdown(policy.replace('out', 'o|ut')), /Packets this host sends/);
    assert.match(markdown(policy.replace('ipsec', 'ips|ec')), /Protect the matching packets/);
    assert.match(markdown(policy.replace('esp/', 'e|sp/')), /\*\*esp\*\* \(request protocol\)/);
    assert.match(markdown(policy.replace('tunnel', 'tun|nel')), /\*\*tunnel\*\* \(request mode\)/);
    assert.match(markdown(policy.replace('192.0.2.1-', '192.0.|2.1-')), /tunnel endpoints/);
    const level = hover(policy.replace('unique', 'uni|que'));
    assert.match(level?.markdown ?? '', /\*\*unique\*\* \(request level\)[\s\S]*`-u 7`/);
    assert.equal(level?.range.start.character, policy.indexOf('unique'));
    assert.equal(hover('spdadd 10.0.1.0/24 10.0.|2.0/24 any -P out none;'), undefined);
  });
});
