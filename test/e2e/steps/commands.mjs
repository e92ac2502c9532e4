// UI checks of the extension's commands: the peer matrix webview and the new-country wizard.
// Listed in `uiSteps` (steps/ui.mjs).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIMEOUT } from '../lib/workbench.mjs';

/** Whether a CSS colour such as `rgb(198, 40, 40)` is mostly red, mostly green, or amber (red and half as much green, no blue). */
export function dominantChannel(color) {
  const [r, g, b] = (/rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color) ?? []).slice(1).map(Number);
  if (r === undefined) return 'none';
  if (r > g * 1.2 && g > r * 0.45 && b < g * 0.5) return 'amber';
  if (r > g * 1.5 && r > b * 1.5) return 'red';
  if (g > r * 1.5 && g > b * 1.5) return 'green';
  return 'neither';
}

/**
 * (h) IPsec: Show Peer Matrix opens a webview whose grid has green cells (France ↔ Denmark agree)
 * and red ones (Germany ↔ France: the planted mistakes), painted in those colours; clicking a
 * red cell opens the line it blames.
 */
/** Runs `read` again (up to three times) when the webview it reads was replaced under it. */
async function againIfReplaced(read, log) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (attempt >= 3 || !/detached|Target closed|Execution context was destroyed/i.test(String(error?.message))) throw error;
      log(`the matrix was re-rendered during the read (${String(error.message).split('\n')[0]}); reading again`);
    }
  }
}

export async function peerMatrixShowsRedAndGreen({ wb, page, shot, log }) {
  await wb.hidePanel(); // room for the matrix
  await wb.command('IPsec: Show Peer Matrix');
  // The panel re-renders while the workspace settles (when the matrix changes): a read that meets a
  // replaced frame is made again on the new one.
  const { frame, reasons } = await againIfReplaced(async () => {
    const frame = await wb.webviewFrame();
    const cell = async (status, colour) =>
      frame.locator(`#matrix td.${status}`).first().waitFor({ timeout: TIMEOUT }).catch((error) => {
        throw new Error(`no ${colour} cell (td.${status}) in the matrix within ${TIMEOUT / 1000} s: ${error.message.split('\n')[0]}`);
      });
    await cell('ok', 'green');
    await cell('broken', 'red');
    const colours = async (selector) => frame.locator(selector).evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).backgroundColor));
    const green = await colours('#matrix td.ok');
    const red = await colours('#matrix td.broken');
    log(`${green.length} green cell(s) ${green.join(' ')}, ${red.length} red cell(s) ${red.join(' ')}`);
    assert.ok(green.some((c) => dominantChannel(c) === 'green'), `no cell painted green: ${green.join(', ')}`);
    assert.ok(red.some((c) => dominantChannel(c) === 'red'), `no cell painted red: ${red.join(', ')}`);
    await frame.locator('#reasons li').first().waitFor({ timeout: TIMEOUT }).catch(() => {});
    return { frame, reasons: await frame.locator('#reasons li').allTextContents() };
  }, log);
  assert.ok(reasons.length > 0, 'the matrix explains why the red cells fail');
  log(`first reason: ${reasons[0].replace(/\s+/g, ' ').slice(0, 140)}`);
  await shot('peer-matrix');

  // Clicking a red cell opens the file and line of its first reason.
  const link = frame.locator('#matrix td.broken a').first();
  const uri = await link.getAttribute('data-uri');
  const line = Number(await link.getAttribute('data-line')) + 1;
  const name = path.basename(fileURLToPath(uri));
  await link.click();
  await page.waitForFunction(
    ({ name, line }) =>
      [...document.querySelectorAll('.tabs-container .tab.active')].some((tab) => (tab.getAttribute('aria-label') ?? '').startsWith(name)) &&
      new RegExp(`Ln ${line},`).test(document.querySelector('#status\\.editor\\.selection')?.textContent ?? ''),
    { name, line },
    { timeout: TIMEOUT },
  );
  log(`clicking a red cell opened ${name} at line ${line}`);
  // Back to the matrix for the screenshot.
  await wb.command('IPsec: Show Peer Matrix');
  await (await wb.webviewFrame()).locator('#matrix td.broken').first().waitFor({ timeout: TIMEOUT });
}

/**
 * (h2) A warning between two gateways that otherwise agree turns their cells amber: Denmark's
 * fr.conf is given `pfs=no` on disk (France keeps `pfs=yes`; a warning on IKEv2), the open matrix
 * re-renders with both Denmark ↔ France cells amber, and turns them green again once the file is
 * put back.
 */
export const AT_RISK = { file: 'dk/ipsec.d/fr.conf', from: '\tpfs=yes', to: '\tpfs=no' };

export async function peerMatrixShowsAmberForWarnings({ wb, workspace, shot, log }) {
  const file = path.join(workspace.dir, AT_RISK.file);
  const original = readFileSync(file, 'utf8');
  assert.ok(original.includes(AT_RISK.from), `${AT_RISK.file} has ${AT_RISK.from.trim()}`);
  await wb.command('IPsec: Show Peer Matrix');
  try {
    writeFileSync(file, original.replace(AT_RISK.from, AT_RISK.to));
    const amber = await againIfReplaced(async () => {
      const frame = await wb.webviewFrame();
      await frame.locator('#matrix td.warning').nth(1).waitFor({ timeout: TIMEOUT });
      const cells = frame.locator('#matrix td.warning');
      return {
        colours: await cells.evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor)),
        labels: await cells.allTextContents(),
        titles: await frame.locator('#matrix td.warning a').evaluateAll((links) => links.map((a) => a.getAttribute('title') ?? '')),
        reasons: await frame.locator('#reasons li.warning').allTextContents(),
      };
    }, log);
    log(`${amber.colours.length} amber cell(s) ${amber.colours.join(' ')}: ${amber.labels.join(', ')}`);
    assert.equal(amber.colours.length, 2, 'Denmark → France and France → Denmark');
    assert.ok(amber.colours.every((c) => dominantChannel(c) === 'amber'), `cells not painted amber: ${amber.colours.join(', ')}`);
    assert.deepEqual(amber.labels, ['at risk', 'at risk']);
    assert.ok(amber.titles.every((t) => t.includes('peer-pfs-mismatch')), `titles: ${amber.titles.join(' | ')}`);
    assert.ok(amber.reasons.some((r) => /warning: pfs=no here but pfs=yes at the peer/.test(r)), `reasons: ${amber.reasons.join(' | ')}`);
    await shot('peer-matrix-amber');
  } finally {
    writeFileSync(file, original);
  }
  await againIfReplaced(async () => {
    const frame = await wb.webviewFrame();
    await frame.locator('#matrix td.warning').first().waitFor({ state: 'detached', timeout: TIMEOUT });
  }, log);
  log('with the file put back, no amber cell is left');
}

/**
 * (i) IPsec: New epSOS Country Connection… adds Denmark to Germany: the wizard asks for the
 * country code, the peer's address, its ID and its certificate (from ipsec.d/certs, where the
 * Danish certificate is copied while VS Code runs), writes ipsec.d/dk.conf in the style of
 * Germany's fr.conf, opens it, and warns that Germany lacks the Danish CA. For the run,
 * Germany's ipsec.conf names its ipsec.d files one by one instead of the glob, so the wizard
 * also offers the include line for the new file; accepting it writes the line into ipsec.conf.
 * The file, the certificate and ipsec.conf are put back afterwards.
 */
export const NEW_COUNTRY = {
  gatewayFile: 'de/etc/ipsec.d/server.conf',
  countryCode: 'dk',
  peerAddress: '198.51.100.137',
  peerId: '@vpn.dk.example',
  certificate: '_dk_VPNGateway_0.der',
  certificateFrom: 'dk/ipsec.d/certs/_dk_VPNGateway_0.der',
  certificateTo: 'de/etc/ipsec.d/certs/_dk_VPNGateway_0.der',
  written: 'de/etc/ipsec.d/dk.conf',
  ipsecConf: 'de/etc/ipsec.conf',
  glob: 'include /etc/ipsec.d/*.conf',
  byName: 'include /etc/ipsec.d/server.conf\ninclude /etc/ipsec.d/fr.conf',
  addedInclude: 'include /etc/ipsec.d/dk.conf',
  // The keys and their order of Germany's only peer file, fr.conf; the values of this peer.
  expected: ['conn dk', '\tright=198.51.100.137', '\trightcert=_dk_VPNGateway_0.der', '\trightid=@vpn.dk.example', '\tauto=add', '\tpfs=yes', ''].join('\n'),
};
export async function wizardWritesCountryFile({ wb, workspace, shot, log }) {
  const at = (rel) => path.join(workspace.dir, rel);
  const n = NEW_COUNTRY;
  assert.ok(!existsSync(at(n.written)), `${n.written} exists before the wizard ran`);
  copyFileSync(at(n.certificateFrom), at(n.certificateTo));
  const ipsecConf = readFileSync(at(n.ipsecConf), 'utf8');
  assert.ok(ipsecConf.includes(n.glob), `${n.ipsecConf} has the include glob`);
  writeFileSync(at(n.ipsecConf), ipsecConf.replace(n.glob, n.byName));
  let opened = false;
  try {
    await wb.openFile(n.gatewayFile);
    await wb.command('IPsec: New epSOS Country Connection');
    const prompts = [await wb.quickInput(n.countryCode), await wb.quickInput(n.peerAddress), await wb.quickInput(n.peerId)];
    const offered = await wb.pickFromQuickInput(n.certificate, { before: () => shot('wizard-certificate') });
    prompts.forEach((prompt, i) => assert.match(prompt, new RegExp(`\\(${i + 1}/4\\)`), `question ${i + 1}: ${prompt}`));
    log(`questions: ${prompts.join(' | ')}; certificates offered: ${offered.join(', ')}`);
    const text = await wb.waitForFile(at(n.written), (now) => now.length > 0);
    assert.equal(text, n.expected);
    opened = true;
    const toasts = await wb.notifications({ waitFor: 'Created' });
    const created = toasts.find((toast) => toast.includes('Created')) ?? '';
    log(`notification: ${created.replace(/\s+/g, ' ')}`);
    assert.match(created, /dk\.conf/);
    assert.match(created, /No CA in ipsec\.d\/cacerts issued it/, 'Germany has no Danish CA, and the wizard says so');
    await wb.page.waitForSelector(`.tabs-container .tab.active[aria-label^="${path.basename(n.written)}"]`, { timeout: TIMEOUT });
    await shot('wizard-created');
    await wb.notifications({ waitFor: 'No include of ipsec.conf reads the new file' });
    await wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'No include of ipsec.conf' }).locator('.monaco-button', { hasText: 'Add include' }).click({ timeout: TIMEOUT });
    const withInclude = await wb.waitForFile(at(n.ipsecConf), (now) => now.includes(n.addedInclude));
    assert.ok(withInclude.endsWith(`${n.addedInclude}\n`), `the include line is appended and saved:\n${withInclude}`);
    log(`include offered and written: ${n.addedInclude}`);
  } finally {
    if (opened) await wb.closeEditor(path.basename(n.written)).catch((error) => log(`could not close the new file's editor: ${error.message}`));
    rmSync(at(n.written), { force: true });
    rmSync(at(n.certificateTo), { force: true });
    writeFileSync(at(n.ipsecConf), ipsecConf);
  }
}

/** The rows of the Explorer's IPsec Gateways view: each one's label, description and icon. */
async function gatewayRows(page) {
  return page.$$eval('.customview-tree .monaco-list-row', (rows) =>
    rows.map((row) => ({
      label: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      description: row.querySelector('.label-description')?.textContent?.trim() ?? '',
      icon: [...(row.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find((name) => name.startsWith('codicon-') && name !== 'codicon-') ?? '',
      colour: getComputedStyle(row.querySelector('.custom-view-tree-node-item-icon') ?? row).color,
    })),
  );
}

/**
 * (k) The Explorer's IPsec Gateways view lists the gateways of examples/: Germany's tunnel to
 * France fails (error icon), Denmark's works (pass icon); Germany's row opens to its conn, and
 * a click on the conn opens its file at the conn's header.
 */
export async function gatewaysViewListsTunnels({ wb, page, log }) {
  // The view shows once the extension has found a gateway (workspaceContains activates it with the workspace).
  const header = page.locator('.pane-header', { hasText: /^IPsec Gateways/i }).first();
  await header.waitFor({ timeout: TIMEOUT });
  await wb.command('Explorer: Focus on IPsec Gateways View');
  if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  const wanted = async (test, what) => {
    try {
      await page.waitForFunction(
        (source) => [...document.querySelectorAll('.customview-tree .monaco-list-row')].some((row) => new RegExp(source).test(`${row.querySelector('.label-name')?.textContent?.trim()}|${row.querySelector('.label-description')?.textContent?.trim()}`)),
        test.source,
        { timeout: TIMEOUT },
      );
    } catch (error) {
      throw new Error(`the Gateways view shows no ${what}: ${JSON.stringify(await gatewayRows(page))} (${error.message.split('\n')[0]})`);
    }
  };
  await wanted(/^de\|1 fails$/, 'failing gateway "de"');
  await wanted(/^dk\|1 works$/, 'working gateway "dk"');
  const gateways = await gatewayRows(page);
  const de = gateways.find((row) => row.label === 'de');
  const dk = gateways.find((row) => row.label === 'dk');
  assert.deepEqual([de?.icon, dominantChannel(de?.colour)], ['codicon-error', 'red'], JSON.stringify(gateways));
  // The theme's "passed" green is a light one (blue near its green), so green here is the strongest channel.
  const [r, g, b] = (/rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(dk?.colour ?? '') ?? []).slice(1).map(Number);
  assert.ok(dk?.icon === 'codicon-pass' && g > r && g > b, JSON.stringify(gateways));
  log(`gateways: ${gateways.map((row) => `${row.label} (${row.description}, ${row.icon} ${row.colour})`).join('; ')}`);

  await page.locator('.customview-tree .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: /^de$/ }) }).click();
  await wanted(/^conn fr\|→ fr · conn de · fails$/, 'conn fr under de');
  const conn = (await gatewayRows(page)).find((row) => row.label === 'conn fr' && row.description.endsWith('fails'));
  assert.equal(conn?.icon, 'codicon-error');
  await page.locator('.customview-tree .monaco-list-row').filter({ has: page.locator('.label-description', { hasText: /conn de · fails$/ }) }).click();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.tabs-container .tab.active')].some((tab) => (tab.getAttribute('aria-label') ?? '').startsWith('fr.conf')) &&
      /Ln 2,/.test(document.querySelector('#status\\.editor\\.selection')?.textContent ?? ''),
    null,
    { timeout: TIMEOUT },
  );
  log('clicking de › conn fr opened fr.conf at line 2, the conn header');

  // The row's inline action shows the conn as Germany loads it, %default applied.
  const row = page.locator('.customview-tree .monaco-list-row').filter({ has: page.locator('.label-description', { hasText: /conn de · fails$/ }) });
  await row.hover();
  await row.locator('.actions .action-label[aria-label="Show Effective Connection"]').click();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.tabs-container .tab.active')].some((tab) => (tab.getAttribute('aria-label') ?? '').startsWith('conn fr (effective)')) &&
      /# effective settings of conn fr/.test(document.querySelector('.editor-group-container.active .view-lines')?.textContent?.replace(/\u00a0/g, ' ') ?? ''),
    null,
    { timeout: TIMEOUT },
  );
  const text = (await page.locator('.editor-group-container.active .view-lines').textContent())?.replace(/\u00a0/g, ' ') ?? '';
  assert.match(text, /leftid=@vpn\.de\.example\s+# %default, server\.conf:\d+/);
  log('the row\'s "Show Effective Connection" opened conn fr with %default applied');
}
