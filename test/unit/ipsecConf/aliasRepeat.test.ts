import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duplicateKey } from '../../../server/src/checks/ipsecConf/duplicateKey';
import { LIBRESWAN_ALIAS_GROUPS } from '../../../server/src/knowledge/ipsecConf/libreswanAliases';
import { lookupKeyword } from '../../../server/src/knowledge/ipsecConf';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { SourceText } from '../../../server/src/text/sourceText';
import { lint } from '../../helpers';
import { OBSERVED_RELEASES } from '../observedReleases';

/**
 * Conns with one setting under two names, each added to pluto 4.10 (Debian), 5.2, 5.3.2 and 5.4
 * (built from their tags) with `npm run test:pluto-add`'s AddSession, 2026-12-04. Per release:
 * R = addconn refused the conn ("duplicate key"), L = it passed the pair on (pluto may still refuse
 * the conn over something else, which other rules judge), - = the release does not know one of the
 * keys or refuses the value itself, so the pair is not what decides.
 */
const SEEN: readonly (readonly [string, string])[] = [
  ['keylife=1h|salifetime=1h', 'LLLL'],
  ['keylife=1h|salifetime=2h', 'RRRR'],
  ['salifetime=2h|keylife=1h', 'RRRR'],
  ['keylife=1h|salifetime=60m', 'LLLR'],
  ['keylife=1h|salifetime=3600', 'LLLR'],
  ['keylife=3600s|salifetime=1h', 'LLLR'],
  ['lifetime=1h|ipsec-lifetime=1h', 'LLLL'],
  ['keylife=1h|lifetime=1h|salifetime=2h', 'RRRR'],
  ['esp=aes|ah=aes', 'RRLL'],
  ['esp=aes|ah=aes128', 'RRLL'],
  ['esp=aes|phase2alg=aes', 'RRLL'],
  ['esp=aes|phase2alg="aes"', 'RRLL'],
  ['ah=sha1|phase2alg=sha1|phase2=ah', 'RRLL'],
  ['leftusername=a|leftxauthusername=a', 'RRLL'],
  ['rightxauthusername=a|rightusername=a', 'RRLL'],
  ['leftusername=a|leftxauthusername=b', 'RRRR'],
  ['leftusername=a|rightxauthusername=b', 'LLLL'],
  ['ikev2=no|ike=aes-sha1|aggressive=yes|aggrmode=yes', 'LLLL'],
  ['ikev2=no|aggressive=yes|aggrmode=no', 'RRRR'],
  ['ikev2=no|aggressive=yes|aggrmode=true', 'LLLR'],
  ['ikev2=no|ike=aes-sha1|aggressive=yes|aggrmode=YES', '-LLR'],
  ['remote-peer-type=cisco|remote_peer_type=cisco', 'LLLL'],
  ['remote-peer-type=cisco|remote_peer_type=CISCO', 'LLRR'],
  ['sec-label=system_u:object_r:ipsec_spd_t:s0|policy-label=system_u:object_r:ipsec_spd_t:s0', 'RRLL'],
  ['dpddelay=10|dpdtimeout=30|ikev1-dpdtimeout=30', '-RLL'],
  ['dpddelay=10|dpdtimeout=30|ikev1-dpdtimeout=40', '-RRR'],
  ['nflog-group=5|nflog=5', '--LL'],
  ['nflog-group=5|nflog=6', '--RR'],
  ['send-no-esp-tfc=yes|send-esp-tfc-padding-not-supported=yes', '--LL'],
  ['send-no-esp-tfc=yes|send-esp-tfc-padding-not-supported=no', '--RR'],
  ['send-no-esp-tfc=yes|send-esp-tfc-padding-not-supported=true', '--LR'],
];

function conn(dialect: string, lines: string, header = 'conn t'): string {
  return `# ipsec-dialect: ${dialect}\n${header}\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n${lines
    .split('|')
    .map((l) => `\t${l}\n`)
    .join('')}`;
}

const severities = (text: string) => lint('ipsec', text, [duplicateKey]).map((f) => f.severity);

describe('duplicate-key: one setting under two of its names', () => {
  for (const [release, index] of OBSERVED_RELEASES) {
    it(`is an error exactly where Libreswan ${release} refused the conn`, () => {
      for (const [lines, verdicts] of SEEN) {
        const verdict = verdicts[index];
        if (verdict === '-') continue;
        const errors = severities(conn(`libreswan-${release}`, lines)).filter((s) => s === 'error');
        assert.equal(errors.length, verdict === 'R' ? 1 : 0, `${lines} on ${release}`);
      }
    });
  }

  it('says which names clash and why the conn is refused', () => {
    const [always] = lint('ipsec', conn('libreswan-4.10', 'esp=aes|phase2alg=aes'), [duplicateKey]);
    assert.match(always.message, /^"phase2alg" is another name for "esp", already set on line 6 of this section: Libreswan 4\.10 refuses to load conn t when both are set/);
    assert.equal(always.related?.[0].range.start.line, 5);
    const [differ] = lint('ipsec', conn('libreswan-5.4', 'keylife=1h|salifetime=60m'), [duplicateKey]);
    assert.match(differ.message, /Libreswan 5\.4 refuses to load conn t since the two values differ/);
  });

  it('is a warning where the daemon loads the conn, and where only some releases refuse it', () => {
    assert.deepEqual(severities(conn('libreswan-4.10', 'keylife=1h|salifetime=60m')), ['warning']);
    const some = lint('ipsec', conn('libreswan', 'esp=aes|phase2alg=aes'), [duplicateKey]);
    assert.deepEqual(some.map((f) => f.severity), ['warning']);
    assert.match(some[0].message, /some releases refuse to load the conn with both/);
    assert.deepEqual(severities(conn('libreswan-5', 'keylife=1h|salifetime=2h')), ['error'], 'every 5.x release refuses two different lifetimes');
    assert.deepEqual(severities(conn('libreswan-5', 'esp=aes|phase2alg=aes')), ['warning'], '5.0 to 5.2 refuse it, 5.3 and 5.4 do not');
    assert.deepEqual(severities(`conn t\n\tkeylife=1h\n\tsalifetime=2h\n`), ['warning'], 'no dialect named: strongSwan may read it');
  });

  it('only reports keys that one release reads as one setting', () => {
    // 5.3 gives esp=, ah= and phase2alg= slots of their own; the left and right ends are two slots.
    assert.deepEqual(severities(conn('libreswan-5.3.2', 'esp=aes|ah=aes128')), []);
    assert.deepEqual(severities(conn('libreswan-5.4', 'esp=aes|phase2alg=aes')), []);
    assert.deepEqual(severities(conn('libreswan-4.10', 'leftusername=a|rightxauthusername=b')), []);
    assert.deepEqual(severities(conn('libreswan-4.10', 'keylife=1h|ikelifetime=1h')), []);
    // 4.10 does not know ikev1-dpdtimeout (unknown-keyword says so), so the pair is not judged there.
    assert.deepEqual(severities(conn('libreswan-4.10', 'dpdtimeout=30|ikev1-dpdtimeout=40')), []);
    assert.deepEqual(severities(conn('openswan', 'keylife=1h|salifetime=2h')), []);
  });

  it('leaves conn %default and values it cannot read to a warning', () => {
    // addconn 4.10 to 5.4 load a %default with both names set: it only fills defaults.
    assert.deepEqual(severities(conn('libreswan-4.10', 'keylife=1h|salifetime=2h|esp=aes|ah=aes', 'conn %default')), ['warning', 'warning']);
    assert.deepEqual(severities(conn('libreswan-4.10', 'keylife=1.5h|salifetime=2h')), ['warning']);
    assert.deepEqual(severities(conn('libreswan-5.2', 'aggressive=yes|aggrmode=maybe')), ['warning']);
  });

  it('follows strongSwan, which reads keylife= as lifetime= and loads both', () => {
    const findings = lint('ipsec', conn('strongswan', 'keylife=1h|lifetime=2h|leftsubnet=10.0.0.0/8|leftsubnetwithin=10.0.0.0/8'), [duplicateKey]);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.message.slice(0, f.message.indexOf(','))]),
      [
        ['warning', '"lifetime" is another name for "keylife"'],
        ['warning', '"leftsubnetwithin" is another name for "leftsubnet"'],
      ],
    );
  });

  it('offers to remove either line, and applies neither without asking', () => {
    const apply = (text: string, title: RegExp) => {
      const fix = lint('ipsec', text, [duplicateKey])[0].fixes?.find((f) => title.test(f.title));
      assert.ok(fix, `no fix ${title}`);
      assert.notEqual(fix.preferred, true);
      return applyEdits(new SourceText(text), fix.edits);
    };
    const text = '# ipsec-dialect: libreswan-4.10\nconn t\n\tkeylife=1h\n\tsalifetime=2h\n\tauto=add\n';
    assert.equal(apply(text, /^Remove this line, keep line 3$/), '# ipsec-dialect: libreswan-4.10\nconn t\n\tkeylife=1h\n\tauto=add\n');
    assert.equal(apply(text, /^Remove line 3, keep this line$/), '# ipsec-dialect: libreswan-4.10\nconn t\n\tsalifetime=2h\n\tauto=add\n');
    // The same for one key twice, also on a last line without a line break.
    const last = 'conn t\n\tauto=add\n\tauto=start';
    assert.equal(apply(last, /^Remove this line/), 'conn t\n\tauto=add');
    assert.equal(apply(last, /^Remove line 2/), 'conn t\n\tauto=start');
  });

  it('names only keywords the knowledge holds, each in one group', () => {
    const seen = new Set<string>();
    for (const group of LIBRESWAN_ALIAS_GROUPS) {
      for (const name of group.names) {
        assert.ok(!seen.has(name), `${name} is in two groups`);
        seen.add(name);
        const key = group.perEnd ? `left${name}` : name;
        assert.notEqual(lookupKeyword(key, 'libreswan', undefined).status, 'unknown', key);
      }
    }
  });
});
