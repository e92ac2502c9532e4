import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers';
import { run, workspace } from './cliRun';

const FILES = {
  'fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\tauthby=secret\n',
  'fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\tauto=add\n',
  'dk/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'dk/ipsec.d/server.conf': 'conn %default\n\tleft=198.51.100.20\n\tleftid=@vpn.dk.example\n\tauthby=secret\n',
  'dk/ipsec.d/fr.conf': 'conn fr\n\tright=192.0.2.10\n\trightid=@vpn.fr.example\n\tauto=add\n',
};
const codes = (stdout: string) => JSON.parse(stdout).flatMap((r: { filePath: string; messages: Array<{ ruleId: string; line: number }> }) => r.messages.map((m) => `${r.filePath.split('/').slice(-3).join('/')}:${m.line} ${m.ruleId}`));
const NO_PSK = ['--rule', 'conn-psk-missing=off'];

describe('ipsec-lint --stdin', () => {
  it('checks the buffer in place of the file, against its gateway and peers when the workspace is given', () => {
    const root = workspace(FILES);
    // The unsaved buffer expects another ID from Denmark: only the cross-file check can tell.
    const buffer = FILES['fr/etc/ipsec.d/dk.conf'].replace('@vpn.dk.example', '@gw.dk.example');
    const result = run(['-f', 'json', ...NO_PSK, '--stdin', '--stdin-filename', 'fr/etc/ipsec.d/dk.conf', '.'], root, buffer);
    assert.deepEqual(codes(result.stdout), ['etc/ipsec.d/dk.conf:3 peer-id-mismatch']);
    assert.equal(result.status, 1);
    // The file on disk is as it was, and agrees with Denmark.
    assert.deepEqual(codes(run(['-f', 'json', ...NO_PSK, '.'], root).stdout), []);
  });

  it('checks the buffer on its own without a workspace, its kind taken from the name or --kind', () => {
    const root = workspace({});
    const result = run(['--stdin', '--stdin-filename', 'racoon.conf', '-f', 'unix'], root, 'remote anonymous {\n\texchange_mode main\n}\n');
    assert.match(result.stdout, /racoon\.conf:2:\d+: error: .*racoon-missing-semicolon/);
    const column0 = run(['--stdin', '--kind', 'ipsec'], root, 'conn a\nauto=add\n');
    assert.match(column0.stdout, /column-zero-key/);
    assert.doesNotMatch(column0.stdout, /--fix/, 'nothing to write, so nothing is offered to --fix');
  });

  it('refuses --fix and --peers, and --stdin-filename without --stdin', () => {
    const root = workspace({});
    assert.equal(run(['--stdin', '--fix'], root, '').status, 2);
    assert.equal(run(['--stdin', '--peers'], root, '').status, 2);
    assert.equal(run(['--stdin-filename', 'x.conf', '.'], root).status, 2);
  });

  it('reads the real standard input in the ipsec-lint binary', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'ipsec-lint.js'), '--stdin', '--kind', 'ipsec', '-f', 'unix'], { input: 'conn a\nauto=add\n', encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^stdin:2:1: error: .*\[column-zero-key\]$/m);
  });
});
