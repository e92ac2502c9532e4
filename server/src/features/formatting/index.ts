import type { TextEdit } from '../../checks/finding';
import type { ParsedDocument } from '../../model/document';
import { isTooLargeToCheck } from '../../model/sizeLimits';
import { formatIpsecConf } from './ipsecConfFormatter';
import { DEFAULT_FORMAT, type FormatOptions, type LineRange } from './options';
import { formatRacoon } from './racoonFormatter';
import { formatSetkey } from './setkeyFormatter';

export { DEFAULT_FORMAT, type FormatOptions, type LineRange } from './options';

/** Formatting edits for any file kind the formatter knows; none for the others. */
export function formatDocument(document: ParsedDocument, options: FormatOptions = DEFAULT_FORMAT, lines?: LineRange): TextEdit[] {
  // Such a file was not parsed: formatting its empty tree would take its text away.
  if (isTooLargeToCheck(document.source.text)) return [];
  switch (document.kind) {
    case 'ipsec':
      return formatIpsecConf(document, options, lines);
    case 'racoon':
      return formatRacoon(document, options, lines);
    case 'setkey':
      return formatSetkey(document, options, lines);
    default:
      return [];
  }
}
