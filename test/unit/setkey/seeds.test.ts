import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fixturePath, lint, readFixture } from '../../helpers';

/**
 * setkey statements rebuilt from the seed documents (an ARIN VPN write-up, a racoon transport-mode
 * how-to and the Shorewall IPsec guide), each with the mistakes it really contains and nothing else.
 */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'ipsec-a.setkey.sh': [],
  'ipsec-b.setkey.sh': [],
  'arin-l2tpd.setkey': [],
  // The write-up shows the client policy with placeholders instead of addresses.
  'arin-client-placeholders.setkey': ['setkey-bad-address <vpn-server>', 'setkey-bad-address <local>', 'setkey-bad-address <local>', 'setkey-bad-address <vpn-server>'],
  // A shell variable that only the here-document's shell would expand.
  'arin-l2tpd-client.setkey': ['setkey-bad-address $IP', 'setkey-bad-address $IP'],
  'shorewall-gateway-a.setkey.conf': [],
  'shorewall-gateway-a-fwd.setkey.conf': [],
  'shorewall-roadwarrior-a.setkey.conf': [],
  'shorewall-transport.setkey.conf': [],
};

describe('setkey seed examples', () => {
  it('every fixture is listed', () => {
    const names = readdirSync(fixturePath('seeds', 'setkey')).filter((name) => name !== 'README.md');
    assert.deepEqual(names.sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name} reports ${expected.length === 0 ? 'nothing' : expected.join(', ')}`, () => {
      const text = readFixture('seeds', 'setkey', name);
      const lines = text.split('\n');
      const found = lint('setkey', text).map((f) => `${f.code} ${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`);
      assert.deepEqual(found, expected);
    });
  }

  it('the fwd variant holds an fwd policy for every in policy', () => {
    const text = readFixture('seeds', 'setkey', 'shorewall-gateway-a-fwd.setkey.conf');
    assert.equal(text.match(/-P fwd /g)?.length, text.match(/-P in /g)?.length);
  });
});
