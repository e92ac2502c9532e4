import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { WorkspaceState } from '../../../server/src/lsp/workspaceState';
import { run, workspace } from './cliRun';

/** FreeBSD's rc.d/ipsec runs `setkey -f /etc/ipsec.conf`; racoon from ports lives in /usr/local/etc/racoon. */
const FREEBSD = {
  'fw/etc/ipsec.conf': '# setkey policies\nflush;\nspdflush;\nspdadd 10.1.0.0/16 10.2.0.0/16 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\nspdadd 10.2.0.0/16 10.1.0.0/16 any -P in ipsec esp/tunnel/192.0.2.2-192.0.2.1/require;\n',
};

describe("FreeBSD's /etc/ipsec.conf, a setkey file", () => {
  it('is checked as setkey by the CLI, with no ipsec.conf errors and no Linux fwd advice', () => {
    const root = workspace(FREEBSD);
    const result = run(['-f', 'json', '.'], root);
    assert.equal(result.status, 0, result.stdout);
    const [report] = JSON.parse(result.stdout) as Array<{ filePath: string; messages: unknown[] }>;
    assert.equal(path.relative(root, report.filePath), path.join('fw', 'etc', 'ipsec.conf'));
    assert.deepEqual(report.messages, []);
  });

  it('is no gateway in the editor either: its closed diagnostics are setkey findings', () => {
    const root = workspace({ ...FREEBSD, 'fw/etc/ipsec.conf': `${FREEBSD['fw/etc/ipsec.conf']}spdadd 10.3.0.0/16 10.4.0.0/16 any -P out ipsec esp/tunnel/192.0.2.1/require;\n` });
    const state = new WorkspaceState();
    state.indexFolders([root], {});
    assert.equal(state.model().nodes.length, 0);
    const uri = pathToFileURL(path.join(root, 'fw', 'etc', 'ipsec.conf')).href;
    const closed = state.closedDocuments().find(({ document }) => document.uri === uri);
    assert.equal(closed?.document.kind, 'setkey');
    assert.ok(closed?.findings.every((f) => f.code.startsWith('setkey-')), closed?.findings.map((f) => f.code).join(', '));
    assert.ok((closed?.findings.length ?? 0) > 0, 'the broken tunnel request is reported');
  });
});
