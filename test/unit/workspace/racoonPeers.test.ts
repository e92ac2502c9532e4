import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { keyBytes } from '../../../server/src/checks/workspace/racoonPskKey';
import { racoonPeering } from '../../../server/src/workspace/racoonPeers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

const A = '192.0.2.40';
const B = '192.0.2.41';

interface HostOptions {
  readonly modes?: string;
  readonly proposals?: readonly string[];
  readonly psk?: string;
  /** How the host's own address is known: its outbound setkey policy, a listen block, or not at all. */
  readonly addressFrom?: 'setkey' | 'listen' | 'none';
  /** More of racoon.conf after the remote for the peer. */
  readonly extra?: string;
}

const PSK_PROPOSAL = 'encryption_algorithm 3des;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;';

function racoonConf(self: string, peer: string, options: HostOptions): string {
  const proposals = (options.proposals ?? [PSK_PROPOSAL]).map((p) => `\tproposal {\n\t\t${p}\n\t}\n`).join('');
  const listen = options.addressFrom === 'listen' ? `listen {\n\tisakmp ${self} [500];\n}\n` : '';
  return `path pre_shared_key "/etc/racoon/psk.txt";\n${listen}remote ${peer} {\n\texchange_mode ${options.modes ?? 'main'};\n\tmy_identifier address;\n${proposals}}\n${options.extra ?? ''}`;
}

function host(name: string, self: string, peer: string, options: HostOptions = {}): Record<string, string> {
  const root = `/ws/${name}/etc/racoon`;
  const files: Record<string, string> = {
    [`${root}/racoon.conf`]: racoonConf(self, peer, options),
    [`${root}/psk.txt`]: `${peer}\t${options.psk ?? 'EXAMPLE-ONLY-shared'}\n`,
  };
  if ((options.addressFrom ?? 'setkey') === 'setkey') {
    files[`${root}/setkey.conf`] = `spdadd ${self} ${peer} any -P out ipsec esp/transport//require;\nspdadd ${peer} ${self} any -P in ipsec esp/transport//require;\n`;
  }
  return files;
}

function modelOf(files: Record<string, string>) {
  const paths = Object.keys(files);
  return new WorkspaceIndex(new MemoryFiles(files)).model(
    [],
    [],
    paths.filter((p) => p.endsWith('racoon.conf')),
    paths.filter((p) => p.endsWith('setkey.conf')),
  );
}

/** `host/file:line code` for every finding of the two racoon peer rules. */
function peerFindings(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [uri, findings] of checkWorkspace(modelOf(files))) {
    for (const f of findings) {
      if (f.code.startsWith('racoon-peer-')) out.push(`${uri.replace('file:///ws/', '').replace('/etc/racoon', '')}:${f.range.start.line} ${f.code} ${f.message}`);
    }
  }
  return out.sort();
}

function severities(files: Record<string, string>): string[] {
  return [...checkWorkspace(modelOf(files)).values()].flat().filter((f) => f.code === 'racoon-peer-proposal-mismatch').map((f) => f.severity);
}

describe('racoon hosts that point at each other', () => {
  it('pairs two hosts by their setkey policies or listen addresses, and not without them', () => {
    const pairs = racoonPeering(modelOf({ ...host('a', A, B), ...host('b', B, A) })).pairs;
    assert.deepEqual(pairs.map((p) => [p.a.remote.name, p.b.remote.name]), [[B, A]]);
    const byListen = modelOf({ ...host('a', A, B, { addressFrom: 'listen' }), ...host('b', B, A, { addressFrom: 'listen' }) });
    assert.equal(racoonPeering(byListen).pairs.length, 1);
    const unknown = modelOf({ ...host('a', A, B, { addressFrom: 'none' }), ...host('b', B, A) });
    assert.equal(racoonPeering(unknown).pairs.length, 0);
  });

  it('pairs two hosts whose files spell the same IPv6 addresses differently', () => {
    const v6 = modelOf({ ...host('a', '2001:db8::40', '2001:DB8::41'), ...host('b', '2001:db8:0::41', '2001:0db8::40', { addressFrom: 'listen' }) });
    assert.deepEqual(racoonPeering(v6).pairs.map((p) => [p.a.remote.name, p.b.remote.name]), [['2001:DB8::41', '2001:0db8::40']]);
  });

  it('works the peering out once per model, which four rules and the matrix share', () => {
    const model = modelOf({ ...host('a', A, B), ...host('b', B, A) });
    assert.equal(racoonPeering(model), racoonPeering(model));
    assert.notEqual(racoonPeering(modelOf({ ...host('a', A, B), ...host('b', B, A) })), racoonPeering(model));
  });

  it('two hosts that agree get nothing, as the bundled example pair', () => {
    assert.deepEqual(peerFindings({ ...host('a', A, B), ...host('b', B, A) }), []);
  });

  it('different pre-shared keys are reported on both psk.txt lines, without the keys', () => {
    const found = peerFindings({ ...host('a', A, B, { psk: 'EXAMPLE-ONLY-one' }), ...host('b', B, A, { psk: 'EXAMPLE-ONLY-two' }) });
    assert.equal(found.length, 2);
    assert.match(found[0], /^a\/psk\.txt:0 racoon-peer-psk-mismatch the pre-shared key on this line, used for 192\.0\.2\.41, is not the one the host at 192\.0\.2\.41 holds for this host \(192\.0\.2\.40, in b\/etc\/racoon\/psk\.txt\)/);
    assert.match(found[1], /^b\/psk\.txt:0 racoon-peer-psk-mismatch/);
    for (const line of found) assert.doesNotMatch(line, /EXAMPLE-ONLY/);
  });

  it('reads keys as racoon does: hex after 0x, a carriage return kept', () => {
    assert.deepEqual(peerFindings({ ...host('a', A, B, { psk: '0x41 42' }), ...host('b', B, A, { psk: 'AB' }) }), []);
    assert.deepEqual(keyBytes('0x4142'), Buffer.from('AB'));
    assert.equal(keyBytes('0x414'), undefined);
    assert.equal(keyBytes('0xzz'), undefined);
    const crlf = { ...host('a', A, B), ...host('b', B, A) };
    crlf['/ws/b/etc/racoon/psk.txt'] = `${A}\tEXAMPLE-ONLY-shared\r\n`;
    assert.equal(peerFindings(crlf).filter((f) => f.includes('psk-mismatch')).length, 2);
  });

  it('keys are not compared when aggressive mode may look them up by identifier, or a method is not PSK', () => {
    assert.deepEqual(peerFindings({ ...host('a', A, B, { psk: 'x1', modes: 'main, aggressive' }), ...host('b', B, A, { psk: 'x2', modes: 'aggressive, main' }) }), []);
    const rsa = PSK_PROPOSAL.replace('pre_shared_key', 'rsasig');
    assert.deepEqual(peerFindings({ ...host('a', A, B, { psk: 'x1', proposals: [PSK_PROPOSAL, rsa] }), ...host('b', B, A, { psk: 'x2', proposals: [PSK_PROPOSAL, rsa] }) }), []);
  });

  it('no exchange mode either side can start with is an error on both exchange_mode lines', () => {
    const found = peerFindings({ ...host('a', A, B, { modes: 'main' }), ...host('b', B, A, { modes: 'aggressive' }) });
    assert.deepEqual(
      found.map((f) => f.split(' ').slice(0, 2).join(' ')),
      ['a/racoon.conf:2 racoon-peer-proposal-mismatch', 'b/racoon.conf:2 racoon-peer-proposal-mismatch'],
    );
    assert.match(found[0], /remote 192\.0\.2\.41 starts phase 1 in main mode, which the host at 192\.0\.2\.41 does not allow for this host \(it allows aggressive\): and the other way round fails too/);
    assert.deepEqual(severities({ ...host('a', A, B, { modes: 'main' }), ...host('b', B, A, { modes: 'aggressive' }) }), ['error', 'error']);
  });

  it('a mode only one side can start with is a warning on the side that cannot', () => {
    const files = { ...host('a', A, B, { modes: 'main, aggressive' }), ...host('b', B, A, { modes: 'aggressive' }) };
    const found = peerFindings(files);
    assert.equal(found.length, 1);
    assert.match(found[0], /^a\/racoon\.conf:2 racoon-peer-proposal-mismatch remote 192\.0\.2\.41 starts phase 1 in main mode, .*the tunnel comes up only when the other host starts it/);
    assert.deepEqual(severities(files), ['warning']);
    // Each side's first mode is one the other allows: nothing to say.
    assert.deepEqual(peerFindings({ ...host('a', A, B, { modes: 'main, aggressive' }), ...host('b', B, A, { modes: 'aggressive, main' }) }), []);
  });

  it('no phase 1 proposal in common is reported on both remotes', () => {
    const aes = PSK_PROPOSAL.replace('3des', 'aes 256');
    const found = peerFindings({ ...host('a', A, B, { proposals: [PSK_PROPOSAL] }), ...host('b', B, A, { proposals: [aes] }) });
    assert.deepEqual(
      found.map((f) => f.split(' ').slice(0, 2).join(' ')),
      ['a/racoon.conf:1 racoon-peer-proposal-mismatch', 'b/racoon.conf:1 racoon-peer-proposal-mismatch'],
    );
    assert.match(found[0], /no phase 1 proposal of remote 192\.0\.2\.41 \(3des\/sha1\/pre_shared_key\/group 2\) is among those the host at 192\.0\.2\.41 accepts \(aes 256\/sha1\/pre_shared_key\/group 2\)/);
  });

  it("the other host's remote anonymous answers too", () => {
    const aes = PSK_PROPOSAL.replace('3des', 'aes');
    const anonymous = `remote anonymous {\n\texchange_mode main;\n\tproposal {\n\t\t${aes}\n\t}\n}\n`;
    // a starts with aes, which b's anonymous remote accepts; b starts with 3des, which a refuses.
    const files = { ...host('a', A, B, { proposals: [aes] }), ...host('b', B, A, { extra: anonymous }) };
    const found = peerFindings(files);
    assert.equal(found.length, 1);
    assert.match(found[0], /^b\/racoon\.conf:1 racoon-peer-proposal-mismatch no phase 1 proposal of remote 192\.0\.2\.40 \(3des/);
    assert.deepEqual(severities(files), ['warning']);
    // A named remote may answer by its remote_address: not judged.
    const named = `remote "other" {\n\texchange_mode main;\n\tproposal {\n\t\t${aes}\n\t}\n}\n`;
    assert.deepEqual(peerFindings({ ...host('a', A, B, { proposals: [aes] }), ...host('b', B, A, { extra: named }) }), []);
  });

  it('one common proposal is enough, spelled either way', () => {
    const named = PSK_PROPOSAL.replace('dh_group 2', 'dh_group modp1024').replace('3des', 'rijndael');
    const numbered = PSK_PROPOSAL.replace('3des', 'aes 128');
    const other = PSK_PROPOSAL.replace('sha1', 'md5');
    assert.deepEqual(peerFindings({ ...host('a', A, B, { proposals: [other, named] }), ...host('b', B, A, { proposals: [numbered] }) }), []);
  });

  it('reads aes_256 as racoon does, aes with its default key length, so it meets a plain aes', () => {
    const underscored = PSK_PROPOSAL.replace('3des', 'aes_256');
    const plain = PSK_PROPOSAL.replace('3des', 'aes');
    assert.deepEqual(peerFindings({ ...host('a', A, B, { proposals: [underscored] }), ...host('b', B, A, { proposals: [plain] }) }), []);
  });

  it('says nothing when a remote inherits or uses a method that comes in halves', () => {
    const xauth = PSK_PROPOSAL.replace('pre_shared_key', 'xauth_psk_client');
    assert.deepEqual(peerFindings({ ...host('a', A, B, { proposals: [xauth] }), ...host('b', B, A, { proposals: [PSK_PROPOSAL.replace('pre_shared_key', 'xauth_psk_server')] }) }), []);
    const files = { ...host('a', A, B), ...host('b', B, A, { modes: 'aggressive' }) };
    files['/ws/b/etc/racoon/racoon.conf'] = files['/ws/b/etc/racoon/racoon.conf'].replace(`remote ${A} {`, `remote ${A} inherit ${B} {`);
    assert.deepEqual(peerFindings(files), []);
  });
});

describe('racoon-peer-phase2-mismatch', () => {
  const sainfo = (encryption: string, authentication = 'hmac_sha1', header = 'anonymous') =>
    `sainfo ${header} {\n\tpfs_group 2;\n\tencryption_algorithm ${encryption};\n\tauthentication_algorithm ${authentication};\n\tcompression_algorithm deflate;\n}\n`;
  const withSainfo = (files: Record<string, string>, name: string, text: string) => ({ ...files, [`/ws/${name}/etc/racoon/racoon.conf`]: files[`/ws/${name}/etc/racoon/racoon.conf`] + text });
  const phase2 = (a: string, b: string) => {
    const files = withSainfo(withSainfo({ ...host('a', A, B), ...host('b', B, A) }, 'a', a), 'b', b);
    return peerFindings(files).filter((f) => f.includes('phase2'));
  };

  it('reports sainfos with no encryption or no authentication algorithm in common, on both hosts', () => {
    const found = phase2(sainfo('aes 256, 3des'), sainfo('blowfish, aes 128'));
    assert.deepEqual(found.map((f) => f.split(' ')[0]), ['a/racoon.conf:11', 'b/racoon.conf:11']);
    assert.match(found[0], /no encryption algorithm of this sainfo \(aes 256, 3des\) is among those of the host at 192\.0\.2\.41 \(blowfish, aes 128\)/);
    assert.equal(phase2(sainfo('aes'), sainfo('aes', 'hmac_md5')).length, 2);
  });

  it('stays quiet with one algorithm in common, spelled either way, or when a sainfo is for particular ids', () => {
    assert.deepEqual(phase2(sainfo('rijndael 128, 3des', 'hmac_sha256'), sainfo('aes', 'hmac_sha2_256')), []);
    assert.deepEqual(phase2(sainfo('aes 256'), sainfo('blowfish', 'hmac_sha1', 'address 10.0.0.0/24 any address 10.1.0.0/24 any')), []);
    assert.deepEqual(phase2(sainfo('aes 256') + sainfo('3des', 'hmac_sha1', 'address 10.0.0.0/24 any anonymous'), sainfo('blowfish')), []);
  });
});
