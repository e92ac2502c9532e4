import { parseIpsecConf } from '../parsing/ipsecConf/parser';
import { parsePsk } from '../parsing/psk/parser';
import { parseRacoon } from '../parsing/racoon/parser';
import { parseSecrets } from '../parsing/secrets/parser';
import { parseSetkey } from '../parsing/setkey/parser';
import { SourceText } from '../text/sourceText';
import type { ParsedDocument } from './document';
import type { FileKind } from './fileKind';

/** Parses text of a known kind. Never throws: parsers recover and record problems. */
export function parseDocument(uri: string, text: string, kind: FileKind, version = 0): ParsedDocument {
  const source = new SourceText(text);
  switch (kind) {
    case 'ipsec':
      return { kind, uri, version, source, ast: parseIpsecConf(source) };
    case 'ipsec-secrets':
      return { kind, uri, version, source, ast: parseSecrets(source) };
    case 'racoon':
      return { kind, uri, version, source, ast: parseRacoon(source) };
    case 'racoon-psk':
      return { kind, uri, version, source, ast: parsePsk(source) };
    case 'setkey':
      return { kind, uri, version, source, ast: parseSetkey(source) };
  }
}
