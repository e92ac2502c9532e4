import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { extensions, languages, Uri, type Diagnostic, type Extension } from 'vscode';

export const EXTENSION_ID = 'ipsec-tools-community.ipsec-config';

/** The file with a setting in column 0, chosen by the harness (test/e2e/lib/workspace.mjs). */
export function target(): { uri: Uri; line: number } {
  const file = process.env.IPSEC_E2E_TARGET;
  const line = Number(process.env.IPSEC_E2E_TARGET_LINE);
  assert.ok(file && line > 0, 'IPSEC_E2E_TARGET and IPSEC_E2E_TARGET_LINE must be set by test/e2e/run.mjs');
  return { uri: Uri.file(file), line };
}

export function extension(): Extension<unknown> {
  const found = extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not installed in this extension host`);
  return found;
}

export function codeOf(diagnostic: Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

export function diagnosticsWithCode(uri: Uri, code: string): Diagnostic[] {
  return languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

/** Polls until the predicate holds (or throws with `what` after timeoutMs). */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A file of the scratch workspace (a copy of examples/, made by test/e2e/run.mjs). */
export function workspaceFile(relativePath: string): Uri {
  const folder = process.env.IPSEC_E2E_WORKSPACE;
  assert.ok(folder, 'IPSEC_E2E_WORKSPACE must be set by test/e2e/run.mjs');
  return Uri.file(path.join(folder, relativePath));
}

/** 1-based line of the first `key=` setting in a text, or 0. */
export function lineOfKey(text: string, key: string): number {
  return text.split(/\r?\n/).findIndex((line) => new RegExp(`^\\s*${key}\\s*=`).test(line)) + 1;
}

/**
 * Replaces methods of an object (e.g. `window.showInputBox`) until the returned function is
 * called. The tests run inside the extension's folder, so their `vscode` API object is the
 * extension's own and the replacement is what the extension calls.
 */
export function replaceMethods<T extends object>(object: T, replacements: Partial<Record<keyof T, (...args: never[]) => unknown>>): () => void {
  const target = object as Record<string, unknown>;
  const originals = Object.keys(replacements).map((key) => [key, target[key]] as const);
  for (const [key, replacement] of Object.entries(replacements)) target[key] = replacement;
  return () => {
    for (const [key, original] of originals) target[key] = original;
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
