import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workspaceFindings, type SeenFinding } from './workspaceFindings';
import { OBSERVED_RELEASES } from '../observedReleases';

/**
 * A conn setting one line and pulling in, with also=, a conn that sets the other; each added to
 * pluto 4.10 (Debian), 5.2, 5.3.2 and 5.4 (built from their tags) with `npm run test:pluto-add`'s
 * AddSession, 2026-12-04. R = addconn refused the conn ("duplicate key … while processing def"),
 * L = it passed the conn on.
 */
const SEEN: readonly (readonly [string, string, string])[] = [
  ['ikelifetime=1h', 'ikelifetime=60m', 'LLLR'],
  ['ikelifetime=1h', 'ikelifetime=2h', 'RRRR'],
  ['pfs=yes', 'pfs=true', 'LLLR'],
  ['replay-window=32', 'replay-window=032', 'LLRR'],
  ['type=tunnel', 'type=TUNNEL', 'LLLR'],
  ['esp=aes', 'esp=aes', 'RRLL'],
  ['keylife=1h', 'salifetime=2h', 'RRRR'],
  ['keylife=1h', 'salifetime=60m', 'LLLR'],
  ['esp=aes', 'phase2alg=aes', 'RRLL'],
];

function gateway(dialect: string, own: string, pulledIn: string): Record<string, string> {
  return {
    '/ws/gw/ipsec.conf': `# ipsec-dialect: ${dialect}\nconfig setup\n\nconn base\n\t${pulledIn}\n\nconn t\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n\t${own}\n\talso=base\n\tauto=add\n`,
  };
}

const alsoConflicts = (dialect: string, own: string, pulledIn: string): SeenFinding[] =>
  workspaceFindings(gateway(dialect, own, pulledIn), ['/ws/gw/ipsec.conf']).filter((f) => f.code === 'also-conflict');

describe('also-conflict by Libreswan release', () => {
  for (const [release, index] of OBSERVED_RELEASES) {
    it(`is an error exactly where Libreswan ${release} refused the conn`, () => {
      for (const [own, pulledIn, verdicts] of SEEN) {
        const errors = alsoConflicts(`libreswan-${release}`, own, pulledIn).filter((f) => f.severity === 'error');
        assert.equal(errors.length, verdicts[index] === 'R' ? 1 : 0, `${own} with ${pulledIn} on ${release}`);
      }
    });
  }

  it('is a warning where only some of the releases the gateway may run refuse the conn', () => {
    const some = alsoConflicts('libreswan', 'ikelifetime=1h', 'ikelifetime=60m');
    assert.deepEqual(
      some.map((f) => f.severity),
      ['warning'],
    );
    assert.match(some[0].message, /^conn t: ikelifetime=1h here, but ikelifetime=60m in conn base \(pulled in by also=\): some Libreswan releases refuse to load the conn, others take it/);
    assert.deepEqual(alsoConflicts('libreswan-5', 'esp=aes', 'esp=aes').map((f) => f.severity), ['warning'], '5.0 to 5.2 refuse it, 5.3 and 5.4 do not');
  });

  it('says when the same text twice is refused, and names both keys of one setting', () => {
    const [same] = alsoConflicts('libreswan-4.10', 'esp=aes', 'esp=aes');
    assert.match(same.message, /^conn t: esp=aes is set here and again in conn base \(pulled in by also=\): Libreswan refuses to load the conn, even with the same value twice/);
    const [alias] = alsoConflicts('libreswan-5.2', 'keylife=1h', 'salifetime=2h');
    assert.match(alias.message, /^conn t: keylife=1h here, but salifetime=2h in conn base/);
  });

  it('lets an obsolete key differ: addconn 4.10 logs it and fills no slot', () => {
    assert.deepEqual(alsoConflicts('libreswan-4.10', 'forceencaps=yes', 'forceencaps=no'), []);
  });

  it('leaves Openswan to differing values and keys of one name', () => {
    assert.deepEqual(alsoConflicts('openswan', 'esp=aes', 'esp=aes'), []);
    assert.deepEqual(alsoConflicts('openswan', 'keylife=1h', 'salifetime=2h'), []);
    assert.deepEqual(alsoConflicts('openswan', 'ikelifetime=1h', 'ikelifetime=2h').map((f) => f.severity), ['warning']);
  });
});
