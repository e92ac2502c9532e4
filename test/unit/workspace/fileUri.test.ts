import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { fileUri } from '../../../server/src/workspace/loadIpsecNode';

describe('fileUri', () => {
  it('spells every path as Node does, whether it takes the quick route or not', () => {
    const paths = ['/etc/ipsec.conf', '/ws/fr/etc/ipsec.d/dk.conf', '/a b/ipsec.conf', '/a/../b/ipsec.conf', '/a/./b', '/a//b', '/a/b/', '/é/ipsec.conf', '/a%20b', '/a#b', '/a?b', '/x~y_z-1.2'];
    for (const p of paths) assert.equal(fileUri(p), pathToFileURL(p).href, p);
  });
});
