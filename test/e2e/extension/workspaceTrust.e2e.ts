import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, test } from 'mocha';
import { Uri, window, workspace } from 'vscode';
import { diagnosticsWithCode, extension, waitFor } from './util';

/**
 * Run twice by test/e2e/run.mjs on the same workspace (lib/trustWorkspace.mjs), whose
 * .vscode/settings.json sets `ipsec.rootDirectory` to a folder outside it: with workspace trust
 * enabled and the folder not trusted (IPSEC_E2E_TRUSTED=0), and with trust disabled, as the
 * control (IPSEC_E2E_TRUSTED=1). The include on line 3 resolves only under that root.
 */
export function workspaceTrustTests(): void {
  const trusted = process.env.IPSEC_E2E_TRUSTED === '1';
  const conf = (): Uri => {
    const file = process.env.IPSEC_E2E_TRUST_CONF;
    assert.ok(file, 'IPSEC_E2E_TRUST_CONF must be set by test/e2e/run.mjs');
    return Uri.file(file);
  };
  const root = (): string => {
    const folder = process.env.IPSEC_E2E_TRUST_ROOT;
    assert.ok(folder, 'IPSEC_E2E_TRUST_ROOT must be set by test/e2e/run.mjs');
    return folder;
  };

  suite(trusted ? 'a trusted workspace (the control)' : 'an untrusted workspace (restricted mode)', () => {
    test(trusted ? 'the workspace is trusted' : 'the workspace is not trusted', () => {
      assert.equal(workspace.isTrusted, trusted);
    });

    test('the extension activates and checks the open file', async () => {
      await window.showTextDocument(await workspace.openTextDocument(conf()));
      await waitFor('the extension to be active', () => extension().isActive, 30_000);
      // The document's own checks, which do not depend on the root: `rekey=no` in column 0 on line 8.
      const [columnZero] = await waitFor('column-zero-key from the language server', () => {
        const list = diagnosticsWithCode(conf(), 'column-zero-key');
        return list.length > 0 && list;
      }, 45_000);
      assert.equal(columnZero.range.start.line, 7);
    });

    test(trusted ? "the workspace's ipsec.rootDirectory is used" : "the workspace's ipsec.rootDirectory is ignored", async () => {
      const written = JSON.parse(readFileSync(path.join(path.dirname(path.dirname(path.dirname(conf().fsPath))), '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(written['ipsec.rootDirectory'], root(), 'the workspace settings name the root');
      assert.equal(workspace.getConfiguration('ipsec').get('rootDirectory'), trusted ? root() : '');
      // Read under the root, peer.conf defines conn a first; read without it, the include names no file.
      const expected = trusted ? 'duplicate-conn-in-node' : 'include-missing';
      const other = trusted ? 'include-missing' : 'duplicate-conn-in-node';
      const [found] = await waitFor(expected, () => {
        const list = diagnosticsWithCode(conf(), expected);
        return list.length > 0 && list;
      });
      assert.equal(found.range.start.line, trusted ? 3 : 2);
      assert.deepEqual(diagnosticsWithCode(conf(), other), []);
    });
  });
}
