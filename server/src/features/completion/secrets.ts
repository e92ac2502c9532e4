import { SECRET_TYPES } from '../../knowledge/ipsecConf';
import type { ParsedDocument } from '../../model/document';
import type { Position } from '../../text/sourceText';
import { rangeBack, type CompletionEntry } from './entry';

/** Secret types whose value is a key file that relative names find in ipsec.d/private, as their documented forms show. */
const KEY_FILE_TYPES: ReadonlySet<string> = new Set(SECRET_TYPES.filter((type) => type.syntax.includes('/ipsec.d/private/')).map((type) => type.name.toUpperCase()));

/** `… : RSA file` up to the cursor, with the type word and the part of the file name typed so far. */
const KEY_FILE_ENTRY = /(?:^|[ \t]):[ \t]*([A-Za-z0-9]+)[ \t]+([^ \t"{]*)$/;

/**
 * Completion in ipsec.secrets: after `: RSA ` (and the other key-file types), the files of the
 * gateway's ipsec.d/private. Only names are offered; no file is read.
 */
export function completeSecrets(document: ParsedDocument<'ipsec-secrets'>, position: Position, privateKeyFiles: () => readonly string[]): CompletionEntry[] {
  if (position.line >= document.source.lineCount) return [];
  const before = document.source.lineText(position.line).slice(0, position.character);
  const match = KEY_FILE_ENTRY.exec(before);
  if (!match || !KEY_FILE_TYPES.has(match[1].toUpperCase()) || match[2].includes('/')) return [];
  const range = rangeBack(position, match[2].length);
  return privateKeyFiles().map((name) => ({ label: name, kind: 'file', detail: 'ipsec.d/private', insertText: name, range }));
}
