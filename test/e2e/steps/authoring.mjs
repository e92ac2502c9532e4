// UI checks of what the server offers while typing: completion and hover. Listed in `uiSteps`
// (steps/ui.mjs).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineOfKey } from '../lib/workspace.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const KNOWLEDGE = path.join(ROOT, 'server', 'src', 'knowledge', 'ipsecConf');

/**
 * (f) Typing `au` on a new line of a conn and pressing Ctrl+Space offers the server's keyword
 * `auto` (kind "property"; VS Code's own word suggestions have kind "text", and the file has no
 * `auto` to borrow). The edit is undone afterwards, never saved.
 */
export const COMPLETION_SPOT = { rel: 'de/etc/ipsec.d/server.conf', afterKey: 'type' };
export async function completionOffersAuto({ wb, workspace, shot, log }) {
  const file = path.join(workspace.dir, COMPLETION_SPOT.rel);
  const before = readFileSync(file, 'utf8');
  assert.doesNotMatch(before, /\bauto\b/, `${COMPLETION_SPOT.rel} must not contain the word auto`);
  const line = lineOfKey(file, COMPLETION_SPOT.afterKey);
  assert.ok(line > 0, `${COMPLETION_SPOT.rel} has no ${COMPLETION_SPOT.afterKey}= line`);
  await wb.openFile(COMPLETION_SPOT.rel);
  await wb.gotoLine(line);
  await wb.press('End');
  await wb.press('Enter');
  try {
    // Enter usually keeps the tab of the line above; a key in column 0 would get no completion.
    if ((await wb.cursor()).column === 1) await wb.press('Tab');
    const rows = await wb.suggestionsAfter('au');
    await shot('completion-au');
    log(`suggestions: ${rows.map((row) => `${row.label} (${row.kind})`).join(', ')}`);
    const auto = rows.find((row) => row.label === 'auto');
    assert.ok(auto, `no "auto" among the suggestions: ${rows.map((row) => row.label).join(', ')}`);
    assert.equal(auto.kind, 'property', 'the "auto" row comes from the language server (a keyword), not from the words of the file');
  } finally {
    await wb.press('Escape');
    await wb.undoUntilSaved();
  }
  assert.equal(readFileSync(file, 'utf8'), before, 'the file on disk is unchanged');
}

/** The `doc` of a keyword in server/src/knowledge/ipsecConf, as plain text (no backticks). */
export function keywordDoc(name) {
  const entry = new RegExp(`name: '${name}',((?:(?!name: ')[\\s\\S])*?)doc:\\s*'((?:[^'\\\\]|\\\\.)*)'`);
  for (const file of readdirSync(KNOWLEDGE).filter((f) => f.endsWith('.ts'))) {
    const match = entry.exec(readFileSync(path.join(KNOWLEDGE, file), 'utf8'));
    if (match) return match[2].replace(/\\(.)/g, '$1').replace(/`/g, '');
  }
  throw new Error(`no keyword named '${name}' with a doc in ${KNOWLEDGE}`);
}

/**
 * (g) Hovering `rightid` (Ctrl+K Ctrl+I on the key) shows its documentation: the doc the
 * knowledge base holds for `id` (leftid/rightid). On Denmark's fr.conf, whose rightid is right,
 * so no diagnostic shares the hover.
 */
export const HOVER_SPOT = { rel: 'dk/ipsec.d/fr.conf', key: 'rightid', knowledgeName: 'id' };
export async function hoverShowsRightidDoc({ wb, workspace, log }) {
  const doc = keywordDoc(HOVER_SPOT.knowledgeName);
  const line = lineOfKey(path.join(workspace.dir, HOVER_SPOT.rel), HOVER_SPOT.key);
  assert.ok(line > 0, `${HOVER_SPOT.rel} has no ${HOVER_SPOT.key}= line`);
  await wb.openFile(HOVER_SPOT.rel);
  const hover = (await wb.hoverAt(line, 2)).replace(/\s+/g, ' ');
  log(`hover: ${hover.slice(0, 160)}…`);
  assert.ok(hover.includes(HOVER_SPOT.key), `the hover names ${HOVER_SPOT.key}: ${hover}`);
  assert.ok(hover.includes(doc), `the hover shows the documentation ${JSON.stringify(doc)}: ${hover}`);
}
