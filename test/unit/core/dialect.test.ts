import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectWithValues } from '../../../server/src/checks/ipsecConf/dialectByValues';
import { detectDialect } from '../../../server/src/model/dialect';
import type { ParsedDocument } from '../../../server/src/model/document';
import { corpusFiles } from '../../corpus/corpusFiles';
import { parse } from '../../helpers';

const conf = (text: string) => parse('ipsec', text) as ParsedDocument<'ipsec'>;

describe('dialect detection', () => {
  it('a comment decides, with a version', () => {
    const guess = detectDialect([conf('# ipsec-dialect: libreswan-5\nconn a\n\tcharondebug=x\n')]);
    assert.deepEqual(guess.choice, { dialect: 'libreswan', version: '5', source: 'comment', reason: 'the "# ipsec-dialect: libreswan-5" comment' });
    const minor = detectDialect([conf('# ipsec-dialect: libreswan-5.2\nconn a\n')]);
    assert.deepEqual(minor.choice, { dialect: 'libreswan', version: '5.2', source: 'comment', reason: 'the "# ipsec-dialect: libreswan-5.2" comment' });
  });

  it('a comment naming a release older than every known one decides the daemon but not the release, and says so', () => {
    const old = detectDialect([conf('# ipsec-dialect: libreswan-3.32\nconn a\n')]).choice;
    assert.equal(old?.dialect, 'libreswan');
    assert.equal(old?.version, undefined);
    assert.equal(old?.olderRelease, '3.32');
    assert.match(old?.reason ?? '', /Libreswan 3\.32 is older than every release known here, so the files are judged as 4\.0 to 5\.4, except that what Libreswan 3 took is let by/);
    assert.equal(detectDialect([conf('# ipsec-dialect: openswan-2.6\nconn a\n')]).choice?.version, '2.6', 'a prefix of known releases is kept');
    const set = detectDialect([conf('conn a\n')], 'libreswan-3.25').choice;
    assert.deepEqual([set?.source, set?.version, set?.olderRelease], ['setting', undefined, '3.25'], 'the setting takes an older release as the comment does');
    assert.match(set?.reason ?? '', /^the dialect setting \(libreswan-3\.25: .*\); Libreswan 3\.25 is older than every release known here/);
    assert.equal(detectDialect([conf('# ipsec-dialect: libreswan-9\nconn a\n')]).choice?.version, '9', 'a newer release is kept');
  });

  it('the setting decides when there is no comment', () => {
    assert.equal(detectDialect([conf('conn a\n')], 'strongswan').choice?.source, 'setting');
  });

  it('recognises each daemon from what its files say', () => {
    assert.equal(detectDialect([conf('config setup\n\tcharondebug="ike 2"\n')]).choice?.dialect, 'strongswan');
    assert.equal(detectDialect([conf('config setup\n\tnat_traversal=yes\n\toe=off\n')]).choice?.dialect, 'openswan');
    assert.equal(detectDialect([conf('config setup\n\tvirtual-private=%v4:10.0.0.0/8\n\tlogfile=/tmp/pluto.log\n')]).choice?.dialect, 'libreswan');
  });

  it("takes the include of the system's crypto policy for Libreswan (Fedora's and RHEL's stock ipsec.conf)", () => {
    const stock = conf('config setup\n\t# logfile=/var/log/pluto.log\n\ninclude /etc/crypto-policies/back-ends/libreswan.config\ninclude /etc/ipsec.d/*.conf\n');
    assert.deepEqual(detectDialect([stock]).choice, { dialect: 'libreswan', source: 'detected', reason: 'the files use the crypto-policies include' });
    assert.equal(detectDialect([conf('# include /etc/crypto-policies/back-ends/libreswan.config\ninclude /etc/ipsec.d/*.conf\n')]).choice, undefined, 'not when commented out');
  });

  it('says nothing without evidence, leaving every dialect plausible', () => {
    const guess = detectDialect([conf('conn a\n\tleft=192.0.2.1\n')]);
    assert.equal(guess.choice, undefined);
    assert.equal(guess.plausible.length, 3);
  });

  it('takes a value as evidence only where the value is the telling one', () => {
    assert.equal(detectDialect([conf('conn a\n\tkeyexchange=ike\n')]).choice?.dialect, 'strongswan');
    assert.equal(detectDialect([conf('conn a\n\tkeyexchange=ikev2\n')]).choice, undefined);
    assert.equal(detectDialect([conf('config setup\n\tprotostack=xfrm\n')]).choice?.dialect, 'libreswan');
    assert.equal(detectDialect([conf('config setup\n\tprotostack=netkey\n')]).choice, undefined);
    assert.equal(detectDialect([conf('conn a\n\trightauth2=eap\n')]).choice?.dialect, 'strongswan');
  });

  it('does not decide when the signalled daemon does not know keys a rival knows as well as the rest', () => {
    // Libreswan 3 files (nat_traversal with sha2-truncbug, cisco-unity): Openswan refuses the latter, Libreswan 4 the former.
    const libreswan3 = detectDialect([conf('config setup\n\tnat_traversal=yes\n\nconn a\n\tsha2-truncbug=yes\n\tcisco-unity=yes\n')]);
    assert.equal(libreswan3.choice, undefined);
    assert.deepEqual(libreswan3.plausible, ['openswan', 'libreswan']);
    // strongSwan still reads nat_traversal; Openswan does not know leftauth.
    const strongswan = detectDialect([conf('config setup\n\tnat_traversal=yes\n\nconn a\n\tleftauth=psk\n\trightauth=psk\n')]);
    assert.equal(strongswan.choice, undefined);
    assert.ok(strongswan.plausible.includes('strongswan') && strongswan.plausible.includes('openswan'));
    // A typo no daemon knows is no reason to doubt: Openswan stays chosen.
    assert.equal(detectDialect([conf('config setup\n\tnat_traversal=yes\n\nconn a\n\tkeyingretries=3\n')]).choice?.dialect, 'openswan');
  });

  it("decides by values when every other daemon refuses values of two keys (strongSwan's `!` and pools, Libreswan's `;`)", () => {
    const road = conf('conn rw\n\tleft=%any\n\tleftsubnet=0.0.0.0/0,::/0\n\tright=%any\n\trightsourceip=10.8.0.0/16\n\tike=aes256-sha256-modp2048!\n\tesp=aes256-sha256!\n\tauto=add\n');
    assert.equal(detectDialect([road]).choice, undefined);
    const guess = detectDialect([road], 'auto', detectWithValues);
    assert.equal(guess.choice?.dialect, 'strongswan');
    assert.deepEqual(guess.plausible, ['strongswan']);
    assert.match(guess.choice?.reason ?? '', /Libreswan refuses ike=aes256-sha256-modp2048! and esp=aes256-sha256!/);
    assert.match(guess.choice?.reason ?? '', /Openswan refuses leftsubnet=0\.0\.0\.0\/0,::\/0 and rightsourceip=10\.8\.0\.0\/16/);
    const libreswan = conf('conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tike=aes256-sha2_256;modp2048\n\tphase2alg=aes256-sha2_256;modp2048\n\tleftsubnet=10.0.0.0/24,10.1.0.0/24\n\tauto=ondemand\n');
    assert.equal(detectDialect([libreswan], 'auto', detectWithValues).choice?.dialect, 'libreswan');
  });

  it('does not rule a daemon out over one refused value, which may be the mistake to report', () => {
    // Openswan 2.6 does not know sha2 (only Libreswan reads it): the conn is Openswan's, written wrong.
    const slip = detectDialect([conf('conn a\n\tesp=aes128-sha2\n\tleft=192.168.44.102\n\tright=192.168.44.101\n')], 'auto', detectWithValues);
    assert.equal(slip.choice, undefined);
    assert.ok(slip.plausible.includes('openswan'));
    // Libreswan refuses both `!` lists, but Openswan, refusing only the pool, stays plausible.
    const pool = detectDialect([conf('conn a\n\tright=%any\n\trightsourceip=10.8.0.0/16\n\tike=aes256-sha1-modp2048!\n\tesp=aes256-sha1!\n')], 'auto', detectWithValues);
    assert.equal(pool.choice, undefined);
    assert.deepEqual([...pool.plausible].sort(), ['libreswan', 'openswan', 'strongswan']);
  });

  it('takes no evidence from what every daemon refuses: a value or key no daemon reads', () => {
    const typo = conf('conn rw\n\tleftsubnet=0.0.0.0/0,::/0\n\trightsubnet=10.999.0.0/16\n\trightsourceip=10.8.0.0/16\n\tike=aes256-sha256-modp2048!\n\tesp=aes256-sha256!\n');
    assert.equal(detectDialect([typo], 'auto', detectWithValues).choice?.dialect, 'strongswan');
    // rightaddresspool= only Libreswan knows; keyingretries= no daemon does.
    assert.equal(detectDialect([conf('conn a\n\trightaddresspool=10.9.0.1-10.9.0.99\n\tkeyingretries=3\n')]).choice?.dialect, 'libreswan');
  });

  it('never picks the wrong daemon for a corpus file', () => {
    const wrong: string[] = [];
    let decided = 0;
    for (const file of corpusFiles().filter((f) => f.kind === 'ipsec.conf')) {
      const choice = detectDialect([conf(readFileSync(file.absolutePath, 'utf8'))], 'auto', detectWithValues).choice;
      if (!choice) continue;
      decided++;
      if (choice.dialect !== file.dialect) wrong.push(`${file.relativePath}: ${choice.dialect} (${choice.reason})`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(decided > 500, `decided only ${decided}`);
  });
});
