import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ShownConn } from '../../../server/src/cli/showConn';
import { run, workspace } from './cliRun';

const GATEWAY = {
  'gw/etc/ipsec.conf': 'config setup\n\nconn %default\n\tkeyingtries=1\n\tauthby=secret\n\ninclude /etc/ipsec.d/*.conf\n',
  'gw/etc/ipsec.d/common.conf': 'conn common\n\tleft=192.0.2.1\n\tleftid=@gw\n\tike=aes256-sha2_256-modp2048\n\tauto=ignore\n',
  'gw/etc/ipsec.d/peer.conf': 'conn peer\n\talso=common\n\tright=192.0.2.2\n\trightid=@peer\n\tauthby=rsasig\n\tauto=add\n',
};

describe('ipsec-lint --show-conn', () => {
  it('prints the conn as the gateway loads it, each value with where it was written', () => {
    const root = workspace(GATEWAY);
    const result = run(['--show-conn', 'peer', '.'], root);
    assert.equal(result.status, 0);
    const lines = result.stdout.split('\n').map((line) => line.replace(/\s+#/, ' #'));
    assert.deepEqual(lines, [
      '# gw/etc/ipsec.conf',
      'conn peer',
      '\tauthby=rsasig # gw/etc/ipsec.d/peer.conf:5',
      '\tauto=add # gw/etc/ipsec.d/peer.conf:6',
      '\tike=aes256-sha2_256-modp2048 # also, gw/etc/ipsec.d/common.conf:4',
      '\tkeyingtries=1 # %default, gw/etc/ipsec.conf:4',
      '\tleft=192.0.2.1 # also, gw/etc/ipsec.d/common.conf:2',
      '\tleftid=@gw # also, gw/etc/ipsec.d/common.conf:3',
      '\tright=192.0.2.2 # gw/etc/ipsec.d/peer.conf:3',
      '\trightid=@peer # gw/etc/ipsec.d/peer.conf:4',
      '',
    ]);
  });

  it("quotes a strongSwan value that starter joins from several words, and keeps the provenance column apart", () => {
    const root = workspace({ 'sw/ipsec.conf': '# ipsec-dialect: strongswan-5.9.8\nconn a\n\tleft=192.0.2.1\n\tleftsubnet=10.1.0.0/16, 10.2.0.0/16\n\tauto=add\n' });
    const result = run(['--show-conn', 'a', '.'], root);
    assert.equal(result.status, 0);
    assert.ok(result.stdout.includes('\tleftsubnet="10.1.0.0/16, 10.2.0.0/16"  # sw/ipsec.conf:4\n'), result.stdout);
  });

  it('gives JSON with each setting, and one entry per gateway that defines the conn', () => {
    const root = workspace({ ...GATEWAY, 'other/ipsec.conf': 'conn peer\n\tleft=198.51.100.1\n\tright=198.51.100.2\n\tauto=add\n' });
    const result = run(['--show-conn', 'peer', '--format', 'json', '.'], root);
    assert.equal(result.status, 0);
    const shown = JSON.parse(result.stdout) as ShownConn[];
    assert.deepEqual(
      shown.map((s) => s.gateway),
      ['gw/etc/ipsec.conf', 'other/ipsec.conf'],
    );
    assert.deepEqual(shown[0].settings.find((s) => s.key === 'keyingtries'), { key: 'keyingtries', value: '1', from: '%default', file: 'gw/etc/ipsec.conf', line: 4 });
    assert.deepEqual(shown[0].settings.find((s) => s.key === 'left'), { key: 'left', value: '192.0.2.1', from: 'also', file: 'gw/etc/ipsec.d/common.conf', line: 2 });
    assert.deepEqual(shown[1].settings.map((s) => `${s.key}=${s.value} ${s.from}`), ['auto=add conn', 'left=198.51.100.1 conn', 'right=198.51.100.2 conn']);
  });

  it("names the proposal lists a Libreswan conn leaves to the daemon, with the release's built-in proposals, in text and JSON", () => {
    const root = workspace({ 'gw/etc/ipsec.conf': '# ipsec-dialect: libreswan-4.10\nconfig setup\n\nconn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tikev2=no\n\tphase2alg=aes256-sha1\n\tauto=add\n' });
    const text = run(['--show-conn', 'peer', '.'], root);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /\n\t# ike= not set: Libreswan's built-in IKEv1 proposals, AES-CBC or 3DES, SHA-2 or SHA-1, MODP-2048 or MODP-1536\n$/);
    assert.doesNotMatch(text.stdout, /esp= not set/);
    const json = JSON.parse(run(['--show-conn', 'peer', '--format', 'json', '.'], root).stdout) as ShownConn[];
    assert.deepEqual(json[0].builtIn, [{ key: 'ike', daemon: 'libreswan', ikeVersion: 1, proposals: 'AES-CBC or 3DES, SHA-2 or SHA-1, MODP-2048 or MODP-1536' }]);
    // A gateway whose daemon is not known gets no such line: what it offers is not known either.
    assert.equal(JSON.parse(run(['--show-conn', 'peer', '--format', 'json', '.'], workspace(GATEWAY)).stdout)[0].builtIn, undefined);
  });

  it("names strongSwan's default proposals for a list a conn leaves out, where the release is from 5.6.1", () => {
    const conf = (release: string) => `# ipsec-dialect: strongswan${release}\nconfig setup\n\nconn peer\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tike=aes256-sha256-modp2048!\n\tauto=add\n`;
    const text = run(['--show-conn', 'peer', '.'], workspace({ 'gw/etc/ipsec.conf': conf('-5.9') }));
    assert.equal(text.status, 0);
    assert.match(text.stdout, /\n\t# esp= not set: strongSwan's default proposals, AES-CBC with SHA-2, SHA-1 or AES-XCBC or AES-GCM \(no 3DES\)\n$/);
    assert.doesNotMatch(text.stdout, /ike= not set/);
    const json = JSON.parse(run(['--show-conn', 'peer', '--format', 'json', '.'], workspace({ 'gw/etc/ipsec.conf': conf('-6') })).stdout) as ShownConn[];
    assert.deepEqual(json[0].builtIn, [{ key: 'esp', daemon: 'strongswan', proposals: 'AES-CBC with SHA-2, SHA-1 or AES-XCBC or AES-GCM (no 3DES)' }]);
    const open = run(['--show-conn', 'peer', '.'], workspace({ 'gw/etc/ipsec.conf': conf('-6').replace('modp2048!', 'modp2048') }));
    assert.match(open.stdout, /\n\t# ike= has no '!': strongSwan adds its default proposals, AES, Camellia, ChaCha20-Poly1305 or 3DES, .*\n\t# esp= not set: /);
    // strongSwan 5 includes releases whose defaults were much wider: nothing is said.
    assert.equal(JSON.parse(run(['--show-conn', 'peer', '--format', 'json', '.'], workspace({ 'gw/etc/ipsec.conf': conf('-5') })).stdout)[0].builtIn, undefined);
  });

  it('exits 1 naming the closest conn when no gateway defines it, or saying no gateway was found', () => {
    const root = workspace(GATEWAY);
    const missing = run(['--show-conn', 'peers', '.'], root);
    assert.equal(missing.status, 1);
    assert.equal(missing.stdout, '');
    assert.equal(missing.stderr, 'ipsec-lint: no gateway defines conn "peers"; did you mean "peer"?\n');
    const empty = workspace({ 'racoon/racoon.conf': 'path certificate "/etc/racoon/certs";\n' });
    assert.equal(run(['--show-conn', 'peer', '.'], empty).stderr, 'ipsec-lint: no gateway (ipsec.conf) was found\n');
  });

  it('refuses formats and options that would be ignored', () => {
    const root = workspace(GATEWAY);
    const sarif = run(['--show-conn', 'peer', '-f', 'sarif', '.'], root);
    assert.equal(sarif.status, 2);
    assert.match(sarif.stderr, /--show-conn prints text or --format json, not sarif/);
    const peers = run(['--show-conn', 'peer', '--peers', '--fix', '.'], root);
    assert.equal(peers.status, 2);
    assert.match(peers.stderr, /--show-conn prints one conn, not findings: it cannot be combined with --fix, --peers/);
    assert.match(run(['--show-conn=', '.'], root).stderr, /--show-conn needs a conn name/);
  });
});
