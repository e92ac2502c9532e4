import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers';
import { run, workspace } from './cliRun';

/** A gateway whose conn files lean on ipsec.conf: `also=common`, and the daemon it names (strongSwan, which skips a Libreswan keyword). */
const GATEWAY = {
  'de/etc/ipsec.conf': '# ipsec-dialect: strongswan-5\nconfig setup\n\tcharondebug="ike 1"\n\nconn common\n\tleft=192.0.2.10\n\tleftid=@vpn.de.example\n\tauthby=secret\n\nconn %default\n\tkeyexchange=ikev2\n\ninclude /etc/ipsec.d/fr.conf\n',
  'de/etc/ipsec.d/fr.conf': 'conn fr\n\talso=common\n\tright=198.51.100.20\n\trightid=@vpn.fr.example\n\tnat-ikev1-method=drafts\nauto=add\n',
  'de/etc/ipsec.d/nl.conf': 'conn nl\n\talso=common\n\tright=203.0.113.40\n\tauto=add\n',
  'de/etc/ipsec.d/old/dk.conf': 'conn dk\n\talso=common\n\tright=203.0.113.30\n\tauto=add\n',
  'de/etc/ipsec.secrets': '@vpn.de.example @vpn.fr.example : PSK "short"\n',
};

/** The helper writes psk.txt with mode 644, which is a finding of its own. */
const PSK_MODE_AS_WRITTEN = ['--rule', 'secrets-permissions=off'];

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; line: number }>;
}

function findings(stdout: string, root: string): string[] {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((r) => {
    const name = path.relative(root, r.filePath);
    return r.messages.length === 0 ? [`${name}: clean`] : r.messages.map((m) => `${name}:${m.line} ${m.ruleId}`);
  });
}

describe('files named on the command line are judged in their gateway', () => {
  it('a named ipsec.conf checks the configuration it loads: what it includes, the secrets, the conn files no include reads', () => {
    const root = workspace(GATEWAY);
    const result = run(['-f', 'json', 'de/etc/ipsec.conf'], root);
    assert.deepEqual(findings(result.stdout, root), [
      'de/etc/ipsec.conf: clean',
      'de/etc/ipsec.d/fr.conf:5 unknown-keyword',
      'de/etc/ipsec.d/fr.conf:6 column-zero-key',
      'de/etc/ipsec.secrets:1 weak-psk',
      'de/etc/ipsec.d/nl.conf:1 conn-file-not-included',
    ]);
    assert.equal(result.status, 1);
  });

  it('--fix on a named ipsec.conf fixes the files it includes', () => {
    const root = workspace(GATEWAY);
    run(['--fix', 'de/etc/ipsec.conf'], root);
    assert.match(readFileSync(path.join(root, 'de/etc/ipsec.d/fr.conf'), 'utf8'), /\n\tauto=add\n$/);
    assert.equal(readFileSync(path.join(root, 'de/etc/ipsec.d/old/dk.conf'), 'utf8'), GATEWAY['de/etc/ipsec.d/old/dk.conf']);
  });

  it('a named conn file is judged with the conns, dialect and settings of its gateway, and reported alone', () => {
    const root = workspace(GATEWAY);
    const result = run(['-f', 'json', 'de/etc/ipsec.d/fr.conf'], root);
    // The gateway runs strongSwan, which skips the Libreswan keyword: alone, the file could not say so.
    assert.deepEqual(findings(result.stdout, root), ['de/etc/ipsec.d/fr.conf:5 unknown-keyword', 'de/etc/ipsec.d/fr.conf:6 column-zero-key']);
    const unread = run(['-f', 'json', 'de/etc/ipsec.d/nl.conf'], root);
    assert.deepEqual(findings(unread.stdout, root), ['de/etc/ipsec.d/nl.conf:1 conn-file-not-included']);
    const elsewhere = run(['-f', 'json', 'de/etc/ipsec.d/old/dk.conf'], root);
    assert.deepEqual(findings(elsewhere.stdout, root), ['de/etc/ipsec.d/old/dk.conf: clean'], 'a file the gateway neither reads nor keeps beside its conn files is judged on its own');
  });

  it('a named folder inside a gateway (ipsec.d) is judged with the gateway above it', () => {
    const root = workspace(GATEWAY);
    const result = run(['-f', 'json', 'de/etc/ipsec.d'], root);
    assert.deepEqual(findings(result.stdout, root), [
      'de/etc/ipsec.d/fr.conf:5 unknown-keyword',
      'de/etc/ipsec.d/fr.conf:6 column-zero-key',
      'de/etc/ipsec.d/nl.conf:1 conn-file-not-included',
      'de/etc/ipsec.d/old/dk.conf: clean',
    ]);
  });

  it('a named ipsec.secrets is judged with its gateway, and the files around it stay unreported', () => {
    const root = workspace(GATEWAY);
    const result = run(['-f', 'json', 'de/etc/ipsec.secrets'], root);
    assert.deepEqual(findings(result.stdout, root), ['de/etc/ipsec.secrets:1 weak-psk']);
  });

  it('the gateway is found for --stdin too, without naming the repository', () => {
    const root = workspace(GATEWAY);
    const buffer = GATEWAY['de/etc/ipsec.d/fr.conf'].replace('\tnat-ikev1-method=drafts\nauto=add', '\tauto=add').replace('also=common', 'also=comon');
    const result = run(['-f', 'json', '--stdin', '--stdin-filename', 'de/etc/ipsec.d/fr.conf'], root, buffer);
    assert.deepEqual(findings(result.stdout, root), ['de/etc/ipsec.d/fr.conf:2 also-undefined']);
    const fixed = run(['-f', 'json', '--stdin', '--stdin-filename', 'de/etc/ipsec.d/fr.conf'], root, buffer.replace('comon', 'common'));
    assert.deepEqual(findings(fixed.stdout, root), ['de/etc/ipsec.d/fr.conf: clean']);
  });

  it("two named psk.txt files are judged with their hosts' racoon.conf and setkey files, and so paired", () => {
    const example = (name: string): string => readFileSync(path.join(REPO_ROOT, 'examples', 'racoon-pair', name), 'utf8');
    const files: Record<string, string> = {};
    for (const host of ['ipsec-a', 'ipsec-b']) for (const name of ['racoon.conf', 'psk.txt', 'setkey.conf']) files[`${host}/etc/racoon/${name}`] = example(`${host}/etc/racoon/${name}`);
    files['ipsec-b/etc/racoon/psk.txt'] = files['ipsec-b/etc/racoon/psk.txt'].replace('EXAMPLE-ONLY-not-a-secret', 'EXAMPLE-ONLY-another-secret');
    const root = workspace(files);
    const result = run(['-f', 'json', ...PSK_MODE_AS_WRITTEN, 'ipsec-a/etc/racoon/psk.txt', 'ipsec-b/etc/racoon/psk.txt'], root);
    assert.deepEqual(
      findings(result.stdout, root).filter((line) => !line.endsWith('clean')).map((line) => line.replace(/:\d+ /, ' ')),
      ['ipsec-a/etc/racoon/psk.txt racoon-peer-psk-mismatch', 'ipsec-b/etc/racoon/psk.txt racoon-peer-psk-mismatch'],
    );
    assert.doesNotMatch(result.stdout, /EXAMPLE-ONLY/, 'no key is printed');
  });

  it('a named racoon.conf checks its psk.txt with it', () => {
    const root = workspace({
      'h/etc/racoon/racoon.conf': 'path pre_shared_key "/etc/racoon/psk.txt";\nremote 192.0.2.41 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha256;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group modp2048;\n\t}\n}\n',
      'h/etc/racoon/psk.txt': '192.0.2.41 short\n',
    });
    const result = run(['-f', 'json', ...PSK_MODE_AS_WRITTEN, 'h/etc/racoon/racoon.conf'], root);
    assert.deepEqual(findings(result.stdout, root), ['h/etc/racoon/racoon.conf: clean', 'h/etc/racoon/psk.txt:1 weak-psk']);
  });

  it('a folder walk reports the files a gateway includes whatever their names, unless --exclude leaves their folder out', () => {
    const root = workspace({
      'gw/etc/ipsec.conf': 'config setup\n\ninclude /etc/conns/*.conf\n',
      'gw/etc/conns/x.conf': 'conn x\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tbogus=1\n\tauto=add\n',
    });
    assert.deepEqual(findings(run(['-f', 'json', '.'], root).stdout, root), ['gw/etc/ipsec.conf: clean', 'gw/etc/conns/x.conf:4 unknown-keyword']);
    assert.deepEqual(findings(run(['-f', 'json', '--exclude', 'conns', '.'], root).stdout, root), ['gw/etc/ipsec.conf: clean']);
  });

  it('a named racoon.conf checks the files it includes, and a named included file is judged with the racoon.conf above it', () => {
    const root = workspace({
      'h/etc/racoon/racoon.conf': 'path pre_shared_key "/etc/racoon/psk.txt";\ninclude "/etc/racoon/racoon.d/*.conf";\n',
      'h/etc/racoon/racoon.d/peer.conf': 'remote 192.0.2.41 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha256;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group modp2048;\n\t}\n}\n',
      'h/etc/racoon/psk.txt': '192.0.2.99 EXAMPLE-ONLY-not-a-secret-but-long-enough\n',
    });
    const named = run(['-f', 'json', ...PSK_MODE_AS_WRITTEN, 'h/etc/racoon/racoon.conf'], root);
    assert.deepEqual(findings(named.stdout, root), ['h/etc/racoon/racoon.conf: clean', 'h/etc/racoon/racoon.d/peer.conf:1 racoon-psk-missing', 'h/etc/racoon/psk.txt: clean']);
    const fragment = run(['-f', 'json', ...PSK_MODE_AS_WRITTEN, 'h/etc/racoon/racoon.d/peer.conf'], root);
    assert.deepEqual(findings(fragment.stdout, root), ['h/etc/racoon/racoon.d/peer.conf:1 racoon-psk-missing']);
    const folder = run(['-f', 'json', ...PSK_MODE_AS_WRITTEN, '.'], root);
    assert.deepEqual(findings(folder.stdout, root).sort(), ['h/etc/racoon/psk.txt: clean', 'h/etc/racoon/racoon.conf: clean', 'h/etc/racoon/racoon.d/peer.conf:1 racoon-psk-missing']);
  });
});
