import type { SourceText } from '../../text/sourceText';
import type { PskFile } from './ast';

export function parsePsk(_source: SourceText): PskFile {
  return { problems: [] };
}
