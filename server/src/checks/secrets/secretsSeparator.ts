import type { ParsedDocument } from '../../model/document';
import type { SecretEntry } from '../../parsing/secrets/ast';
import { defineRule } from '../rule';
import { plutoReaders, secretsTargets } from './secretsTargets';

const BLANKS = /^[ \t]*/;

/**
 * Where the first line strongSwan's reader cannot split starts: after its leading blanks it is no comment, no
 * `include `, does not start with `: ` and holds no ` : ` (a blank, the colon and a blank; a tab
 * does not count). Lines an entry continues onto are left to the rules that report the entry.
 */
function firstUnsplitLine(document: ParsedDocument<'ipsec-secrets'>): number | undefined {
  const { source, ast } = document;
  const continued = new Set<number>();
  for (const entry of ast.entries) for (let line = lineOf(document, entry.span.start) + 1; line <= lineOf(document, entry.span.end); line++) continued.add(line);
  for (let line = 0; line < source.lineCount; line++) {
    if (continued.has(line)) continue;
    const raw = source.lineText(line).replace(/\r$/, '');
    const text = raw.slice(BLANKS.exec(raw)?.[0].length ?? 0);
    if (text === '' || text.startsWith('#') || text.startsWith('include ')) continue;
    if ((text.length > 2 && text.startsWith(': ')) || text.includes(' : ')) continue;
    return source.offsetAt({ line, character: raw.length - text.length });
  }
  return undefined;
}

function lineOf(document: ParsedDocument<'ipsec-secrets'>, offset: number): number {
  return document.source.positionAt(offset).line;
}

/** The entry the line starts, to point at its colon when it has one. */
function entryAt(document: ParsedDocument<'ipsec-secrets'>, start: number): SecretEntry | undefined {
  return document.ast.entries.find((entry) => entry.span.start <= start && start < entry.span.end);
}

export const secretsSeparator = defineRule({
  code: 'secrets-separator',
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: "strongSwan stops reading ipsec.secrets at a line without ' : '",
  description:
    "strongSwan's reader splits each line of ipsec.secrets at ` : `, a blank, the colon and another blank (or takes a line that starts with `: ` as one without IDs). A line without that, such as `user: EAP \"…\"`, a tab beside the colon, or an entry carried on to the next line, makes it log \"missing ' : ' separator\" and stop: that entry and every one after it are not loaded, so the tunnels that need them fail to authenticate. Libreswan and Openswan read these forms. So does `include` followed by a tab rather than a space (seen with charon 5.9.8). Write a blank on both sides of the colon, a space after `include`, and keep each entry on one line. When the gateway's daemon is not known, this is a notice.",
  check(document, report, context) {
    const targets = secretsTargets(document, context);
    if (!targets.some((target) => target.dialect === 'strongswan')) return;
    const start = firstUnsplitLine(document);
    if (start === undefined) return;
    const readers = plutoReaders(targets);
    const readBy = readers ? ` (${readers.who} ${readers.plural ? 'read' : 'reads'} it)` : '';
    const include = document.ast.includes.find((candidate) => candidate.keyword.span.start === start);
    if (include) {
      // stroke_cred.c knows `include` only followed by a space.
      report({ span: include.keyword.span, message: `strongSwan takes include only with a space after it: with a tab it reads the line as an entry and stops reading the file here ("missing ' : ' separator"), so the included file and every entry after this line are not loaded${readBy}`, severity: readers ? 'info' : undefined });
      return;
    }
    // A line that starts no entry is refused by every daemon, and secrets-malformed-entry says so.
    const entry = entryAt(document, start);
    if (entry?.colon === undefined) return;
    report({
      span: entry.colon,
      message:
        "strongSwan stops reading the file here (\"missing ' : ' separator\"): it needs a blank on both sides of the colon, so this entry and every one after it are not loaded" + readBy,
      severity: readers ? 'info' : undefined,
    });
  },
});
