import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { parseProposals, proposalsOverlap } from '../../../server/src/workspace/proposals';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { REPO_ROOT } from '../../helpers';
import { MemoryFiles } from './memoryFiles';

const A = 'conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tright=192.0.2.2\n\trightid=@b.example\n';
const B = 'conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tright=192.0.2.1\n\trightid=@a.example\n';

function codes(extraA: string, extraB: string, files: Record<string, string | Buffer> = {}) {
  const memory = new MemoryFiles({ '/ws/a/ipsec.conf': A + extraA, '/ws/b/ipsec.conf': B + extraB, ...files });
  const out: string[] = [];
  for (const [uri, list] of checkWorkspace(new WorkspaceIndex(memory).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']))) {
    for (const f of list) out.push(`${uri.split('/')[4]}:${f.range.start.line} ${f.code}`);
  }
  return out.sort();
}

describe('more peer comparisons', () => {
  it('subnets must mirror; order and braces do not matter', () => {
    assert.deepEqual(codes('\tleftsubnet=10.1.0.0/16\n\trightsubnet=10.2.0.0/16\n', '\tleftsubnet=10.2.0.0/16\n\trightsubnet=10.1.0.0/16\n'), []);
    assert.deepEqual(codes('\trightsubnet=10.2.0.0/16\n', '\tleftsubnet=10.3.0.0/16\n'), ['a:5 peer-subnet-mismatch', 'b:5 peer-subnet-mismatch']);
    assert.deepEqual(codes('\trightsubnets={10.2.0.0/16, 10.4.0.0/16}\n', '\tleftsubnets={ 10.4.0.0/16 10.2.0.0/16 }\n'), []);
  });

  it('IKE versions must meet when both sides say which', () => {
    assert.deepEqual(codes('\tkeyexchange=ikev2\n', '\tikev2=never\n'), ['a:5 peer-ike-version-mismatch', 'b:5 peer-ike-version-mismatch']);
    assert.deepEqual(codes('\tkeyexchange=ikev2\n', '\tikev2=insist\n'), []);
    assert.deepEqual(codes('\tkeyexchange=ikev2\n', ''), []);
  });

  it('proposals need one in common, compared by meaning', () => {
    assert.deepEqual(codes('\tike=aes256-sha2_256;modp2048\n', '\tike=aes256-sha256-modp2048\n'), []);
    assert.deepEqual(codes('\tike=aes256-sha2_256;modp2048\n', '\tike=3des-md5-modp1024\n'), ['a:5 peer-proposal-mismatch', 'b:5 peer-proposal-mismatch']);
    assert.deepEqual(codes('\tesp=aes128-sha1\n', '\tphase2alg=aes-sha1\n'), []);
    assert.ok(proposalsOverlap(parseProposals('aes128-sha1,3des-md5')!, parseProposals('3des-md5')!, 'esp'));
    assert.equal(parseProposals('aes{256}'), undefined);
  });
});

describe('private keys named in ipsec.secrets', () => {
  const example = (p: string) => readFileSync(`${REPO_ROOT}/examples/${p}`);
  const node = {
    '/ws/fr/etc/ipsec.conf': 'conn dk\n\tleft=192.0.2.20\n\tleftcert=_fr_VPNGateway_0.der\n\tright=198.51.100.137\n',
    '/ws/fr/etc/ipsec.d/certs/_fr_VPNGateway_0.der': example('fr/etc/ipsec.d/certs/_fr_VPNGateway_0.der'),
    '/ws/fr/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der': example('fr/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.der'),
    '/ws/fr/etc/ipsec.secrets': ': RSA vpn-server.key "EXAMPLE-ONLY-not-a-secret"\n',
  };
  const run = (files: Record<string, string | Buffer>) => {
    const out: string[] = [];
    for (const list of checkWorkspace(new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/fr/etc/ipsec.conf'])).values()) out.push(...list.map((f) => f.code));
    return out;
  };

  it('the matching encrypted key opens with its passphrase and passes', () => {
    assert.deepEqual(run({ ...node, '/ws/fr/etc/ipsec.d/private/vpn-server.key': example('fr/etc/ipsec.d/private/vpn-server.key') }), []);
  });

  it('a missing key and a key of another gateway are reported', () => {
    assert.deepEqual(run(node), ['private-key-missing']);
    const other = run({ ...node, '/ws/fr/etc/ipsec.d/private/vpn-server.key': example('dk/ipsec.d/private/vpn-server.key') });
    assert.deepEqual(other, ['private-key-missing']);
  });

  it("a passphrase that does not decrypt the key (the seed's placeholder left in) is reported on the passphrase, never shown", () => {
    const key = { '/ws/fr/etc/ipsec.d/private/vpn-server.key': example('fr/etc/ipsec.d/private/vpn-server.key') };
    const withSecrets = (line: string, conf = node['/ws/fr/etc/ipsec.conf']) => ({ ...node, ...key, '/ws/fr/etc/ipsec.conf': conf, '/ws/fr/etc/ipsec.secrets': line });
    const findings = [...checkWorkspace(new WorkspaceIndex(new MemoryFiles(withSecrets(': RSA vpn-server.key PLACEHOLDERpassword\n'))).model(['/ws/fr/etc/ipsec.conf'])).values()].flat();
    assert.deepEqual(findings.map((f) => [f.code, f.range.start.character, f.range.end.character]), [['private-key-missing', 21, 40]]);
    assert.match(findings[0].message, /does not decrypt vpn-server\.key/);
    assert.doesNotMatch(JSON.stringify(findings), /PLACEHOLDER/);
    // Judged even where no leftcert names the gateway's certificate.
    assert.deepEqual(run(withSecrets(': RSA vpn-server.key "password"\n', 'conn dk\n\tleft=192.0.2.20\n\tright=198.51.100.137\n')), ['private-key-missing']);
  });

  it('%prompt, encoded passphrases and keys given without one are left to the daemon', () => {
    const key = { '/ws/fr/etc/ipsec.d/private/vpn-server.key': example('fr/etc/ipsec.d/private/vpn-server.key') };
    for (const line of [': RSA vpn-server.key %prompt\n', ': RSA vpn-server.key 0x70617373776f7264\n', ': RSA vpn-server.key\n', ': RSA vpn-server.key "pass\\"word"\n']) {
      assert.deepEqual(run({ ...node, ...key, '/ws/fr/etc/ipsec.secrets': line }), [], line);
    }
  });
});

describe('pre-shared keys of a pair', () => {
  const psk = (key: string) => `@a.example @b.example : PSK "${key}"\n`;
  it('differing keys are reported on both secrets files without showing them', () => {
    const files = { '/ws/a/ipsec.secrets': psk('MARKER-one'), '/ws/b/ipsec.secrets': psk('MARKER-two') };
    const found = codes('\tauthby=secret\n', '\tauthby=secret\n', files);
    assert.deepEqual(found, ['a:0 peer-psk-mismatch', 'b:0 peer-psk-mismatch']);
    const memory = new MemoryFiles({ '/ws/a/ipsec.conf': `${A}\tauthby=secret\n`, '/ws/b/ipsec.conf': `${B}\tauthby=secret\n`, ...files });
    const text = JSON.stringify([...checkWorkspace(new WorkspaceIndex(memory).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf'])).values()]);
    assert.doesNotMatch(text, /MARKER/);
  });

  it('the same key, or certificates, give nothing', () => {
    assert.deepEqual(codes('\tauthby=secret\n', '\tauthby=secret\n', { '/ws/a/ipsec.secrets': psk('same'), '/ws/b/ipsec.secrets': ': PSK "same"\n' }), []);
    assert.deepEqual(codes('', '', { '/ws/a/ipsec.secrets': psk('one'), '/ws/b/ipsec.secrets': psk('two') }), []);
  });
});

describe("peer-proposal-mismatch and strongSwan's own defaults", () => {
  const withHead = (head: string, extraA: string, extraB: string) => {
    const memory = new MemoryFiles({ '/ws/a/ipsec.conf': head + A + extraA, '/ws/b/ipsec.conf': head + B + extraB });
    const out: string[] = [];
    for (const [uri, list] of checkWorkspace(new WorkspaceIndex(memory).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']))) {
      for (const f of list) if (f.code === 'peer-proposal-mismatch') out.push(`${uri.split('/')[4]}:${f.range.start.line} ${f.severity}`);
    }
    return out.sort();
  };

  it('does not judge a strongSwan list without ! (strongSwan adds its defaults: seen with 5.9.8), but judges strict lists', () => {
    const strongswan = '# ipsec-dialect: strongswan\n';
    assert.deepEqual(withHead(strongswan, '\tike=aes256-sha256-modp2048!\n', '\tike=aes128-sha1-modp1024\n'), []);
    assert.deepEqual(withHead(strongswan, '\tike=aes256-sha256-modp2048!\n', '\tike=aes128-sha1-modp1024!\n'), ['a:6 error', 'b:6 error']);
  });

  it('warns where the daemon is not known, and stays an error for Libreswan', () => {
    assert.deepEqual(withHead('', '\tike=aes256-sha256-modp2048\n', '\tike=aes128-sha1-modp1024\n'), ['a:5 warning', 'b:5 warning']);
    assert.deepEqual(withHead('# ipsec-dialect: libreswan-4\n', '\tike=aes256-sha2_256-modp2048\n', '\tike=aes128-sha1-modp1024\n'), ['a:6 error', 'b:6 error']);
  });
});

describe('peer-proposal-mismatch and extended sequence numbers', () => {
  const esn = (headA: string, extraA: string, headB: string, extraB: string) => {
    const memory = new MemoryFiles({ '/ws/a/ipsec.conf': headA + A + extraA, '/ws/b/ipsec.conf': headB + B + extraB });
    const out: string[] = [];
    for (const [uri, list] of checkWorkspace(new WorkspaceIndex(memory).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']))) {
      for (const f of list) if (f.code === 'peer-proposal-mismatch') out.push(`${uri.split('/')[4]}:${f.range.start.line} ${f.severity} ${/extended sequence numbers/.test(f.message) ? 'esn' : 'algorithms'}`);
    }
    return out.sort();
  };
  const sw = '# ipsec-dialect: strongswan\n';
  const lsw = '# ipsec-dialect: libreswan-4\n';

  it("reports a strongSwan end that insists on ESN against one that offers none (seen: strongSwan 5.9.8 refused it)", () => {
    assert.deepEqual(esn(sw, '\tesp=aes256-sha256!\n', sw, '\tesp=aes256-sha256-esn!\n'), ['a:6 error esn', 'b:6 error esn']);
    assert.deepEqual(esn(lsw, '\tesn=no\n', sw, '\tesp=aes256-sha256-esn!\n'), ['a:6 error esn', 'b:6 error esn']);
  });

  it("is quiet where the choices meet: Libreswan's default either, esn-noesn, a strongSwan list without !, an unknown daemon", () => {
    assert.deepEqual(esn(lsw, '', sw, '\tesp=aes256-sha256-esn!\n'), []);
    assert.deepEqual(esn(sw, '\tesp=aes256-sha256!\n', sw, '\tesp=aes256-sha256-esn-noesn!\n'), []);
    assert.deepEqual(esn(sw, '\tesp=aes256-sha256!\n', sw, '\tesp=aes256-sha256-esn\n'), []);
    assert.deepEqual(esn('', '\tesp=aes256-sha256!\n', sw, '\tesp=aes256-sha256-esn!\n'), []);
  });
});
