import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { racoonClientaddrSainfo } from '../../../server/src/checks/racoon/clientaddrSainfo';
import { lint } from '../../helpers';

// Each file below was run through `racoon -t -f FILE` of the racoon-ipsec-tools fork (0.9.1, default
// build, glibc); the comments say what it did.

function sainfo(header: string, body = ''): string {
  return `sainfo ${header} {\n${body}\tencryption_algorithm aes;\n\tauthentication_algorithm hmac_sha1;\n\tcompression_algorithm deflate;\n}\n`;
}

/** `line: start of message` of each finding of the rule. */
function found(text: string): string[] {
  return lint('racoon', text, [racoonClientaddrSainfo]).map((f) => `${f.range.start.line}: ${f.message.split(':')[0]}`);
}

describe('racoon-clientaddr-sainfo', () => {
  it('a matching sainfo with a real remote id first: racoon crashes (segmentation fault)', () => {
    assert.deepEqual(found(sainfo('address 10.0.0.1 any address 10.0.0.9 any') + sainfo('address 10.0.0.1 any clientaddr')), ['5: racoon crashes reading this sainfo']);
    // An anonymous local id matches any, on either side; a /32 subnet is the address.
    assert.deepEqual(found(sainfo('address 10.0.0.1 any address 10.0.0.9 any') + sainfo('anonymous clientaddr')), ['5: racoon crashes reading this sainfo']);
    assert.deepEqual(found(sainfo('address 10.0.0.1/32 any address 10.0.0.9 any') + sainfo('address 10.0.0.1 any clientaddr')), ['5: racoon crashes reading this sainfo']);
    // The same remoteid on both.
    assert.deepEqual(found(sainfo('address 10.0.0.1 any address 10.0.0.9 any', '\tremoteid 5;\n') + sainfo('anonymous clientaddr', '\tremoteid 5;\n')), ['6: racoon crashes reading this sainfo']);
  });

  it('a matching sainfo with an anonymous remote id first: refused as a duplicate, unless a local id is anonymous', () => {
    // "duplicated sainfo: loc='10.0.0.1', rmt='CLIENTADDR'"
    assert.deepEqual(found(sainfo('address 10.0.0.1 any anonymous') + sainfo('address 10.0.0.1 any clientaddr')), ['5: The sainfo on line 1 already matches this local id with an anonymous remote id']);
    // Accepted.
    assert.deepEqual(found(sainfo('anonymous') + sainfo('anonymous clientaddr')), []);
    assert.deepEqual(found(sainfo('anonymous') + sainfo('address 10.0.0.1 any clientaddr')), []);
  });

  it('accepts what racoon accepts', () => {
    // Another local id, another remoteid, the clientaddr sainfo first, or two clientaddr sainfos.
    assert.deepEqual(found(sainfo('address 10.0.0.2 any address 10.0.0.9 any') + sainfo('address 10.0.0.1 any clientaddr')), []);
    assert.deepEqual(found(sainfo('address 10.0.0.1 any address 10.0.0.9 any') + sainfo('address 10.0.0.1 any clientaddr', '\tremoteid 5;\n')), []);
    assert.deepEqual(found(sainfo('address 10.0.0.1 any clientaddr') + sainfo('address 10.0.0.1 any address 10.0.0.9 any')), []);
    assert.deepEqual(found(sainfo('anonymous clientaddr') + sainfo('anonymous clientaddr')), []);
    // A subnet is not its first address.
    assert.deepEqual(found(sainfo('subnet 10.0.0.0/24 any address 10.0.0.9 any') + sainfo('address 10.0.0.1 any clientaddr')), []);
  });

  it('follows the order racoon keeps: a more specific sainfo is met first', () => {
    // The second sainfo (a real remote id and a from id) ranks above the first (an anonymous remote id), so the check meets it first: segmentation fault.
    const text = sainfo('address 10.0.0.2 any anonymous from address 10.2.2.2') + sainfo('address 10.0.0.2 any address 10.0.0.9 any from address 10.1.1.1') + sainfo('address 10.0.0.2 any clientaddr');
    assert.deepEqual(found(text), ['10: racoon crashes reading this sainfo']);
    assert.match(lint('racoon', text, [racoonClientaddrSainfo])[0].message, /meets the sainfo on line 6 first/);
  });

  it('stops after a sainfo racoon refuses, as racoon does', () => {
    const text = sainfo('address 10.0.0.1 any address 10.0.0.9 any') + sainfo('address 10.0.0.1 any address 10.0.0.9 any') + sainfo('address 10.0.0.1 any clientaddr');
    assert.deepEqual(found(text), []);
  });
});
