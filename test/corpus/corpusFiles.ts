import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS_ROOT } from '../helpers';
import { KNOWN_INVALID } from './knownInvalid';

export interface CorpusFile {
  readonly relativePath: string;
  readonly absolutePath: string;
  readonly kind: string;
  readonly dialect: string;
}

/** Every file of ../shared/corpus with its kind and dialect, from MANIFEST.tsv. */
export function corpusFiles(): CorpusFile[] {
  return readFileSync(path.join(CORPUS_ROOT, 'MANIFEST.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [relativePath, kind, dialect] = line.split('\t');
      return { relativePath, absolutePath: path.join(CORPUS_ROOT, relativePath), kind, dialect };
    });
}

/** Files where errors are expected: upstream error-path tests and the documented extras. */
export function expectedInvalid(): Set<string> {
  const listed = readFileSync(path.join(CORPUS_ROOT, 'EXPECTED_INVALID_CANDIDATES.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  return new Set([...listed, ...Object.keys(KNOWN_INVALID)]);
}

export const KIND_FOR_MANIFEST: Readonly<Record<string, string | undefined>> = {
  'ipsec.conf': 'ipsec',
  'ipsec.secrets': 'ipsec-secrets',
  'racoon.conf': 'racoon',
  'psk.txt': 'racoon-psk',
  setkey: 'setkey',
  'swanctl.conf': undefined,
};
