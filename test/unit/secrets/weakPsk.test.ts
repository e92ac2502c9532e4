import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyBytes, weakPsk } from '../../../server/src/checks/secrets/weakPsk';
import { lint } from '../../helpers';

const SHORT = 'hunter2-marker';

const found = (kind: 'ipsec-secrets' | 'racoon-psk', text: string) => lint(kind, text, [weakPsk]).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.severity}`);

describe('weak-psk', () => {
  it('measures keys in bytes: text as written, 0x hex and 0s base64 decoded', () => {
    assert.equal(keyBytes('abc', true), 3);
    assert.equal(keyBytes('0x00112233445566778899aabbccddeeff', false), 16);
    assert.equal(keyBytes('0x0011_2233', false), 4);
    assert.equal(keyBytes('0sAAECAwQFBgcICQoLDA0ODw==', false), 16);
    assert.equal(keyBytes('0x0011', true), 6, 'quoted, it is text');
  });

  it('warns about a short PSK in ipsec.secrets, at the key and without showing it', () => {
    const text = `@a @b : PSK "${SHORT}"\n@c : PSK 0sAAECAwQFBgcICQoLDA0ODw==\n: PSK "a-long-enough-random-passphrase"\n@d : XAUTH "short"\n: RSA key.pem "pw"\n`;
    assert.deepEqual(found('ipsec-secrets', text), ['0:12 warning']);
    const [finding] = lint('ipsec-secrets', text, [weakPsk]);
    assert.doesNotMatch(finding.message, new RegExp(SHORT));
    assert.match(finding.message, /shorter than 16 bytes/);
  });

  it('warns about a short key in psk.txt, but not the placeholder or a long hex key', () => {
    const text = `192.0.2.1 ${SHORT}\n192.0.2.2 0x00112233445566778899aabbccddeeff\n192.0.2.3 REPLACE-WITH-SHARED-KEY\n# 192.0.2.4 x\n`;
    assert.deepEqual(found('racoon-psk', text), ['0:10 warning']);
  });
});
