import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badValue } from '../../../server/src/checks/ipsecConf/badValue';
import { unknownKeyword } from '../../../server/src/checks/ipsecConf/unknownKeyword';
import { wrongSection } from '../../../server/src/checks/ipsecConf/wrongSection';
import { lookupKeyword } from '../../../server/src/knowledge/ipsecConf';
import { LIBRESWAN_3_MOVED, LIBRESWAN_3_ONLY } from '../../../server/src/knowledge/ipsecConf/libreswan3Keywords';
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

  it('lists as moved only keys every modelled Libreswan release takes, in another section', () => {
    for (const [key, section] of LIBRESWAN_3_MOVED) {
      const lookup = lookupKeyword(key, 'libreswan');
      assert.ok(lookup.status === 'valid' || lookup.status === 'deprecated', `${key} is ${lookup.status}`);
      assert.ok(!lookup.sections.includes(section), `${key} is taken in ${section}`);
    }
  });
});

describe('a file pinned to Libreswan 3: sections and proposals', () => {
  const placed = (text: string) => lint('ipsec', text, [wrongSection]).map((f) => `${f.range.start.line} ${f.severity}: ${f.message}`);
  const values = (text: string) => lint('ipsec', text, [badValue]).map((f) => `${f.range.start.line} ${f.severity}: ${f.message}`);
  const conn = (line: string) => `conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${line}\n`;

  it('notes ikeport= in config setup, where every 3.x release took it (seen with 3.32\'s addconn)', () => {
    const text = 'config setup\n\tikeport=2500\n';
    const found = placed(`# ipsec-dialect: libreswan-3.32\n${text}`);
    assert.deepEqual(found.map((f) => f.split(':')[0]), ['2 info']);
    assert.match(found[0], /Libreswan 4\.0 and later take "ikeport" only in a conn section, but Libreswan 3 took it here/);
    assert.match(placed(`# ipsec-dialect: libreswan-4.10\n${text}`)[0], /^2 error: "ikeport" belongs in a conn section/);
  });

  it('takes the algorithms 3.x read and 4.0 dropped (serpent, twofish, cast), and still refuses unknown ones', () => {
    const pinned = (line: string) => values(`# ipsec-dialect: libreswan-3.25\n${conn(line)}`);
    assert.deepEqual(pinned('esp=serpent-sha1'), []);
    assert.deepEqual(pinned('ike=twofish256-sha2_256;modp2048'), []);
    assert.deepEqual(pinned('phase2alg=cast_cbc-hmac_ripemd'), []);
    assert.match(pinned('esp=aes-sha1-4096')[0], /"4096" is neither an algorithm nor a key length/);
    assert.match(pinned('esp=serpentine-sha1')[0], /"serpentine" is not an algorithm/);
    assert.match(pinned('ike=aes-sha1!')[0], /trailing "!"/);
    assert.match(values(`# ipsec-dialect: libreswan-4.10\n${conn('esp=serpent-sha1')}`)[0], /"serpent" is not an algorithm/);
  });

  it("reads an unreadable number or duration as Libreswan 4's grammar does, which 3.x shared (3.32's addconn loads both)", () => {
    const found = values('# ipsec-dialect: libreswan-3.25\nconfig setup\n\tseedbits=abc\n\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tikelifetime=abc\n');
    assert.deepEqual(found.map((f) => f.split(':')[0]), ['2 warning', '7 warning']);
    assert.match(found[0], /Libreswan 3\.25 loads the file and reads the value as 0/);
    assert.match(found[1], /Libreswan 3\.25 loads the file and keeps the default/);
    assert.match(values('# ipsec-dialect: libreswan\nconfig setup\n\tseedbits=abc\n')[0], /^2 error/);
  });
});
