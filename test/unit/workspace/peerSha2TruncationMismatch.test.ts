import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

type Head = keyof typeof GATEWAY_HEAD;

function truncationFindings(aHead: Head, aExtra: string, bHead: Head, bExtra: string) {
  const conn = (self: string, peer: string, extra: string) =>
    `conn tunnel\n\tleft=192.0.2.${self}\n\tleftid=@${self}.example\n\tright=192.0.2.${peer}\n\trightid=@${peer}.example\n\tauthby=secret\n${extra}\tauto=start\n`;
  return pairFindings('peer-sha2-truncation-mismatch', `${GATEWAY_HEAD[aHead]}${conn('1', '2', aExtra)}`, `${GATEWAY_HEAD[bHead]}${conn('2', '1', bExtra)}`);
}

const SHA256 = '\tesp=aes256-sha2_256\n';

describe('peer-sha2-truncation-mismatch', () => {
  it('is an error on both ends when they settle on HMAC-SHA2-256 and only one truncates it', () => {
    const found = truncationFindings('libreswan', `${SHA256}\tsha2-truncbug=yes\n`, 'libreswan', SHA256);
    assert.deepEqual(found.map((f) => `${f.severity} ${f.range.start.line}`), ['error 10', 'error 3']);
    assert.match(found[0].message, /^sha2-truncbug=yes, a 96-bit checksum here, but the standard 128-bit checksum at the peer \(conn tunnel in b\/ipsec\.conf\): ESP settles on HMAC-SHA2-256, so the tunnel comes up but every packet fails/);
    assert.equal(found[0].fixes?.[0].edits[0].newText, 'no', "the written end is offered the peer's value");
  });

  it("compares Libreswan's sha2-truncbug with strongSwan's sha256_96", () => {
    assert.deepEqual(truncationFindings('libreswan', `${SHA256}\tsha2-truncbug=yes\n`, 'strongswan', '\tesp=aes256-sha256!\n\tsha256_96=yes\n'), []);
    assert.equal(truncationFindings('libreswan', `${SHA256}\tsha2-truncbug=yes\n`, 'strongswan', '\tesp=aes256-sha256!\n').length, 2);
  });

  it('stays silent where ESP may settle on something else, or both ends agree', () => {
    assert.deepEqual(truncationFindings('libreswan', '\tesp=aes256-sha2_512\n\tsha2-truncbug=yes\n', 'libreswan', '\tesp=aes256-sha2_512\n'), [], 'SHA2-512 is not truncated');
    assert.deepEqual(truncationFindings('libreswan', '\tesp=aes256-sha2_256,aes_gcm256\n\tsha2-truncbug=yes\n', 'libreswan', '\tesp=aes256-sha2_256,aes_gcm256\n'), [], 'AES-GCM may be chosen');
    assert.deepEqual(truncationFindings('libreswan', `${SHA256}\tsha2-truncbug=yes\n`, 'libreswan', `${SHA256}\tsha2-truncbug=yes\n`), []);
    assert.deepEqual(truncationFindings('libreswan', `${SHA256}\tsha2-truncbug=yes\n\tphase2=ah\n`, 'libreswan', `${SHA256}\tphase2=ah\n`), [], 'AH is not judged');
    assert.deepEqual(truncationFindings('libreswan', `${SHA256}\tsha2-truncbug=maybe\n`, 'libreswan', SHA256), [], 'an unreadable value says nothing');
  });
});
