import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WATCHED_FILES } from '../../../client/src/watchedFiles';
import { matchSegment } from '../../../server/src/workspace/glob';

/** Whether `**\/{a,b/c,…}` takes a path: some alternative matches its last segments. */
function watched(filePath: string): boolean {
  const match = /^\*\*\/\{(.*)\}$/.exec(WATCHED_FILES);
  assert.ok(match, 'one brace list under **/');
  const segments = filePath.split('/');
  return match[1].split(',').some((alternative) => {
    const parts = alternative.split('/');
    const tail = segments.slice(-parts.length);
    return tail.length === parts.length && parts.every((part, i) => matchSegment(part, tail[i]));
  });
}

describe('the files the extension watches', () => {
  it('include every kind of file the checks read from disk', () => {
    for (const filePath of [
      'de/etc/ipsec.conf',
      'de/etc/ipsec.d/fr.conf',
      'de/etc/ipsec.secrets',
      'de/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der',
      'de/etc/ipsec.d/certs/gw.pem',
      'de/etc/ipsec.d/private/gw.key',
      'de/etc/ipsec.d/crls/ca.crl',
      'de/etc/ipsec.d/crls/list-without-extension',
      'de/etc/ipsec.d/cacerts/fr-ca-without-extension',
      'de/etc/ipsec.d/certs/gw.cert',
      'de/etc/ipsec.d/private/gw-key-without-extension',
      'racoon/psk.txt',
      'racoon/certs/host.cert',
      'gw/etc/tunnels.setkey',
      '.ipsec-lint.json',
    ]) {
      assert.ok(watched(filePath), filePath);
    }
  });

  it('leave out what nothing reads', () => {
    for (const filePath of ['README.md', 'de/etc/ipsec.d/notes.txt', 'src/index.ts']) assert.equal(watched(filePath), false, filePath);
  });
});
