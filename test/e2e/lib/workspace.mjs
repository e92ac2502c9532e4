// The scratch workspace: a copy of examples/ under .cache, so fixes applied on disk never
// touch the repository, plus the file with a setting in column 0 that the steps work on.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Files of examples/ that hold a deliberate column-0 key, best first. */
export const COLUMN_ZERO_CANDIDATES = ['de/etc/ipsec.d/fr.conf'];

/** Written when examples/ has none of the candidates: a gateway with no peer, so no cross-file findings. */
export const FALLBACK = {
  rel: 'e2e-probe/etc/ipsec.d/probe.conf',
  text: ['# Written by the e2e harness: a setting in column 0 (line 6).', 'conn e2e-probe', '\tleft=%defaultroute', '\tleftid=@gw.e2e-probe.invalid', '\tright=192.0.2.99', 'auto=add', ''].join('\n'),
};

const COLUMN_ZERO = /^[A-Za-z][\w-]*[ \t]*=/;

/** First line (1-based) that holds a key in column 0, or 0. */
export function columnZeroLine(text) {
  const index = text.split(/\r?\n/).findIndex((line) => COLUMN_ZERO.test(line));
  return index + 1;
}

/**
 * Copies examplesDir to dir (fresh) and finds the column-0 target.
 * @returns {{ dir: string, fromExamples: boolean, target: { rel: string, abs: string, line: number, text: string, lineText: string, created: boolean } }}
 */
export function prepareWorkspace(examplesDir, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fromExamples = existsSync(examplesDir) && readdirSync(examplesDir).length > 0;
  if (fromExamples) cpSync(examplesDir, dir, { recursive: true });
  for (const rel of COLUMN_ZERO_CANDIDATES) {
    const abs = path.join(dir, rel);
    if (!existsSync(abs)) continue;
    const text = readFileSync(abs, 'utf8');
    const line = columnZeroLine(text);
    if (line > 0) return { dir, fromExamples, target: { rel, abs, line, text, lineText: text.split(/\r?\n/)[line - 1], created: false } };
  }
  const abs = path.join(dir, FALLBACK.rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, FALLBACK.text);
  const line = columnZeroLine(FALLBACK.text);
  return { dir, fromExamples, target: { rel: FALLBACK.rel, abs, line, text: FALLBACK.text, lineText: FALLBACK.text.split('\n')[line - 1], created: true } };
}

/** 1-based line of the first `key=` setting in a file, or 0. */
export function lineOfKey(file, key) {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  return lines.findIndex((line) => new RegExp(`^\\s*${key}\\s*=`).test(line)) + 1;
}
