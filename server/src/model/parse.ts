import { parseIpsecConf } from '../parsing/ipsecConf/parser';
import { parsePsk } from '../parsing/psk/parser';
import { parseRacoon } from '../parsing/racoon/parser';
import { parseSecrets } from '../parsing/secrets/parser';
import { parseSetkey } from '../parsing/setkey/parser';
import { SourceText } from '../text/sourceText';
import type { ParsedDocument } from './document';
import type { FileKind } from './fileKind';
import { isTooLargeToCheck } from './sizeLimits';

/**
 * Parses text of a known kind. Never throws: parsers recover and record problems. A text too
 * large to check keeps its source but gets the tree of an empty file; `file-too-large` says so.
 */
export function parseDocument(uri: string, text: string, kind: FileKind, version = 0): ParsedDocument {
  const source = new SourceText(text);
  const parsed = isTooLargeToCheck(text) ? new SourceText('') : source;
  switch (kind) {
    case 'ipsec':
      return { kind, uri, version, source, ast: parseIpsecConf(parsed) };
    case 'ipsec-secrets':
      return { kind, uri, version, source, ast: parseSecrets(parsed) };
    case 'racoon':
      return { kind, uri, version, source, ast: parseRacoon(parsed) };
    case 'racoon-psk':
      return { kind, uri, version, source, ast: parsePsk(parsed) };
    case 'setkey':
      return { kind, uri, version, source, ast: parseSetkey(parsed) };
  }
}
