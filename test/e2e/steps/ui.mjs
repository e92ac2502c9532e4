// The UI checks, one small function each. The harness runs `uiSteps` in order in one
// workbench, takes a screenshot after every step (artifacts/e2e/NN-<shot>.png) and counts a
// step as failed when it throws. To add a check: write an async function (ctx) => void below
// and add it to `uiSteps` with step(title, shot, fn). See test/e2e/README.md.
import assert from 'node:assert/strict';
import path from 'node:path';
import { lineOfKey } from '../lib/workspace.mjs';
import { completionOffersAuto, hoverShowsRightidDoc } from './authoring.mjs';
import { gatewaysViewListsTunnels, peerMatrixShowsAmberForWarnings, peerMatrixShowsRedAndGreen, wizardWritesCountryFile } from './commands.mjs';

export { lineOfKey };

/**
 * @typedef {object} StepContext
 * @property {import('../lib/workbench.mjs').Workbench} wb   moves in the workbench (open file, go to line, problems, hover, ...)
 * @property {import('playwright-core').Page} page          the raw page, for anything wb lacks
 * @property {{ dir: string, fromExamples: boolean }} workspace   the scratch copy of examples/
 * @property {{ rel: string, abs: string, line: number, lineText: string, created: boolean }} target  the file with a column-0 key
 * @property {(name: string) => Promise<string>} shot        an extra screenshot in the middle of a step
 * @property {(message: string) => void} log
 */

/** @param {string} title @param {string} shot @param {(ctx: StepContext) => Promise<void>} run */
export const step = (title, shot, run, { timeoutMs = 90_000 } = {}) => ({ title, shot, run, timeoutMs });

/** (a) The file opens as "IPsec Config"; the column-0 key gets a red squiggle on its line, whose hover explains it. */
export async function squiggleOnColumnZeroKey({ wb, target, log }) {
  await wb.openFile(target.rel);
  assert.equal(await wb.languageMode(), 'IPsec Config', 'the status bar names the language');
  await wb.gotoLine(target.line);
  const count = await wb.waitForSquiggle('error', 45_000);
  assert.ok(await wb.squiggleOnCursorLine('error'), `no error squiggle on line ${target.line} (${count} elsewhere)`);
  log(`${count} error squiggle(s); one on line ${target.line}: ${JSON.stringify(target.lineText)}`);
  // Ctrl+K Ctrl+I on it: the hover carries the diagnostic's message (and stays for the screenshot).
  const hover = await wb.hoverAt(target.line, 1);
  assert.match(hover, /starts in column 0/);
}

/** (b) The Problems panel lists the column-zero-key diagnostic. */
export async function problemsPanelListsColumnZeroKey({ wb, log }) {
  const rows = await wb.problems({ waitFor: 'column-zero-key' });
  const row = rows.find((text) => text.includes('column-zero-key'));
  assert.ok(row, `no column-zero-key row in: ${rows.join(' | ')}`);
  assert.match(row, /starts in column 0/);
  await wb.selectProblem('column-zero-key');
  log(row.replace(/\s+/g, ' '));
}

/** (c) Ctrl+. offers "Indent with a tab"; applying it and saving writes the tab to disk. */
export async function quickFixIndentsAndSaves({ wb, target, shot, log }) {
  await wb.gotoLine(target.line);
  const labels = await wb.openQuickFixMenu();
  assert.ok(labels.some((label) => label.includes('Indent with a tab')), `code actions: ${labels.join(' | ')}`);
  await shot('quickfix-menu');
  await wb.pickCodeAction('Indent with a tab');
  await wb.save();
  const text = await wb.waitForFile(target.abs, (now) => now.split(/\r?\n/)[target.line - 1] === `\t${target.lineText}`);
  assert.equal(text.split(/\r?\n/)[target.line - 1], `\t${target.lineText}`);
  await wb.waitForNoSquiggleOnCursorLine('error');
  log(`line ${target.line} on disk: ${JSON.stringify(text.split(/\r?\n/)[target.line - 1])}`);
}

/** (d) The Outline view shows the file's conn as a symbol. */
export async function outlineShowsConn({ wb, target, log }) {
  await wb.openFile(target.rel);
  const names = await wb.outline({ waitFor: /^conn / });
  log(`outline: ${names.join(', ')}`);
}

/**
 * (e) A cross-file mistake is reported on both gateways: examples/ plants an ID that Germany
 * expects from France (`rightid` in de/etc/ipsec.d/fr.conf) but France does not present
 * (`leftid` in fr/etc/ipsec.d/server.conf). Each side gets a peer-id-mismatch squiggle.
 */
export const PEER_ID_MISMATCH = [
  { rel: 'de/etc/ipsec.d/fr.conf', key: 'rightid' },
  { rel: 'fr/etc/ipsec.d/server.conf', key: 'leftid' },
];
export async function peerIdMismatchOnBothFiles({ wb, workspace, log }) {
  for (const side of PEER_ID_MISMATCH) {
    const line = lineOfKey(path.join(workspace.dir, side.rel), side.key);
    assert.ok(line > 0, `${side.rel} has no ${side.key}= line`);
    await wb.openFile(side.rel);
    await wb.gotoLine(line);
    await wb.waitForSquiggleOnCursorLine('error');
    log(`${side.rel}:${line} (${side.key}) has an error squiggle`);
  }
  // Both files' squiggles are asserted above; the panel must list the finding (its rows for the
  // second file may be folded into a collapsed group, so one row is the firm requirement).
  const rows = (await wb.problems({ waitFor: 'peer-id-mismatch' })).filter((row) => row.includes('peer-id-mismatch'));
  assert.ok(rows.length >= 1, `peer-id-mismatch rows: ${rows.join(' | ')}`);
  log(`${rows.length} peer-id-mismatch rows in the Problems panel`);
}

/**
 * (f) examples/ plants a CA missing from Germany's cacerts (France's, which France holds). The
 * lightbulb on Germany's rightcert= offers "Trust CA …"; picking it, as a user does, leaves a
 * saved PEM copy on disk and the squiggle goes away without any further keystroke.
 */
export async function trustCaQuickFixWritesPem({ wb, workspace, shot, log }) {
  const rel = 'de/etc/ipsec.d/fr.conf';
  const line = lineOfKey(path.join(workspace.dir, rel), 'rightcert');
  assert.ok(line > 0, `${rel} has no rightcert= line`);
  await wb.openFile(rel);
  await wb.gotoLine(line);
  await wb.waitForSquiggleOnCursorLine('error');
  const labels = await wb.openQuickFixMenu();
  const trust = labels.find((label) => label.startsWith('Trust CA'));
  assert.ok(trust, `code actions: ${labels.join(' | ')}`);
  await shot('trust-ca-menu');
  await wb.pickCodeAction('Trust CA');
  const copy = path.join(workspace.dir, 'de/etc/ipsec.d/cacerts/NCPB__FR_IdV_1.pem');
  await wb.waitForFile(copy, (text) => text.startsWith('-----BEGIN CERTIFICATE-----\n') && text.endsWith('-----END CERTIFICATE-----\n'));
  await wb.gotoLine(line);
  await wb.waitForNoSquiggleOnCursorLine('error');
  log(`picked "${trust}"; ${path.relative(workspace.dir, copy)} is on disk and line ${line} has no error squiggle`);
}

/** Every UI check, in order. Add new ones here. */
export const uiSteps = [
  step('a column-0 key gets an error squiggle', 'squiggle', squiggleOnColumnZeroKey),
  step('the Problems panel lists column-zero-key', 'problems', problemsPanelListsColumnZeroKey),
  step('the quick fix indents the key and the saved file has the tab', 'quickfix', quickFixIndentsAndSaves),
  step('the Outline view shows the conn', 'outline', outlineShowsConn),
  step('a peer ID mismatch is reported on both gateways', 'peer-id-mismatch', peerIdMismatchOnBothFiles),
  step('completion after "au" in a conn offers the keyword auto', 'completion', completionOffersAuto),
  step('hover on rightid shows its documentation', 'hover-rightid', hoverShowsRightidDoc),
  step('the peer matrix shows red and green cells, and a red one opens its line', 'peer-matrix', peerMatrixShowsRedAndGreen),
  step('a warning between agreeing gateways turns their matrix cells amber, and back', 'peer-matrix-amber-cleared', peerMatrixShowsAmberForWarnings),
  step('the IPsec Gateways view lists each tunnel and its state, and opens a conn', 'gateways-view', gatewaysViewListsTunnels),
  step('the new-country wizard writes ipsec.d/dk.conf', 'wizard', wizardWritesCountryFile),
  step('the "Trust CA" quick fix writes the missing CA and the error goes away', 'trust-ca', trustCaQuickFixWritesPem),
];
