// Small, reusable moves in the VS Code workbench. Steps are written with these.
import { existsSync, readFileSync } from 'node:fs';

export const TIMEOUT = 30_000;

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
  }

  /** Loads the workbench and waits until the editor area and the status bar are there. */
  async open(url) {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await this.page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await this.page.waitForSelector('.part.statusbar', { timeout: 60_000 });
    // The explorer shows the folder once the remote file system is connected.
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  }

  async press(keys) {
    await this.page.keyboard.press(keys);
  }

  /** Opens a file with Ctrl+P and waits until its editor is active. */
  async openFile(relativePath) {
    const name = relativePath.split('/').pop();
    await this.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(relativePath);
    // Wait for the result that is exactly this path, then pick it.
    await this.page.waitForFunction(
      (want) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')].some((row) => (row.getAttribute('aria-label') ?? row.textContent ?? '').includes(want)),
      name,
      { timeout: TIMEOUT },
    );
    await this.press('Enter');
    await this.page.waitForSelector(`.tabs-container .tab.active[aria-label^="${name}"], .title .label-name:text("${name}")`, { timeout: TIMEOUT }).catch(async () => {
      await this.page.waitForSelector(`.tab.active:has-text("${name}")`, { timeout: TIMEOUT });
    });
    await this.page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout: TIMEOUT });
    await this.focusEditor();
  }

  async focusEditor() {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 }, trial: true }).catch(() => {});
    await this.page.locator('.editor-instance .monaco-editor textarea.inputarea, .editor-instance .monaco-editor .native-edit-context').first().focus();
  }

  /** Ctrl+G to a 1-based line (cursor at column 1). */
  async gotoLine(line) {
    await this.focusEditor();
    await this.press('Control+G');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(`:${line}`);
    await this.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: TIMEOUT });
    await this.page.waitForFunction((want) => /Ln (\d+)/.exec(document.querySelector('#status\\.editor\\.selection')?.textContent ?? '')?.[1] === String(want), line, { timeout: TIMEOUT });
  }

  /** Runs a command from the palette by its title, e.g. "View: Toggle Word Wrap". */
  async command(title) {
    await this.press('F1');
    await this.quickInput(`>${title}`, { pick: true });
  }

  /**
   * Answers the open quick input (command palette, a command's input box or pick list):
   * types `text`, waits for a list row when `pick`, and presses Enter. Returns the prompt shown.
   */
  async quickInput(text, { pick = false } = {}) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    const prompt = (await this.page.locator('.quick-input-widget .quick-input-message, .quick-input-widget .quick-input-title').allTextContents()).join(' ').trim();
    await input.fill(text);
    if (pick) await this.page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: TIMEOUT });
    await this.press('Enter');
    // Wait until this question is gone (the widget closes or shows the next prompt), so the
    // next answer cannot land in this box.
    await this.page
      .waitForFunction(
        (previous) => {
          const widget = document.querySelector('.quick-input-widget');
          if (!widget || widget.style.display === 'none' || widget.offsetParent === null) return true;
          const now = [...widget.querySelectorAll('.quick-input-message, .quick-input-title')].map((el) => el.textContent).join(' ').trim();
          return now !== previous;
        },
        prompt,
        { timeout: 5000 },
      )
      .catch(() => {});
    return prompt;
  }

  /** Text of the status bar's language indicator ("IPsec Config"). */
  async languageMode() {
    return (await this.page.locator('#status\\.editor\\.mode').textContent({ timeout: TIMEOUT }))?.trim() ?? '';
  }

  /** Waits for at least one squiggle of that kind ('error' | 'warning' | 'info' | 'hint'). */
  async waitForSquiggle(kind = 'error', timeout = TIMEOUT) {
    await this.page.waitForSelector(`.editor-instance .monaco-editor .squiggly-${kind}`, { timeout });
    return this.page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`).count();
  }

  /** Whether a squiggle of that kind sits on the line of the cursor in the active editor. */
  async squiggleOnCursorLine(kind = 'error') {
    return this.page.evaluate((cls) => {
      const editor = document.querySelector('.editor-instance .monaco-editor.focused') ?? document.querySelector('.editor-instance .monaco-editor');
      const cursor = editor?.querySelector('.cursors-layer .cursor')?.getBoundingClientRect();
      if (!editor || !cursor) return false;
      return [...editor.querySelectorAll(`.squiggly-${cls}`)].some((el) => Math.abs(el.getBoundingClientRect().top - cursor.top) < cursor.height / 2);
    }, kind);
  }

  async waitForNoSquiggleOnCursorLine(kind = 'error', timeout = TIMEOUT) {
    const deadline = Date.now() + timeout;
    while (await this.squiggleOnCursorLine(kind)) {
      if (Date.now() > deadline) throw new Error(`the ${kind} squiggle on the cursor line did not go away within ${timeout} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  async waitForSquiggleOnCursorLine(kind = 'error', timeout = TIMEOUT) {
    const deadline = Date.now() + timeout;
    while (!(await this.squiggleOnCursorLine(kind))) {
      if (Date.now() > deadline) throw new Error(`no ${kind} squiggle on the cursor line within ${timeout} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Focuses the Outline view and returns its labels, once one matches `waitFor`. */
  async outline({ waitFor = /./ } = {}) {
    await this.command('Explorer: Focus on Outline View');
    await this.page.waitForFunction(
      (source) => [...document.querySelectorAll('.outline-pane .monaco-list-row')].some((row) => new RegExp(source).test(row.getAttribute('aria-label') ?? row.textContent ?? '')),
      waitFor.source,
      { timeout: TIMEOUT },
    );
    return this.page.$$eval('.outline-pane .monaco-list-row', (rows) => rows.map((row) => row.getAttribute('aria-label') ?? row.textContent ?? ''));
  }

  async squiggleCount(kind = 'error') {
    return this.page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`).count();
  }

  /** Opens the Problems panel (Ctrl+Shift+M) and returns the text of its rows. */
  async problems({ waitFor } = {}) {
    await this.press('Control+Shift+M');
    await this.page.waitForSelector('.markers-panel', { timeout: TIMEOUT });
    if (waitFor) {
      await this.page.waitForFunction(
        (want) => [...document.querySelectorAll('.markers-panel .monaco-tl-row')].some((row) => row.textContent?.includes(want)),
        waitFor,
        { timeout: TIMEOUT },
      );
    }
    return this.page.locator('.markers-panel .monaco-tl-row').allTextContents();
  }

  /** Clicks the first Problems row containing `text` (selects it and reveals it in the editor). */
  async selectProblem(text) {
    await this.page.locator('.markers-panel .monaco-tl-row', { hasText: text }).first().click();
    await this.page.waitForSelector('.markers-panel .monaco-list-row.selected', { timeout: TIMEOUT });
  }

  /** Ctrl+. at the cursor; returns the labels of the code action menu (left open). */
  async openQuickFixMenu() {
    await this.focusEditor();
    await this.press('Control+.');
    await this.page.waitForSelector('.action-widget .monaco-list-row', { timeout: TIMEOUT });
    return this.page.locator('.action-widget .monaco-list-row').allTextContents();
  }

  /** Picks the code action whose label contains `title` from the open menu (keyboard: the menu blocks pointer events). */
  async pickCodeAction(title) {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    const count = await rows.count();
    for (let i = 0; i <= count; i++) {
      const focused = (await this.page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label').catch(() => null)) ?? '';
      if (focused.includes(title)) {
        await this.press('Enter');
        await this.page.waitForSelector('.action-widget', { state: 'hidden', timeout: TIMEOUT }).catch(() => {});
        return;
      }
      await this.press('ArrowDown');
    }
    throw new Error(`no code action "${title}" in the menu`);
  }

  /** Hovers the editor at a 1-based line and column; returns the hover's text. */
  async hoverAt(line, column) {
    await this.gotoLine(line);
    for (let i = 1; i < column; i++) await this.press('ArrowRight');
    await this.press('Control+K');
    await this.press('Control+I');
    await this.page.waitForSelector('.monaco-hover:not(.hidden) .monaco-hover-content', { timeout: TIMEOUT });
    return (await this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first().textContent()) ?? '';
  }

  /** Types text at the cursor, asks for completion (Ctrl+Space) and returns the suggestion labels. */
  async completionsAfter(text) {
    await this.focusEditor();
    await this.page.keyboard.type(text);
    await this.press('Control+Space');
    await this.page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: TIMEOUT });
    return this.page.locator('.suggest-widget.visible .monaco-list-row .label-name').allTextContents();
  }

  /** The frame of the newest webview panel (e.g. the peer matrix), once its content has loaded. */
  async webviewFrame() {
    await this.page.waitForSelector('iframe.webview.ready', { timeout: TIMEOUT });
    const outer = this.page.frameLocator('iframe.webview.ready').last();
    return outer.frameLocator('iframe#active-frame');
  }

  async save() {
    await this.focusEditor();
    await this.press('Control+S');
    await this.page.waitForSelector('.tabs-container .tab.active.dirty', { state: 'detached', timeout: TIMEOUT }).catch(() => {});
  }

  /** Polls a file on disk until the predicate holds; returns its text. */
  async waitForFile(file, predicate, timeout = TIMEOUT) {
    const deadline = Date.now() + timeout;
    let text = '';
    for (;;) {
      text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (predicate(text)) return text;
      if (Date.now() > deadline) throw new Error(`${file} did not reach the expected content within ${timeout} ms; it reads:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async screenshot(file) {
    await this.page.screenshot({ path: file });
  }
}
