import * as assert from 'node:assert/strict';
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
