import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { commands, TabInputText, window, workspace, type InputBoxOptions, type QuickPickOptions } from 'vscode';
import { replaceMethods, waitFor, workspaceFile } from './util';

/** Denmark (dk/) gets a conn to Germany; Germany's certificate is copied into dk's ipsec.d/certs first. */
const ANSWERS = { countryCode: 'de', peerAddress: '203.0.113.50', peerId: '@vpn.de.example', certificate: '_de_VPNGateway_0.der' };
const GATEWAY_FILE = 'dk/ipsec.d/server.conf';
const CERTIFICATE_FROM = 'de/etc/ipsec.d/certs/_de_VPNGateway_0.der';
const CERTIFICATE_TO = 'dk/ipsec.d/certs/_de_VPNGateway_0.der';
const WRITTEN = 'dk/ipsec.d/de.conf';
/** The keys and their order of Denmark's only peer file (fr.conf), with Germany's values. */
const EXPECTED = ['conn de', '\tright=203.0.113.50', '\trightcert=_de_VPNGateway_0.der', '\trightid=@vpn.de.example', '\tauto=add', '\tpfs=yes', ''].join('\n');

interface WizardRun {
  questions: string[];
  offered: string[];
  messages: string[];
}

/** Runs the command with window.showInputBox/showQuickPick answering from ANSWERS; the pick is cancelled when the certificate is not offered. */
async function runWizard(): Promise<WizardRun> {
  const run: WizardRun = { questions: [], offered: [], messages: [] };
  const typed = [ANSWERS.countryCode, ANSWERS.peerAddress, ANSWERS.peerId];
  const restore = replaceMethods(window, {
    showInputBox: async (options?: InputBoxOptions) => {
      run.questions.push(options?.title ?? options?.prompt ?? '');
      const answer = typed.shift();
      const invalid = answer !== undefined ? await options?.validateInput?.(answer) : undefined;
      assert.ok(!invalid, `the wizard refused ${answer}: ${String(invalid)}`);
      return answer;
    },
    showQuickPick: async (items: readonly string[] | Thenable<readonly string[]>, options?: QuickPickOptions) => {
      run.questions.push(options?.title ?? options?.placeHolder ?? '');
      run.offered = [...(await items)];
      return run.offered.includes(ANSWERS.certificate) ? ANSWERS.certificate : undefined;
    },
    showWarningMessage: async (message: string) => void run.messages.push(message),
    showInformationMessage: async (message: string) => void run.messages.push(message),
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const unanswered = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the wizard did not finish within 10 s (questions so far: ${run.questions.join(' | ') || 'none'}); do the window.show* replacements reach the extension?`)), 10_000);
    });
    await Promise.race([commands.executeCommand('ipsec.newCountryConnection'), unanswered]);
  } finally {
    clearTimeout(timer);
    restore();
  }
  return run;
}

export function wizardTests(): void {
  suite('IPsec: New epSOS Country Connection…', () => {
    suiteSetup(() => copyFileSync(workspaceFile(CERTIFICATE_FROM).fsPath, workspaceFile(CERTIFICATE_TO).fsPath));

    suiteTeardown(async () => {
      const written = workspaceFile(WRITTEN).toString();
      const tabs = window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof TabInputText && tab.input.uri.toString() === written);
      await window.tabGroups.close(tabs);
      rmSync(workspaceFile(WRITTEN).fsPath, { force: true });
      rmSync(workspaceFile(CERTIFICATE_TO).fsPath, { force: true });
    });

    test('asks four questions, writes ipsec.d/<cc>.conf in the gateway\'s style and warns that the CA is missing', async () => {
      const written = workspaceFile(WRITTEN);
      assert.equal(existsSync(written.fsPath), false, `${WRITTEN} exists before the wizard ran`);
      await window.showTextDocument(await workspace.openTextDocument(workspaceFile(GATEWAY_FILE)));
      // The certificate was copied a moment ago: until the server has heard of it, the pick list
      // lacks it and runWizard cancels; run it again until it is offered.
      const run = await waitFor('the wizard to offer the copied certificate and write the file', async () => {
        const attempt = await runWizard();
        return existsSync(written.fsPath) && attempt;
      });
      assert.deepEqual(run.questions.map((title) => /\((\d)\/4\)/.exec(title)?.[1]), ['1', '2', '3', '4'], `questions: ${run.questions.join(' | ')}`);
      assert.deepEqual(run.offered, ['(none)', '_de_VPNGateway_0.der', '_dk_VPNGateway_0.der', '_fr_VPNGateway_0.der']);
      assert.equal(readFileSync(written.fsPath, 'utf8'), EXPECTED);
      const created = run.messages.find((message) => message.startsWith('Created'));
      assert.ok(created, `messages: ${run.messages.join(' | ')}`);
      assert.match(created, /No CA in ipsec\.d\/cacerts issued it/, "Denmark has no German CA, and the wizard says so");
      await waitFor('the new file in the active editor', () => window.activeTextEditor?.document.uri.toString() === written.toString());
    });
  });
}
