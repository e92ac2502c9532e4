import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badValue } from '../../../server/src/checks/ipsecConf/badValue';
import { deprecatedKeyword } from '../../../server/src/checks/ipsecConf/deprecatedKeyword';
import { unknownKeyword } from '../../../server/src/checks/ipsecConf/unknownKeyword';
import { wrongSection } from '../../../server/src/checks/ipsecConf/wrongSection';
import { lookupKeyword } from '../../../server/src/knowledge/ipsecConf';
import { LIBRESWAN_3_EXTRA_WORDS, LIBRESWAN_3_MOVED, LIBRESWAN_3_ONLY, LIBRESWAN_3_WORDS } from '../../../server/src/knowledge/ipsecConf/libreswan3Keywords';
import { completeIpsecConf } from '../../../server/src/features/completion/ipsecConf';
import type { ParsedDocument } from '../../../server/src/model/document';
import { caret, lint, parse } from '../../helpers';

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
  it('lists for each key only words the modelled releases take too, and fewer than they take', () => {
    for (const [key, words] of LIBRESWAN_3_WORDS) {
      const type = lookupKeyword(key, 'libreswan').type;
      const taken = type?.kind === 'enum' || type?.kind === 'enumList' ? type.values : [];
      for (const word of words) assert.ok(taken.includes(word) || LIBRESWAN_3_EXTRA_WORDS.get(key)?.has(word), `${key}=${word} is in neither list`);
      assert.ok(taken.length > words.size, `${key}: 4.0 and later add nothing`);
    }
  });

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

  it('refuses a word only 4.0 and later take (3.32\'s addconn: "keyword auto, invalid value: keep"), and warns before 3.7, which dropped the line', () => {
    const pinned = (release: string, line: string) => values(`# ipsec-dialect: libreswan-${release}\n${conn(line)}`);
    assert.match(pinned('3.25', 'keyexchange=ikev2')[0], /^4 error: keyexchange: "ikev2" is not a word Libreswan 3 took here \(ike\); 4\.0 and later added it/);
    assert.match(pinned('3.32', 'auto=keep')[0], /^4 error: auto: "keep" is not a word Libreswan 3 took here/);
    assert.match(pinned('3.25', 'leftsendcert=ifasked')[0], /^4 error/);
    assert.match(pinned('3.25', 'encapsulation=true')[0], /^4 error/);
    assert.match(pinned('3.4', 'auto=keep')[0], /^4 warning: .*Libreswan 3\.0 to 3\.6 log it and load the conn without the setting/);
    assert.match(pinned('3', 'auto=keep')[0], /^4 warning/, 'any 3.x may be one before 3.7');
    assert.deepEqual(pinned('3.25', 'keyexchange=ike'), []);
    assert.deepEqual(pinned('3.25', 'auto=start'), []);
    assert.deepEqual(pinned('3.25', 'leftsendcert=alwayssend'), []);
    assert.deepEqual(values(`# ipsec-dialect: libreswan-4.10\n${conn('auto=keep')}`), []);
    // Words early 3.x releases took and 4.0 dropped.
    assert.deepEqual(pinned('3.0', 'type=udpencap'), []);
    assert.deepEqual(pinned('3.0', 'leftsendcert=forcedtype'), []);
    assert.deepEqual(pinned('3.14', 'authby=secret|rsasig'), [], '3.14 to 3.23 listed it as one word');
    assert.match(values(`# ipsec-dialect: libreswan-4.10\n${conn('type=udpencap')}`)[0], /^4 error/);
  });

  it('offers only the words Libreswan 3 took as values', () => {
    const offered = (head: string) => {
      const { text, offset } = caret(`${head}conn a\n\tauto=|\n`);
      const doc = parse('ipsec', text) as ParsedDocument<'ipsec'>;
      return completeIpsecConf(doc, doc.source.positionAt(offset), { connNames: [] }).map((e) => e.label);
    };
    assert.ok(offered('# ipsec-dialect: libreswan-4\n').includes('keep'));
    const pinned = offered('# ipsec-dialect: libreswan-3.25\n');
    assert.ok(pinned.includes('start') && !pinned.includes('keep'));
  });

  it('offers a newer name only where the pinned release knows it, and lets a key later releases ignore be', () => {
    const old = (release: string, line: string) => lint('ipsec', `# ipsec-dialect: libreswan-${release}\n${conn(line)}`, [deprecatedKeyword]);
    const lifetime = old('3.25', 'keylife=1h');
    assert.equal(lifetime.length, 1);
    assert.match(lifetime[0].message, /^"keylife" is an old name: Libreswan 4\.0 and later call it ipsec-lifetime, which Libreswan 3\.25 does not know, so keep it until you upgrade/);
    assert.deepEqual(lifetime[0].fixes ?? [], []);
    assert.equal(old('3.25', 'aggrmode=yes')[0]?.fixes?.[0]?.title, 'Change to "aggressive"', '3.20 and later took aggressive=');
    assert.deepEqual(old('3.10', 'aggrmode=yes')[0]?.fixes ?? [], []);
    assert.deepEqual(old('3', 'aggrmode=yes')[0]?.fixes ?? [], [], 'any 3.x may be older than the name');
    assert.deepEqual(old('3.10', 'forceencaps=yes'), [], '3.0 to 3.18 read forceencaps=');
    assert.equal(old('3.25', 'forceencaps=yes').length, 1);
    assert.equal(lint('ipsec', `# ipsec-dialect: libreswan-4.10\n${conn('keylife=1h')}`, [deprecatedKeyword])[0]?.fixes?.length, 1);
  });

  it('refuses a keyword no 3.x release knew, which 3.32 stops at ("syntax error"), and suggests only names 3.x took', () => {
    const keys = (release: string, line: string) => lint('ipsec', `# ipsec-dialect: libreswan-${release}\n${conn(line)}`, [unknownKeyword]).map((f) => `${f.range.start.line} ${f.severity}: ${f.message}`);
    assert.deepEqual(keys('3.25', 'enable-tcp=yes'), ['4 error: No Libreswan 3 release knows "enable-tcp", which a later release added: Libreswan 3.25 refuses the file ("syntax error")']);
    assert.deepEqual(keys('3.25', 'leftsourceip=192.0.2.1'), []);
    assert.deepEqual(keys('3.25', 'x-owner=ops'), [], 'x- keys are left alone');
    assert.deepEqual(keys('4.10', 'enable-tcp=yes'), []);
    assert.match(keys('3.25', 'fragmentaton=yes')[0], /did you mean "fragmentation"\?/);
    assert.doesNotMatch(keys('3.25', 'enable-tpc=yes')[0], /did you mean/, 'enable-tcp came with 4.x');
    assert.match(keys('4.10', 'enable-tpc=yes')[0], /did you mean "enable-tcp"\?/);
  });
});

