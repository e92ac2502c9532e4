import * as assert from 'node:assert/strict';
import { suite, suiteTeardown, test } from 'mocha';
import { ConfigurationTarget, window, workspace } from 'vscode';
import { diagnosticsWithCode, target, waitFor } from './util';

export function settingsTests(): void {
  suite('the ipsec.rules setting', () => {
    const rules = () => workspace.getConfiguration('ipsec');

    suiteTeardown(async () => {
      await rules().update('rules', undefined, ConfigurationTarget.Global);
    });

    test('{"column-zero-key": "off"} removes the diagnostic', async () => {
      const { uri } = target();
      await window.showTextDocument(await workspace.openTextDocument(uri));
      await waitFor('column-zero-key before the change', () => diagnosticsWithCode(uri, 'column-zero-key').length > 0);
      await rules().update('rules', { 'column-zero-key': 'off' }, ConfigurationTarget.Global);
      await waitFor('column-zero-key to disappear', () => diagnosticsWithCode(uri, 'column-zero-key').length === 0);
    });

    test('removing the setting brings it back', async () => {
      const { uri } = target();
      await rules().update('rules', undefined, ConfigurationTarget.Global);
      await waitFor('column-zero-key to come back', () => diagnosticsWithCode(uri, 'column-zero-key').length > 0);
      assert.equal(diagnosticsWithCode(uri, 'column-zero-key').length, 1);
    });
  });
}
