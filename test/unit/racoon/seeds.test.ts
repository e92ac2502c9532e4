import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pskRules } from '../../../server/src/checks/psk';
import { racoonRules } from '../../../server/src/checks/racoon';
import { lint, readFixture } from '../../helpers';

/**
 * racoon.conf and psk.txt examples rebuilt from the seed documents (an ARIN VPN write-up and the
 * Shorewall IPsec guide), each with the mistakes it really contains and nothing else.
 */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'arin-server.racoon.conf': [],
  // A comment wrapped onto two lines leaves the bare word `these.` behind.
  'arin-macosx-server.racoon.conf': ['racoon-unknown-statement these.'],
  // `support_mip6` was a KAME racoon option; ipsec-tools refuses it.
  'arin-openswan-peer.racoon.conf': ['racoon-unknown-statement support_mip6'],
  'arin-linux-client.racoon.conf': [],
  // `path certificates` is a misspelling of `path certificate`.
  'shorewall-system-a.racoon.conf': ['racoon-unknown-statement certificates'],
  'shorewall-roadwarrior-a.racoon.conf': [],
  'shorewall-transport.racoon.conf': [],
  'shorewall-transport.psk.txt': [],
};

describe('seed examples', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name} reports ${expected.length === 0 ? 'nothing' : expected.join(', ')}`, () => {
      const text = readFixture('seeds', 'racoon', name);
      const psk = name.endsWith('.psk.txt');
      const findings = lint(psk ? 'racoon-psk' : 'racoon', text, psk ? pskRules : racoonRules);
      const lines = text.split('\n');
      const found = findings.map((f) => `${f.code} ${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`);
      assert.deepEqual(found, expected);
    });
  }
});
