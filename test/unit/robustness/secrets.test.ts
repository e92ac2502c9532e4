import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FORMATS } from '../../../server/src/cli/args';
import { runCli } from '../../../server/src/cli/run';
import { outlineOf } from '../../../server/src/features/outline';
import { lint, parse } from '../../helpers';
import { makeTempDir } from '../../tempDir';

/** Every secret in these files contains MARKER; no output may. */
const SECRETS = [
  ': RSA vpn-server.key "MARKER-passphrase-1"',
  '@west @east : PSK "MARKER-psk-2"',
  '@user : XAUTH "MARKER-xauth-3"',
  '@eap : EAP MARKER-eap-4',
  '@broken : PSK "MARKER-unterminated-5',
  '@dangling @MARKER-looks-like-selector-ok',
  ': PSK 0sMARKERbase64==',
  '@x : NTLM "MARKER-ntlm-6" "extra MARKER-7"',
].join('\n');
const PSK = '192.0.2.2\tMARKER-racoon-8\n# comment\nbad-line-without-key\n';

function workspace(): string {
  const root = makeTempDir('ipsec-secret-');
  mkdirSync(path.join(root, 'etc', 'racoon'), { recursive: true });
  writeFileSync(path.join(root, 'etc', 'ipsec.secrets'), `${SECRETS}\n`);
  writeFileSync(path.join(root, 'etc', 'ipsec.conf'), 'conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n');
  writeFileSync(path.join(root, 'etc', 'racoon', 'psk.txt'), PSK);
  chmodSync(path.join(root, 'etc', 'ipsec.secrets'), 0o644);
  chmodSync(path.join(root, 'etc', 'racoon', 'psk.txt'), 0o644);
  return root;
}

/** Selectors are not secret; everything after the type is. */
function leaksSecret(output: string): boolean {
  return /MARKER-(passphrase|psk|xauth|eap|unterminated|ntlm|racoon)|MARKER-7|MARKERbase64/.test(output);
}

describe('secrets never leave the files', () => {
  it('no CLI format prints a secret, and loose permissions are reported', () => {
    const root = workspace();
    for (const format of FORMATS) {
      let out = '';
      let err = '';
      runCli(['-f', format, root], { cwd: root, stdout: (t) => (out += t), stderr: (t) => (err += t) });
      assert.ok(!leaksSecret(out + err), `${format} leaked a secret:\n${out}`);
      if (format === 'unix') {
        assert.match(out, /ipsec\.secrets:1:1: warning: ipsec\.secrets has mode 644/);
        assert.match(out, /psk\.txt:1:1: warning: psk\.txt has mode 644: other users can read the secrets and racoon refuses the file/);
      }
    }
  });

  it('mode 600 is not reported', () => {
    const root = workspace();
    chmodSync(path.join(root, 'etc', 'ipsec.secrets'), 0o600);
    chmodSync(path.join(root, 'etc', 'racoon', 'psk.txt'), 0o600);
    let out = '';
    runCli(['-f', 'unix', root], { cwd: root, stdout: (t) => (out += t), stderr: () => undefined });
    assert.doesNotMatch(out, /secrets-permissions|has mode/);
  });

  it('loose permissions are not judged in a git working tree, whose checkout mode says nothing about the gateway', () => {
    const root = workspace();
    mkdirSync(path.join(root, '.git'));
    let out = '';
    runCli(['-f', 'unix', path.join(root, 'etc')], { cwd: root, stdout: (t) => (out += t), stderr: () => undefined });
    assert.doesNotMatch(out, /secrets-permissions|has mode/);
    rmSync(path.join(root, '.git'), { recursive: true });
    writeFileSync(path.join(root, '.git'), 'gitdir: ../elsewhere/.git\n');
    out = '';
    runCli(['-f', 'unix', path.join(root, 'etc')], { cwd: root, stdout: (t) => (out += t), stderr: () => undefined });
    assert.doesNotMatch(out, /secrets-permissions|has mode/);
  });

  it('nor in a git working tree reached through a symbolic link, while a plain folder behind a link is judged', () => {
    // The link leads into the tree, below the folder that holds .git: the link's own parents hold none.
    const root = workspace();
    mkdirSync(path.join(root, '.git'));
    const linked = path.join(makeTempDir('ipsec-secret-link-'), 'etc');
    symlinkSync(path.join(root, 'etc'), linked);
    let out = '';
    runCli(['-f', 'unix', linked], { cwd: linked, stdout: (t) => (out += t), stderr: () => undefined });
    assert.doesNotMatch(out, /secrets-permissions|has mode/);
    rmSync(path.join(root, '.git'), { recursive: true });
    out = '';
    runCli(['-f', 'unix', linked], { cwd: linked, stdout: (t) => (out += t), stderr: () => undefined });
    assert.match(out, /ipsec\.secrets:1:1: warning: ipsec\.secrets has mode 644/);
  });

  it('diagnostics and outlines of secrets files name no secret', () => {
    for (const [kind, text] of [['ipsec-secrets', SECRETS], ['racoon-psk', PSK]] as const) {
      const findings = lint(kind, text);
      assert.ok(!leaksSecret(JSON.stringify(findings)), JSON.stringify(findings));
      assert.ok(!leaksSecret(JSON.stringify(outlineOf(parse(kind, text)))));
    }
  });
});
