import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { PeerMatrix } from '../../../server/src/features/peerMatrix';
import { REPO_ROOT } from '../../helpers';
import { run, workspace } from './cliRun';

describe('ipsec-lint --peers', () => {
  it('lists each conn of examples/ with its partner, marks the broken pairs with their reasons, and exits 1', () => {
    const result = run(['--peers', 'examples'], REPO_ROOT);
    assert.equal(result.status, 1);
    const lines = result.stdout.split('\n');
    assert.deepEqual(
      lines.filter((l) => /^\S/.test(l)).map((l) => l.replace(/ {2,}/g, '  ')),
      [
        'de  conn fr  →  fr  conn de  ✗ broken',
        'dk  conn fr  →  fr  conn dk  ✓ agree',
        'fr  conn de  →  de  conn fr  ✗ broken',
        'fr  conn dk  →  dk  conn fr  ✓ agree',
        'racoon-pair/ipsec-a  remote 192.0.2.41  →  racoon-pair/ipsec-b  remote 192.0.2.40  ✓ agree',
        'racoon-pair/ipsec-b  remote 192.0.2.40  →  racoon-pair/ipsec-a  remote 192.0.2.41  ✓ agree',
        '3 gateway(s), 2 racoon host(s), 4 conn(s), 2 remote(s): 4 agree with their peer, 0 agree with warnings, 2 do not, 0 without a partner',
      ],
    );
    assert.ok(lines.includes(`    ${path.join('examples', 'de', 'etc', 'ipsec.d', 'fr.conf')}:8  error  rightid "@ncp.fr.example" is not the peer's own leftid "@vpn.fr.example" (conn de in fr/etc/ipsec.d/de.conf): authentication will fail; use the same ID on both sides  peer-id-mismatch`));
  });

  it('gives the matrix as JSON, and exits 0 when every pair agrees', () => {
    const root = workspace({
      'a/ipsec.conf': 'conn b\n\tleft=192.0.2.1\n\tleftid=@a\n\tright=192.0.2.2\n\trightid=@b\n\tauthby=secret\n\tauto=add\n',
      'b/ipsec.conf': 'conn a\n\tleft=192.0.2.2\n\tleftid=@b\n\tright=192.0.2.1\n\trightid=@a\n\tauthby=secret\n\tauto=add\n',
      'c/ipsec.conf': 'conn x\n\tleft=192.0.2.3\n\tright=203.0.113.9\n\tauto=add\n',
    });
    const result = run(['--peers', '--format', 'json', '--rule', 'conn-psk-missing=off', '.'], root);
    const matrix = JSON.parse(result.stdout) as PeerMatrix;
    assert.deepEqual(matrix.nodes, ['a', 'b', 'c']);
    assert.deepEqual(matrix.cells.map((c) => `${c.node}/${c.conn} ${c.status} ${c.peerNode ?? '-'}`), ['a/b ok b', 'b/a ok a', 'c/x unpaired -']);
    assert.equal(result.status, 0);
    assert.match(run(['--peers', '.'], root).stdout, /^c {2}conn x +- no partner in these files$/m);
  });

  it('marks a pair whose only findings are warnings as agreeing with warnings, and still exits 0', () => {
    const root = workspace({
      'a/ipsec.conf': 'conn b\n\tleft=192.0.2.1\n\tleftid=@a\n\tright=192.0.2.2\n\trightid=@b\n\tauthby=secret\n\tkeyexchange=ikev2\n\tpfs=no\n\tauto=start\n',
      'b/ipsec.conf': 'conn a\n\tleft=192.0.2.2\n\tleftid=@b\n\tright=192.0.2.1\n\trightid=@a\n\tauthby=secret\n\tkeyexchange=ikev2\n\tpfs=yes\n\tauto=add\n',
    });
    const result = run(['--peers', '--rule', 'conn-psk-missing=off', '.'], root);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^a {2}conn b {2}→ {2}b {2}conn a {2}! agree, with warnings$/m);
    assert.match(result.stdout, /^ {4}a\/ipsec\.conf:8 {2}warning {2}pfs=no here but pfs=yes at the peer .* peer-pfs-mismatch$/m);
    assert.match(result.stdout, /2 conn\(s\): 0 agree with their peer, 2 agree with warnings, 0 do not, 0 without a partner/);
    const matrix = JSON.parse(run(['--peers', '--format', 'json', '--rule', 'conn-psk-missing=off', '.'], root).stdout) as PeerMatrix;
    assert.deepEqual(matrix.cells.map((c) => `${c.node}/${c.conn} ${c.status} ${c.reasons.map((r) => `${r.severity}:${r.code}`).join(',')}`), ['a/b warning warning:peer-pfs-mismatch,warning:peer-pfs-mismatch', 'b/a warning warning:peer-pfs-mismatch,warning:peer-pfs-mismatch']);
    // --max-warnings counts the conns whose pair agrees only with warnings.
    const gated = run(['--peers', '--max-warnings', '1', '--rule', 'conn-psk-missing=off', '.'], root);
    assert.equal(gated.status, 1);
    assert.equal(gated.stderr, 'ipsec-lint: 2 conn(s) agree with their peer only with warnings, more than --max-warnings 1\n');
    assert.equal(run(['--peers', '--max-warnings', '2', '--rule', 'conn-psk-missing=off', '.'], root).status, 0);
    // Switched off, the warning no longer counts.
    assert.match(run(['--peers', '--rule', 'conn-psk-missing=off', '--rule', 'peer-pfs-mismatch=off', '.'], root).stdout, /^a {2}conn b {2}→ {2}b {2}conn a {2}✓ agree$/m);
  });

  it("counts a file's own errors on a conn's lines, as the editor's matrix does", () => {
    const root = workspace({
      'a/ipsec.conf': 'conn b\n\tleft=192.0.2.1\n\tleftid=@a\n\tright=192.0.2.2\n\trightid=@b\n\trightsubnet=10.2.0.0/33\n\tauthby=secret\n\tauto=add\n',
      'b/ipsec.conf': 'conn a\n\tleft=192.0.2.2\n\tleftid=@b\n\tright=192.0.2.1\n\trightid=@a\n\tauthby=secret\n\tauto=add\n',
    });
    const result = run(['--peers', '--rule', 'conn-psk-missing=off', '--rule', 'peer-subnet-mismatch=off', '.'], root);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^a {2}conn b {2}→ {2}b {2}conn a {2}✗ broken$/m);
    assert.match(result.stdout, /^ {4}a\/ipsec\.conf:6 {2}error {2}.* bad-value$/m);
  });

  it('refuses output formats the matrix has no shape for', () => {
    const result = run(['--peers', '--format', 'sarif', 'examples'], REPO_ROOT);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--peers prints text, --format json or --format markdown, not sarif/);
  });

  it('refuses the options that act on findings, rather than ignoring them', () => {
    for (const flags of [['--fix'], ['--quiet']]) {
      const result = run(['--peers', ...flags, 'examples'], REPO_ROOT);
      assert.equal(result.status, 2, flags.join(' '));
      assert.match(result.stderr, new RegExp(`--peers prints the peer matrix, not findings: it cannot be combined with ${flags[0]}`));
      assert.equal(result.stdout, '');
    }
  });
});
