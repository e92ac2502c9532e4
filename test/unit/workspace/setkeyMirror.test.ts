import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fixturePath } from '../../helpers';
import { MemoryFiles } from './memoryFiles';

const seed = (name: string) => readFileSync(fixturePath('seeds', 'setkey', name), 'utf8');
const A = '/ws/ipsec-a/etc/racoon/setkey.conf';
const B = '/ws/ipsec-b/etc/racoon/setkey.conf';

function findings(a: string, b: string) {
  const model = new WorkspaceIndex(new MemoryFiles({ [A]: a, [B]: b })).model([], [], [], [A, B]);
  return [...checkWorkspace(model).entries()].flatMap(([uri, list]) => list.map((f) => `${uri.includes('ipsec-a') ? 'a' : 'b'}:${f.range.start.line} ${f.code}`)).sort();
}

describe('setkey policies across two hosts', () => {
  it("the seed's two transport hosts mirror each other", () => {
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), seed('ipsec-b.setkey.sh')), []);
  });

  it('a different level on one side is reported on both policies', () => {
    const b = seed('ipsec-b.setkey.sh').replace('-P in ipsec esp/transport//require', '-P in ipsec ah/transport//require');
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), b), ['a:2 setkey-policy-mirror', 'b:3 setkey-policy-mirror']);
  });

  it('an out policy without its in policy on the other host is reported', () => {
    const b = seed('ipsec-b.setkey.sh').replace('-P in ipsec', '-P out ipsec');
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), b), ['a:2 setkey-policy-mirror', 'b:3 setkey-policy-mirror']);
  });
});

describe('tunnel policies across two hosts', () => {
  // Two gateways joining 10.1.0.0/24 (a, 192.0.2.1) and 10.2.0.0/24 (b, 192.0.2.2), as in a public racoon lab.
  const a = 'spdadd 10.1.0.0/24 10.2.0.0/24 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\nspdadd 10.2.0.0/24 10.1.0.0/24 any -P in ipsec esp/tunnel/192.0.2.2-192.0.2.1/require;\n';
  const b = 'spdadd 10.2.0.0/24 10.1.0.0/24 any -P out ipsec esp/tunnel/192.0.2.2-192.0.2.1/require;\nspdadd 10.1.0.0/24 10.2.0.0/24 any -P in ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\n';

  it('mirror each other when each in policy is what the other end sends through the tunnel', () => {
    assert.deepEqual(findings(a, b).filter((f) => f.endsWith('setkey-policy-mirror')), []);
  });

  it("report an out policy whose selector was typed wrong against the in policy through the same tunnel, on both hosts", () => {
    const typo = b.replace('spdadd 10.2.0.0/24 10.1.0.0/24 any -P out', 'spdadd 10.2.0.0/24 10.2.0.0/24 any -P out');
    assert.deepEqual(findings(a, typo).filter((f) => f.endsWith('setkey-policy-mirror')), ['a:1 setkey-policy-mirror', 'b:0 setkey-policy-mirror']);
    const model = new WorkspaceIndex(new MemoryFiles({ [A]: a, [B]: typo })).model([], [], [], [A, B]);
    const messages = [...checkWorkspace(model).values()].flat().filter((f) => f.code === 'setkey-policy-mirror').map((f) => f.message);
    assert.ok(messages.some((m) => m.startsWith('ipsec-b sends 10.2.0.0/24 → 10.2.0.0/24 through this tunnel (192.0.2.2-192.0.2.1), not 10.2.0.0/24 → 10.1.0.0/24')), messages.join('\n'));
  });
});

describe('setkey selectors written differently on the two hosts', () => {
  it('are the same traffic: a full-length prefix and [any] change nothing', () => {
    const b = seed('ipsec-b.setkey.sh').replace('spdadd 192.168.0.40 192.168.0.41 any -P in', 'spdadd 192.168.0.40/32[any] 192.168.0.41/32 any -P in');
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), b), []);
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), b.replace('-P in ipsec esp/transport//require', '-P in ipsec ah/transport//require')), ['a:2 setkey-policy-mirror', 'b:3 setkey-policy-mirror']);
  });

  it('a port other than any is other traffic', () => {
    const b = seed('ipsec-b.setkey.sh').replace('spdadd 192.168.0.40 192.168.0.41 any -P in ipsec esp/transport//require', 'spdadd 192.168.0.40[500] 192.168.0.41 any -P in ipsec ah/transport//require');
    assert.deepEqual(findings(seed('ipsec-a.setkey.sh'), b), []);
  });
});

describe('tunnel fwd policies and racoon sainfo selectors', () => {
  const HOST = '/ws/gw/etc/racoon';
  const tunnel = 'spdadd 10.1.0.0/16 10.2.0.0/16 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\nspdadd 10.2.0.0/16 10.1.0.0/16 any -P in ipsec esp/tunnel/192.0.2.2-192.0.2.1/require;\n';
  const fwd = 'spdadd 10.2.0.0/16 10.1.0.0/16 any -P fwd ipsec esp/tunnel/192.0.2.2-192.0.2.1/require;\n';
  const racoon = (extra: string) => `remote 192.0.2.2 {\n\texchange_mode main;\n${extra}\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method rsasig;\n\t\tdh_group modp2048;\n\t}\n}\nsainfo address 10.1.0.0/16 any address 10.2.0.0/16 any {\n\tencryption_algorithm aes;\n\tauthentication_algorithm hmac_sha1;\n\tcompression_algorithm deflate;\n}\n`;
  const run = (setkey: string, conf: string) => {
    const model = new WorkspaceIndex(new MemoryFiles({ [`${HOST}/setkey.conf`]: setkey, [`${HOST}/racoon.conf`]: conf })).model([], [], [`${HOST}/racoon.conf`], [`${HOST}/setkey.conf`]);
    return [...checkWorkspace(model, { rules: { 'racoon-psk-missing': 'off', 'racoon-file-missing': 'off' } }).values()].flat().map((f) => f.code).sort();
  };

  it('a tunnel in policy without fwd gets a notice, unless racoon generates policies', () => {
    assert.deepEqual(run(tunnel, racoon('')), ['setkey-missing-fwd']);
    assert.deepEqual(run(tunnel + fwd, racoon('')), []);
    assert.deepEqual(run(tunnel, racoon('\tgenerate_policy on;\n')), []);
  });

  it("says nothing of fwd on a Mac (a host kept in private/etc), whose setkey has no such direction", () => {
    const MAC = '/ws/mac/private/etc/racoon';
    const model = new WorkspaceIndex(new MemoryFiles({ [`${MAC}/setkey.conf`]: tunnel, [`${MAC}/racoon.conf`]: racoon('') })).model([], [], [`${MAC}/racoon.conf`], [`${MAC}/setkey.conf`]);
    assert.deepEqual([...checkWorkspace(model).values()].flat().filter((f) => f.code === 'setkey-missing-fwd'), []);
  });

  it('a sainfo matches a policy that writes the same selectors otherwise: a full-length prefix, another IPv6 spelling, a port', () => {
    const hosts = (spd: string, sainfo: string) => run(spd, racoon('').replace('sainfo address 10.1.0.0/16 any address 10.2.0.0/16 any', sainfo));
    const v4 = 'spdadd 192.0.2.10/32[any] 192.0.2.20/32 any -P out ipsec esp/transport//require;\nspdadd 192.0.2.20/32 192.0.2.10/32 any -P in ipsec esp/transport//require;\n';
    assert.deepEqual(hosts(v4, 'sainfo address 192.0.2.10 any address 192.0.2.20 any'), []);
    const v6 = 'spdadd 2001:db8::10 2001:db8::20 any -P out ipsec esp/transport//require;\nspdadd 2001:db8::20 2001:db8::10 any -P in ipsec esp/transport//require;\n';
    assert.deepEqual(hosts(v6, 'sainfo address 2001:DB8:0::10/128 any address 2001:db8::20 any'), []);
    assert.deepEqual(hosts(v6, 'sainfo address 2001:db8::11 any address 2001:db8::20 any'), ['racoon-sainfo-policy']);
    const ported = 'spdadd 192.0.2.10[500] 192.0.2.20 any -P out ipsec esp/transport//require;\nspdadd 192.0.2.20 192.0.2.10[500] any -P in ipsec esp/transport//require;\n';
    assert.deepEqual(hosts(ported, 'sainfo address 192.0.2.10 [500] any address 192.0.2.20 [any] any'), []);
    assert.deepEqual(hosts(ported, 'sainfo address 192.0.2.10 [501] any address 192.0.2.20 any'), ['racoon-sainfo-policy']);
  });

  it('a sainfo whose addresses no policy uses is reported', () => {
    assert.deepEqual(run(tunnel.replace(/10\.2\.0\.0\/16/g, '10.9.0.0/16') + fwd.replace(/10\.2\.0\.0\/16/g, '10.9.0.0/16'), racoon('')), ['racoon-sainfo-policy']);
  });
});
