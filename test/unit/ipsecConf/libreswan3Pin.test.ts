import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unknownKeyword } from '../../../server/src/checks/ipsecConf/unknownKeyword';
import { lookupKeyword } from '../../../server/src/knowledge/ipsecConf';
import { LIBRESWAN_3_ONLY } from '../../../server/src/knowledge/ipsecConf/libreswan3Keywords';
import { lint } from '../../helpers';

const check = (text: string) => lint('ipsec', text, [unknownKeyword]).map((f) => `${f.range.start.line} ${f.severity}: ${f.message}`);

const FILE = 'config setup\n\tnat_traversal=yes\n\tplutostderrlogtime=yes\n\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tike-frag=yes\n\tleftrsasigkey2=0sAQ==\n\tfragmentaton=yes\n';

describe('a file pinned to Libreswan 3', () => {
  it('only notes a keyword Libreswan 3 took and 4.0 dropped, and still calls a misspelt one an error', () => {
    const found = check(`# ipsec-dialect: libreswan-3.25\n${FILE}`);
    assert.deepEqual(found.map((f) => f.split(':')[0]), ['2 info', '3 info', '8 info', '9 info', '10 error']);
    assert.match(found[2], /Libreswan 4\.0 and later refuse "ike-frag", which Libreswan 3 took; the files are pinned to Libreswan 3\.25, so it is left as it is: write fragmentation when you upgrade/);
    assert.match(found[4], /"fragmentaton".*did you mean "fragmentation"/);
  });

  it('notes such a key only in the kind of section Libreswan 3 took it in', () => {
    assert.match(check('# ipsec-dialect: libreswan-3.25\nconn a\n\tnat_traversal=yes\n')[0], /^2 error/);
  });

  it('keeps the error for a file pinned to a modelled release, or not pinned', () => {
    assert.match(check(`# ipsec-dialect: libreswan-4.10\n${FILE}`)[2], /^8 error: Libreswan 4\.10 no longer accepts "ike-frag"/);
    assert.match(check(`# ipsec-dialect: libreswan\n${FILE}`)[2], /^8 error/);
  });

  it('lists only keys that every modelled Libreswan release refuses', () => {
    for (const [key] of LIBRESWAN_3_ONLY) {
      const { status } = lookupKeyword(key, 'libreswan');
      assert.ok(status === 'removed' || status === 'unknown', `${key} is ${status} in the Libreswan model`);
    }
  });
});
