import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { runCli } from '../../../server/src/cli/run';
import { collectFiles, describeLinksOut } from '../../../server/src/workspace/collectFiles';
import { resolveInNode } from '../../../server/src/workspace/certPaths';
import { DiskFileSource } from '../../../server/src/workspace/fileSource';
import { inferLayout, isInside, resolveConfigPath, resolveInFolder } from '../../../server/src/workspace/nodeLayout';
import { resolveRacoonFile } from '../../../server/src/workspace/racoonHost';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';
import { makeTempDir } from '../../tempDir';

/**
 * Paths written in config files never lead out of the gateway's folder: `..` stops at the
 * gateway's `/` as in a chroot, absolute paths are mapped onto the folder, and an include that a
 * symbolic link inside the folder takes elsewhere is not read.
 */
describe('paths written in config files stay inside the gateway', () => {
  const withEtc = inferLayout('/ws/fr/etc/ipsec.conf');
  const flat = inferLayout('/ws/dk/ipsec.conf');

  it('.. in relative and absolute paths stops at the gateway root', () => {
    assert.equal(resolveConfigPath('../../outside/*.conf', '/ws/fr/etc/ipsec.conf', withEtc), '/ws/fr/outside/*.conf');
    assert.equal(resolveConfigPath('../../../../../../outside/x.conf', '/ws/fr/etc/ipsec.d/a.conf', withEtc), '/ws/fr/outside/x.conf');
    assert.equal(resolveConfigPath('/etc/../../outside/*.conf', '/ws/fr/etc/ipsec.conf', withEtc), '/ws/fr/outside/*.conf');
    assert.equal(resolveConfigPath('/../../../etc/passwd', '/ws/fr/etc/ipsec.conf', withEtc), '/ws/fr/etc/passwd');
    assert.equal(resolveConfigPath('/etc/passwd', '/ws/dk/ipsec.conf', flat), '/ws/dk/passwd');
    assert.equal(resolveConfigPath('../x.conf', '/ws/dk/ipsec.conf', flat), '/ws/dk/x.conf');
  });

  it('paths that stay inside resolve as before', () => {
    assert.equal(resolveConfigPath('/etc/ipsec.d/*.conf', '/ws/fr/etc/ipsec.conf', withEtc), '/ws/fr/etc/ipsec.d/*.conf');
    assert.equal(resolveConfigPath('peers/a.conf', '/ws/dk/ipsec.d/x.conf', flat), '/ws/dk/ipsec.d/peers/a.conf');
    assert.equal(resolveConfigPath('../b.conf', '/ws/fr/etc/ipsec.d/a.conf', withEtc), '/ws/fr/etc/b.conf');
  });

  it('with ipsec.rootDirectory, absolute paths go under it and a file outside it keeps to its own folder', () => {
    const configured = inferLayout('/ws/gw/etc/ipsec.conf', '/srv/root');
    assert.equal(resolveConfigPath('/etc/../../x.conf', '/ws/gw/etc/ipsec.conf', configured), '/srv/root/x.conf');
    assert.equal(resolveConfigPath('../../../x.conf', '/ws/gw/etc/ipsec.conf', configured), '/ws/gw/x.conf');
  });

  it('certificate and key names with .. stay in the node', () => {
    assert.equal(resolveInFolder('/ws/fr/etc/ipsec.d/certs', '../../../../../../outside/cert.pem', withEtc), '/ws/fr/outside/cert.pem');
    const node = new WorkspaceIndex(new MemoryFiles({ '/ws/fr/etc/ipsec.conf': 'conn a\n\tleftcert=../../../../../x.der\n' })).model(['/ws/fr/etc/ipsec.conf']).nodes[0];
    assert.equal(resolveInNode(node, '../../../../../../outside/x.der', 'certs'), '/ws/fr/outside/x.der');
    assert.equal(resolveInNode(node, '/etc/../../../outside/x.der', 'certs'), '/ws/fr/outside/x.der');
    assert.equal(resolveInNode(node, 'fr.der', 'certs'), '/ws/fr/etc/ipsec.d/certs/fr.der');
  });

  it('racoon certificate names with .. stay in the host', () => {
    const files = new MemoryFiles({ '/ws/bsd/etc/racoon/racoon.conf': 'path certificate "/etc/../../../certs";\nremote anonymous {\n\tcertificate_type x509 "../../../../x.pem" "k.pem";\n}\n' });
    const host = new WorkspaceIndex(files).model([], [], ['/ws/bsd/etc/racoon/racoon.conf']).racoonHosts[0];
    assert.equal(host.certificatePath.resolved, '/ws/bsd/certs');
    assert.equal(resolveRacoonFile(host, '../../../../x.pem'), '/ws/bsd/x.pem');
    assert.equal(resolveRacoonFile(host, '/../../x.pem'), '/ws/bsd/x.pem');
  });

  it('isInside is lexical and exact about folder names', () => {
    assert.equal(isInside('/ws/fr/etc', '/ws/fr'), true);
    assert.equal(isInside('/ws/fr', '/ws/fr'), true);
    assert.equal(isInside('/ws/fr2/etc', '/ws/fr'), false);
    assert.equal(isInside('/ws/fr/../x', '/ws/fr'), false);
    assert.equal(isInside('/ws/fr/..x', '/ws/fr'), true);
  });

  it('an include that a symbolic link takes out of the gateway is reported and not read', () => {
    const root = makeTempDir('ipsec-confine-');
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'outside', 'secret.conf'), 'conn outside-marker\n\tright=203.0.113.66\n');
    mkdirSync(path.join(root, 'ws', 'gw', 'etc', 'ipsec.d'), { recursive: true });
    symlinkSync(path.join(root, 'outside', 'secret.conf'), path.join(root, 'ws', 'gw', 'etc', 'ipsec.d', 'link.conf'));
    symlinkSync(path.join(root, 'outside'), path.join(root, 'ws', 'gw', 'etc', 'ipsec.d', 'linked-dir'));
    writeFileSync(path.join(root, 'ws', 'gw', 'etc', 'ipsec.d', 'inside.conf'), 'conn inside\n\tright=192.0.2.7\n');
    writeFileSync(path.join(root, 'ws', 'gw', 'etc', 'ipsec.conf'), 'include /etc/ipsec.d/*.conf\ninclude /etc/ipsec.d/linked-dir/*.conf\ninclude ../../../outside/secret.conf\n');
    const confPath = path.join(root, 'ws', 'gw', 'etc', 'ipsec.conf');
    const model = new WorkspaceIndex(new DiskFileSource()).model([confPath]);
    const node = model.nodes[0];
    assert.deepEqual([...node.conns.keys()], ['inside']);
    assert.deepEqual(
      node.documents.map((d) => path.basename(new URL(d.uri).pathname)),
      ['ipsec.conf', 'inside.conf'],
    );
    const messages = node.problems.map((p) => p.message);
    assert.equal(messages.filter((m) => m.includes('through a symbolic link')).length, 2, messages.join('\n'));
    // Kept inside the gateway's /, the path names a folder the workspace does not have: a note, and nothing read.
    assert.ok(messages.some((m) => m.includes('include "../../../outside/secret.conf" is not in this workspace (it keeps no files in /outside)')), messages.join('\n'));
    const findings = [...checkWorkspace(model).values()].flat();
    assert.ok(!JSON.stringify(findings).includes('outside-marker'));
  });
});

describe('the workspace walk stays inside the folder it walks', () => {
  it('does not follow links that lead out, and follows those that stay in', () => {
    const root = makeTempDir('ipsec-walk-');
    const ws = path.join(root, 'ws');
    mkdirSync(path.join(ws, 'gw', 'etc'), { recursive: true });
    mkdirSync(path.join(root, 'outside', 'etc'), { recursive: true });
    writeFileSync(path.join(root, 'outside', 'etc', 'ipsec.conf'), 'conn outside\n');
    writeFileSync(path.join(ws, 'gw', 'etc', 'ipsec.conf'), 'conn inside\n');
    symlinkSync(path.join(root, 'outside', 'etc', 'ipsec.conf'), path.join(ws, 'ipsec.conf'));
    symlinkSync(path.join(root, 'outside'), path.join(ws, 'linked-outside'));
    symlinkSync(path.join(ws, 'gw'), path.join(ws, 'linked-inside'));
    writeFileSync(path.join(root, 'outside', 'notes.txt'), 'not configuration\n');
    symlinkSync(path.join(root, 'outside', 'notes.txt'), path.join(ws, 'notes.txt'));
    const linksOut: string[] = [];
    const found = collectFiles([ws], root, { linksOut }).files.map((f) => path.relative(ws, f.filePath)).sort();
    assert.deepEqual(found, ['gw/etc/ipsec.conf']);
    // The user hears of the links that would have given a folder or a configuration file, not of the others.
    assert.deepEqual(linksOut.map((link) => path.relative(ws, link)).sort(), ['ipsec.conf', 'linked-outside']);
    assert.equal(
      describeLinksOut(linksOut.sort(), root, 'name the folder or file they lead to as well to check it'),
      'symbolic link(s) leading out of the folder checked were not followed: ws/ipsec.conf, ws/linked-outside; name the folder or file they lead to as well to check it',
    );
    assert.deepEqual(collectFiles([path.join(ws, 'ipsec.conf')]).files.length, 1, 'a file named on the command line is read wherever it is');
  });

  it('the CLI says which links it did not follow, and checks the folder they lead to when named too', () => {
    const root = makeTempDir('ipsec-walk-cli-');
    mkdirSync(path.join(root, 'ws', 'fr', 'etc'), { recursive: true });
    mkdirSync(path.join(root, 'elsewhere', 'de', 'etc'), { recursive: true });
    writeFileSync(path.join(root, 'ws', 'fr', 'etc', 'ipsec.conf'), 'conn de\n\tleft=192.0.2.10\n\tright=198.51.100.20\n\tauto=add\n');
    writeFileSync(path.join(root, 'elsewhere', 'de', 'etc', 'ipsec.conf'), 'conn fr\n\tleft=198.51.100.20\n\tright=192.0.2.10\n\tauto=add\nconn broken\nauto=add\n');
    symlinkSync(path.join(root, 'elsewhere', 'de'), path.join(root, 'ws', 'de'));
    const run = (paths: string[]): { out: string; err: string } => {
      let out = '';
      let err = '';
      runCli(['-f', 'unix', ...paths], { cwd: root, stdout: (t) => (out += t), stderr: (t) => (err += t) });
      return { out, err };
    };
    const walked = run(['ws']);
    assert.equal(walked.err, 'ipsec-lint: symbolic link(s) leading out of the folder checked were not followed: ws/de; name the folder or file they lead to as well to check it\n');
    assert.doesNotMatch(walked.out, /column-zero-key/);
    assert.match(run(['ws', 'elsewhere/de']).out, /elsewhere\/de\/etc\/ipsec\.conf:6:1: error: .*column-zero-key/);
  });
});
