import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KNOWN_INVALID } from '../../test/corpus/knownInvalid';

export interface SourceFile {
  /** Path relative to the corpus root. */
  readonly relativePath: string;
  /** The text the oracle and ipsec-lint see before any mutation: includes removed, dialect line first. */
  readonly text: string;
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
}

/**
 * The corpus's ipsec.conf files of one dialect that may serve as a starting point: no upstream
 * error-path tests, no files known to be invalid, no byte-identical copies.
 */
export function sourceFiles(corpusRoot: string, dialect: string, dialectComment: string): SourceFile[] {
  const skip = new Set([...lines(path.join(corpusRoot, 'EXPECTED_INVALID_CANDIDATES.txt')), ...Object.keys(KNOWN_INVALID)]);
  for (const row of lines(path.join(corpusRoot, 'DUPLICATES.tsv')).slice(1)) skip.add(row.split('\t')[0]);
  const out: SourceFile[] = [];
  for (const row of lines(path.join(corpusRoot, 'MANIFEST.tsv'))) {
    const [relativePath, kind, fileDialect] = row.split('\t');
    if (kind !== 'ipsec.conf' || fileDialect !== dialect || skip.has(relativePath)) continue;
    const raw = readFileSync(path.join(corpusRoot, relativePath), 'utf8');
    // Build-time templates (`@@VAR@@`) are no config yet; includes would make the oracle read other files.
    if (raw.includes('@') && /@[A-Z_]+@/.test(raw)) continue;
    const body = raw
      .split('\n')
      .filter((l) => !/^include\s/.test(l) && !/#\s*ipsec-dialect:/i.test(l))
      .join('\n');
    out.push({ relativePath, text: `${dialectComment}\n${body}` });
  }
  return out;
}
