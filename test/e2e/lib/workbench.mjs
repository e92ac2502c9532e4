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

  /**
   * Opens a file with Ctrl+P: clicks the result that is this exact path (several files share a
   * name, e.g. fr.conf) and waits until the active editor's breadcrumbs show the path.
   */
  async openFile(relativePath) {
    const name = relativePath.split('/').pop();
    const folder = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
    await this.press('Control+P');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await input.fill(relativePath);
    const rows = this.page.locator('.quick-input-list .monaco-list-row').filter({ hasText: name });
    await (folder ? rows.filter({ hasText: folder }) : rows).first().click({ timeout: TIMEOUT });
    await this.page.waitForFunction(
      (want) => {
        const crumbs = [...document.querySelectorAll('.editor-group-container.active .breadcrumbs-control .monaco-breadcrumb-item')].map((item) => item.textContent?.trim());
        return `${crumbs.join('/')}/`.includes(`${want}/`);
      },
      relativePath,
      { timeout: TIMEOUT },
    );
    await this.page.waitForSelector('.editor-group-container.active .editor-instance .monaco-editor .view-lines', { timeout: TIMEOUT });
    await this.focusEditor();
  }

  /** Focuses the text editor of the active editor group (with two groups, the other one must not take over). */
  async focusEditor() {
    const editor = '.editor-group-container.active .editor-instance .monaco-editor';
    await this.page.locator(`${editor} textarea.inputarea, ${editor} .native-edit-context`).first().focus();
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
      const editor = document.querySelector('.editor-instance .monaco-editor.focused') ?? document.querySelector('.editor-group-container.active .editor-instance .monaco-editor');
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

  /**
   * Shows the Problems panel and returns the text of its rows. Ctrl+Shift+M toggles the panel,
   * so it is pressed only while the panel is hidden.
   */
  async problems({ waitFor } = {}) {
    if (!(await this.page.locator('.markers-panel').first().isVisible())) await this.press('Control+Shift+M');
    await this.page.waitForSelector('.markers-panel', { state: 'visible', timeout: TIMEOUT });
    if (waitFor) {
      await this.page.waitForFunction(
        (want) => [...document.querySelectorAll('.markers-panel .monaco-tl-row')].some((row) => row.textContent?.includes(want)),
        waitFor,
        { timeout: TIMEOUT },
      );
    }
    return this.page.locator('.markers-panel .monaco-tl-row').allTextContents();
  }

  /** Hides the panel area (Problems, Terminal, ...) with Ctrl+J when it is shown. */
  async hidePanel() {
    if (!(await this.page.locator('.part.panel').first().isVisible())) return;
    await this.press('Control+J');
    await this.page.locator('.part.panel').first().waitFor({ state: 'hidden', timeout: TIMEOUT });
  }

  /** Clicks the first Problems row containing `text` (selects it and reveals it in the editor). */
  async selectProblem(text) {
    await this.page.locator('.markers-panel .monaco-tl-row', { hasText: text }).first().click();
    await this.page.waitForSelector('.markers-panel .monaco-list-row.selected', { timeout: TIMEOUT });
  }

  /** Ctrl+. at the cursor; returns the labels of the code action menu (left open). */
  async openQuickFixMenu() {
    // On a busy machine the first Ctrl+. can land before the editor has focus again or before the
    // server has answered, and VS Code then shows "No code actions available" instead of a menu.
    // Asking again is what a user does; the whole wait stays within TIMEOUT.
    const menu = '.action-widget .monaco-list-row';
    const deadline = Date.now() + TIMEOUT;
    let seen = '';
    while (Date.now() < deadline) {
      await this.focusEditor();
      await this.press('Control+.');
      const shown = await this.page.waitForSelector(menu, { timeout: Math.min(5_000, Math.max(1, deadline - Date.now())) }).then(() => true, () => false);
      if (shown) return this.page.locator(menu).allTextContents();
      seen = (await this.page.locator('.monaco-editor-overlaymessage').allTextContents().catch(() => [])).join(' | ');
      await this.press('Escape');
    }
    throw new Error(`no code action menu within ${TIMEOUT} ms${seen ? `; the editor said: ${seen}` : ''}`);
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
    return (await this.suggestionsAfter(text)).map((row) => row.label);
  }

  /**
   * Types text at the cursor, asks for completion (Ctrl+Space) and returns the rows of the
   * suggest widget with their kind (from the icon: `property` for a keyword the server offers,
   * `text` for VS Code's own words-of-the-file suggestions).
   */
  async suggestionsAfter(text) {
    await this.focusEditor();
    await this.page.keyboard.type(text);
    await this.press('Control+Space');
    await this.page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: TIMEOUT });
    return this.page.$$eval('.suggest-widget.visible .monaco-list-row', (rows) =>
      rows.map((row) => ({
        label: row.querySelector('.label-name')?.textContent ?? '',
        kind: /codicon-symbol-(\w+)/.exec(row.querySelector('.suggest-icon')?.className ?? '')?.[1] ?? '',
        detail: row.querySelector('.details-label')?.textContent ?? '',
      })),
    );
  }

  /** The cursor's 1-based line and column, from the status bar. */
  async cursor() {
    const text = (await this.page.locator('#status\\.editor\\.selection').textContent({ timeout: TIMEOUT })) ?? '';
    const match = /Ln (\d+), Col (\d+)/.exec(text);
    if (!match) throw new Error(`no cursor position in the status bar: ${JSON.stringify(text)}`);
    return { line: Number(match[1]), column: Number(match[2]) };
  }

  /** Whether the active editor's tab shows unsaved changes. */
  async activeEditorDirty() {
    return (await this.page.locator('.tabs-container .tab.active.dirty').count()) > 0;
  }

  /** Ctrl+Z until the active editor has no unsaved changes (back to what is on disk). */
  async undoUntilSaved(maxUndos = 20) {
    await this.focusEditor();
    for (let i = 0; i < maxUndos && (await this.activeEditorDirty()); i++) {
      await this.press('Control+Z');
      await this.page.waitForTimeout(50);
    }
    if (await this.activeEditorDirty()) throw new Error(`the editor still has unsaved changes after ${maxUndos} undos`);
  }

  /**
   * Answers the open pick list by choosing the row whose label is `label` (calling `before`
   * just before Enter, e.g. for a screenshot); returns the labels the list offered.
   */
  async pickFromQuickInput(label, { before } = {}) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: TIMEOUT });
    await this.page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: TIMEOUT });
    const offered = await this.page.$$eval('.quick-input-list .monaco-list-row', (rows) => rows.map((row) => row.querySelector('.label-name')?.textContent ?? row.getAttribute('aria-label') ?? ''));
    if (!offered.includes(label)) throw new Error(`the pick list offers no "${label}": ${offered.join(' | ')}`);
    await input.fill(label);
    await this.page.waitForFunction(
      (want) => document.querySelector('.quick-input-list .monaco-list-row.focused .label-name')?.textContent === want,
      label,
      { timeout: TIMEOUT },
    );
    await before?.();
    await this.press('Enter');
    return offered;
  }

  /** Texts of the notification toasts on screen, once one contains `waitFor`. */
  async notifications({ waitFor } = {}) {
    if (waitFor) {
      await this.page.waitForFunction(
        (want) => [...document.querySelectorAll('.notifications-toasts .notification-toast')].some((toast) => toast.textContent?.includes(want)),
        waitFor,
        { timeout: TIMEOUT },
      );
    }
    return this.page.locator('.notifications-toasts .notification-toast .notification-list-item-message').allTextContents();
  }

  /** Closes the active editor tab called `name` with its close button (Ctrl+W belongs to the browser). */
  async closeEditor(name) {
    const tab = this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).first();
    await tab.hover();
    await tab.locator('.tab-actions .action-label').first().click({ timeout: TIMEOUT });
    await tab.waitFor({ state: 'detached', timeout: TIMEOUT });
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
