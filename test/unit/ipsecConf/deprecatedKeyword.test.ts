import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deprecatedKeyword } from '../../../server/src/checks/ipsecConf/deprecatedKeyword';
import { unknownKeyword } from '../../../server/src/checks/ipsecConf/unknownKeyword';
import type { Finding } from '../../../server/src/checks/finding';
import { lint } from '../../helpers';

const run = (text: string): Finding[] => lint('ipsec', text, [deprecatedKeyword, unknownKeyword]);
const check = (text: string) => run(text).map((f) => `${f.severity} ${f.code}: ${f.message}`);
const fixes = (text: string) => run(text).flatMap((f) => f.fixes ?? []).map((x) => x.edits[0].newText);

describe('deprecated-keyword', () => {
  it('an old spelling that still works is a notice with a fix to the new one', () => {
    const text = '# ipsec-dialect: libreswan-5\nconn a\n\tsalifetime=8h\n';
    assert.deepEqual(check(text), ['info deprecated-keyword: "salifetime" is an old name in Libreswan 5; write ipsec-lifetime instead']);
    assert.deepEqual(fixes(text), ['ipsec-lifetime']);
  });

  it('the fix keeps the left/right side', () => {
    const text = '# ipsec-dialect: libreswan-4\nconn a\n\trightxauthusername=carol\n';
    assert.match(check(text)[0], /^info deprecated-keyword: "rightxauthusername" is an old name in Libreswan 4/);
    assert.deepEqual(fixes(text), ['rightusername']);
  });

  it('a key the daemon ignores is a warning: the line has no effect', () => {
    assert.deepEqual(check('# ipsec-dialect: strongswan\nconn a\n\tpfs=yes\n'), ['warning deprecated-keyword: strongSwan ignores "pfs": the line has no effect']);
    assert.deepEqual(check('# ipsec-dialect: libreswan-5\nconn a\n\tdpdaction=clear\n'), ['warning deprecated-keyword: Libreswan 5 ignores "dpdaction": the line has no effect']);
    assert.deepEqual(fixes('# ipsec-dialect: strongswan\nconn a\n\tpfsgroup=modp2048\n'), ['esp']);
  });

  it('a bare left/right key is read as the right side: the fix writes it out', () => {
    const text = '# ipsec-dialect: libreswan-4\nconn a\n\tsubnet=10.0.0.0/8\n';
    assert.match(check(text)[0], /^info deprecated-keyword: "subnet" is an old name in Libreswan 4: it is read as rightsubnet=; write the side explicitly$/);
    assert.deepEqual(fixes(text), ['rightsubnet']);
  });

  it("strongSwan's subnetwithin is its subnet: the message says so and the fix keeps the side", () => {
    const text = '# ipsec-dialect: strongswan\nconn a\n\trightsubnetwithin=10.0.0.0/8\n';
    assert.deepEqual(check(text), [
      'info deprecated-keyword: "rightsubnetwithin" is an old name in strongSwan: strongSwan reads it as leftsubnet=/rightsubnet=, the subnet itself rather than any subnet within it; write that instead',
    ]);
    assert.deepEqual(fixes(text), ['rightsubnet']);
  });

  it("Libreswan 3's ike-frag= is refused from 4.0 with its new name, fragmentation=", () => {
    const text = '# ipsec-dialect: libreswan-4\nconn a\n\tike-frag=yes\n';
    assert.match(check(text)[0], /^error unknown-keyword: Libreswan 4 no longer accepts "ike-frag" \(use fragmentation\)/);
    assert.deepEqual(fixes(text), ['fragmentation']);
  });

  it('when the dialect is unknown it speaks only if every plausible daemon agrees', () => {
    assert.deepEqual(check('config setup\n\tvirtual_private=%v4:10.0.0.0/8\n'), []);
    assert.deepEqual(check('conn a\n\tleft=192.0.2.1\n\tsalifetime=8h\n'), []);
  });

  it('never reports a line unknown-keyword already reports', () => {
    const removed = check('# ipsec-dialect: libreswan-5\nconn a\n\tkeep_alive=20\n\taggrmode=yes\n');
    assert.equal(removed.filter((f) => f.includes('deprecated-keyword') && f.includes('keep_alive')).length, 0);
    const mixed = check('config setup\n\tnat_traversal=yes\n');
    assert.ok(mixed.every((f) => !f.includes('deprecated-keyword')), mixed.join('\n'));
  });
});

describe('unknown-keyword offers the replacement of a removed keyword as a fix', () => {
  it('left/right side kept', () => {
    const text = '# ipsec-dialect: libreswan-5\nconn a\n\tleftxauthname=carol\n\tsha2_truncbug=yes\n';
    const found = run(text);
    assert.deepEqual(found.map((f) => f.code), ['unknown-keyword', 'unknown-keyword']);
    assert.deepEqual(fixes(text), ['leftusername', 'sha2-truncbug']);
    assert.match(found[0].message, /no longer accepts "leftxauthname" \(use leftusername\)/);
  });
});
