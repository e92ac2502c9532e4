import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { run, workspace } from './cliRun';

const GATEWAY = {
  'gw/ipsec.conf': 'config setup\n\tprotostack=netkey\n\nconn a\n\tleft=192.0.2.1\n\tleft=192.0.2.2\n\tright=198.51.100.1\nauto=add\n',
  'archive/old/ipsec.conf': 'conn b\nleft=192.0.2.1\n',
};
const codes = (stdout: string): string[] => JSON.parse(stdout).flatMap((r: { filePath: string; messages: Array<{ ruleId: string }> }) => r.messages.map((m) => `${path.basename(path.dirname(r.filePath))} ${m.ruleId}`)).sort();

describe('ipsec-lint with .ipsec-lint.json', () => {
  it('without one: every finding of every folder', () => {
    const root = workspace(GATEWAY);
    assert.deepEqual(codes(run(['-f', 'json', '.'], root).stdout), ['gw column-zero-key', 'gw duplicate-key', 'old column-zero-key']);
  });

  it('uses the nearest file from the working folder up: rules and exclude', () => {
    const root = workspace({ ...GATEWAY, '.ipsec-lint.json': '{ "rules": { "duplicate-key": "off" }, "exclude": ["archive"] }' });
    const result = run(['-f', 'json', '.'], root);
    assert.equal(result.stderr, '');
    assert.deepEqual(codes(result.stdout), ['gw column-zero-key']);
    assert.deepEqual(codes(run(['-f', 'json', path.join(root, 'gw')], path.join(root, 'gw')).stdout), ['gw column-zero-key']);
  });

  it('lets --rule win over the file, --no-config ignore it and --config name another', () => {
    const root = workspace({ ...GATEWAY, '.ipsec-lint.json': '{ "rules": { "duplicate-key": "off" } }', 'ci/strict.json': '{ "rules": { "column-zero-key": "off" } }' });
    assert.deepEqual(codes(run(['-f', 'json', '--rule', 'duplicate-key=error', 'gw'], root).stdout), ['gw column-zero-key', 'gw duplicate-key']);
    assert.deepEqual(codes(run(['-f', 'json', '--no-config', 'gw'], root).stdout), ['gw column-zero-key', 'gw duplicate-key']);
    assert.deepEqual(codes(run(['-f', 'json', '--config', 'ci/strict.json', 'gw'], root).stdout), ['gw duplicate-key']);
  });

  it('--exclude skips folders by name, as the file does', () => {
    const root = workspace(GATEWAY);
    assert.deepEqual(codes(run(['-f', 'json', '--exclude', 'arch*', '.'], root).stdout), ['gw column-zero-key', 'gw duplicate-key']);
  });

  it('--dialect and the file\'s dialect judge every gateway as that daemon', () => {
    // nat_traversal is an Openswan keyword: Libreswan 4 and strongSwan refuse it.
    const root = workspace({ 'gw/ipsec.conf': 'config setup\n\tnat_traversal=yes\n\nconn a\n\tleft=192.0.2.1\n\tright=198.51.100.1\n' });
    assert.deepEqual(codes(run(['-f', 'json', '--dialect', 'openswan', '.'], root).stdout), []);
    assert.deepEqual(codes(run(['-f', 'json', '--dialect', 'libreswan-4', '.'], root).stdout), ['gw unknown-keyword']);
    const withFile = workspace({ 'gw/ipsec.conf': 'config setup\n\tnat_traversal=yes\n', '.ipsec-lint.json': '{ "dialect": "libreswan-4" }' });
    assert.deepEqual(codes(run(['-f', 'json', '.'], withFile).stdout), ['gw unknown-keyword']);
    assert.equal(run(['--dialect', 'racoon', '.'], root).status, 2);
  });

  it('--dialect also judges a file that belongs to no gateway', () => {
    // A conf file on its own (no ipsec.conf layout) was judged by its own text alone, whatever --dialect said.
    const root = workspace({ 'drafts/tunnel.conf': 'conn a\n\tleft=192.0.2.1\n\tright=198.51.100.1\n\tencapsulation=yes\n' });
    const severities = (...dialect: string[]) => (JSON.parse(run(['-f', 'json', ...dialect, 'drafts/tunnel.conf'], root).stdout) as { messages: { severity: number }[] }[]).flatMap((r) => r.messages.map((m) => m.severity));
    assert.deepEqual(severities(), [], 'only Libreswan knows encapsulation=, so the file is read as Libreswan');
    assert.deepEqual(severities('--dialect', 'strongswan'), [1], 'strongSwan skips a keyword it does not know');
    assert.deepEqual(severities('--dialect', 'openswan'), [2], 'Openswan refuses the file');
  });

  it('--dialect takes a release, where releases differ', () => {
    // Libreswan 5.3 reads global-redirect= itself and refuses the file over an unknown word; 5.0 to 5.2 leave it to pluto.
    const root = workspace({ 'gw/ipsec.conf': 'config setup\n\tglobal-redirect=enabled\n' });
    const severities = (dialect: string) => (JSON.parse(run(['-f', 'json', '--dialect', dialect, '.'], root).stdout) as { messages: { severity: number }[] }[]).flatMap((r) => r.messages.map((m) => m.severity));
    assert.deepEqual(severities('libreswan-5.4'), [2]);
    assert.deepEqual(severities('libreswan-5.2'), [1]);
    assert.deepEqual(severities('libreswan-5'), [1]);
    const typo = run(['--dialect', 'libreswan-5.9', '.'], root);
    assert.equal(typo.status, 2);
    assert.match(typo.stderr, /unknown dialect "libreswan-5\.9"; use .*a release such as libreswan-5\.2/);
  });

  it('--dialect takes a Libreswan 3 release, judged as a pinning comment judges it', () => {
    const root = workspace({ 'gw/ipsec.conf': 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n\tikev2=never\n\tesp=serpent-sha1\n\tauto=add\n' });
    const codes = (dialect: string) => (JSON.parse(run(['-f', 'json', '--dialect', dialect, '.'], root).stdout) as { messages: { ruleId: string; severity: number }[] }[]).flatMap((r) => r.messages.map((m) => `${m.ruleId} ${m.severity}`));
    assert.deepEqual(codes('libreswan-3.25'), []);
    assert.deepEqual(codes('libreswan-3'), []);
    assert.deepEqual(codes('libreswan-4').sort(), ['bad-value 2', 'libreswan-conn-refused 1']);
  });

  it('prints what it ignores, and stops with status 2 on a file it cannot use', () => {
    const root = workspace({ ...GATEWAY, '.ipsec-lint.json': '{ "rules": { "duplicat-key": "off" } }' });
    const ignored = run(['-f', 'json', 'gw'], root);
    assert.equal(ignored.status, 1);
    assert.equal(ignored.stderr, 'ipsec-lint: .ipsec-lint.json: unknown rule code "duplicat-key" is ignored (did you mean "duplicate-key"?)\n');
    const broken = workspace({ ...GATEWAY, '.ipsec-lint.json': '{ "dialect": "libreswan-9" }' });
    const refused = run(['gw'], broken);
    assert.equal(refused.status, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^ipsec-lint: \.ipsec-lint\.json: "dialect" must be auto, .*\(fix it, or run with --no-config\)\n$/);
    assert.match(run(['--config', 'missing.json', 'gw'], root).stderr, /missing\.json: no such file/);
  });
});
