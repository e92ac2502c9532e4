import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkDocument } from '../server/src/checks/engine';
import type { Finding } from '../server/src/checks/finding';
import type { AnyRule } from '../server/src/checks/rule';
import type { ParsedDocument } from '../server/src/model/document';
import type { FileKind } from '../server/src/model/fileKind';
import { parseDocument } from '../server/src/model/parse';

/** Repository root, whether tests run from out/ (tsc) or from a temporary bundle. */
export const REPO_ROOT = process.env.IPSEC_REPO_ROOT ?? path.resolve(__dirname, '..', '..');
export const CORPUS_ROOT = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
export const SEEDS_ROOT = path.resolve(REPO_ROOT, '..', 'shared', 'seeds');

export function fixturePath(...parts: string[]): string {
  return path.join(REPO_ROOT, 'test', 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

export function parse(kind: FileKind, text: string): ParsedDocument {
  return parseDocument('file:///test/doc', text, kind);
}

/** Findings for the text, optionally restricted to some rules. */
export function lint(kind: FileKind, text: string, only?: readonly AnyRule[]): Finding[] {
  return checkDocument(parse(kind, text), { only });
}

export function codes(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** Splits `ab|cd` into the text without the caret and the caret's offset. */
export function caret(textWithCaret: string): { text: string; offset: number } {
  const offset = textWithCaret.indexOf('|');
  if (offset < 0) throw new Error('no caret in test text');
  return { text: textWithCaret.slice(0, offset) + textWithCaret.slice(offset + 1), offset };
}
