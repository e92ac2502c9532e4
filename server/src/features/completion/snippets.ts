import ipsecSecretsSnippets from '../../../../snippets/ipsec-secrets.json';
import ipsecSnippets from '../../../../snippets/ipsec.json';
import racoonPskSnippets from '../../../../snippets/racoon-psk.json';
import racoonSnippets from '../../../../snippets/racoon.json';
import setkeySnippets from '../../../../snippets/setkey.json';
import { isStatementKeyword } from '../../knowledge/racoon';
import type { DialectName } from '../../model/dialect';
import type { ParsedDocument } from '../../model/document';
import type { FileKind } from '../../model/fileKind';
import type { Position } from '../../text/sourceText';
import { rangeBack, type CompletionEntry } from './entry';
import { racoonCursorAt } from './racoonCursor';
import { setkeyCursorAt } from './setkey';

/** One entry of a snippets/*.json file, in VS Code's snippet file format. */
interface SnippetDefinition {
  readonly prefix: string | readonly string[];
  readonly description: string;
  readonly body: readonly string[];
}

/** The files VS Code reads through `contributes.snippets`, bundled into the server: one source for both. */
const SNIPPET_FILES: Readonly<Record<FileKind, Readonly<Record<string, SnippetDefinition>>>> = {
  ipsec: ipsecSnippets,
  'ipsec-secrets': ipsecSecretsSnippets,
  racoon: racoonSnippets,
  'racoon-psk': racoonPskSnippets,
  setkey: setkeySnippets,
};

/** Snippets written for one daemon: offered only where the gateway may run it. */
export const SNIPPET_DAEMONS: Readonly<Record<string, DialectName>> = {
  'Road warrior server, IKEv2 with EAP (strongSwan)': 'strongswan',
  'Road warrior server, IKEv2 with certificates (Libreswan)': 'libreswan',
};

/**
 * The snippets of the document's kind that fit where the cursor is and suit the daemons the
 * gateway may run (`plausible`; any daemon when not given): ipsec.conf sections at
 * column 0 (not a second `config setup` or `conn %default`), ipsec.secrets and psk.txt entries
 * at the start of a line, racoon blocks where their keyword is a statement of the enclosing
 * block, setkey policy sets where a command may start. The caller offers them only to clients
 * that declare snippet support.
 */
export function snippetCompletions(document: ParsedDocument, position: Position, plausible?: readonly DialectName[]): CompletionEntry[] {
  const typed = typedAtStatementStart(document, position);
  if (typed === undefined) return [];
  const range = rangeBack(position, typed.length);
  return Object.entries(SNIPPET_FILES[document.kind])
    .filter(([name, snippet]) => suits(name, plausible) && fits(document, snippet, position))
    .map(([name, snippet]) => {
      const prefixes = typeof snippet.prefix === 'string' ? [snippet.prefix] : [...snippet.prefix];
      const text = snippet.body.join('\n');
      return {
        label: prefixes[0],
        kind: 'snippet',
        detail: name,
        documentation: `${snippet.description}\n\n\`\`\`\n${preview(text)}\n\`\`\``,
        insertText: text,
        filterText: prefixes.join(' '),
        range,
      };
    });
}

/** The text typed since the statement began, or undefined when the cursor is not where a new entry may start. */
function typedAtStatementStart(document: ParsedDocument, position: Position): string | undefined {
  if (position.line >= document.source.lineCount) return undefined;
  const before = document.source.lineText(position.line).slice(0, position.character);
  switch (document.kind) {
    case 'ipsec':
      return /^[A-Za-z%-]*$/.test(before) ? before : undefined;
    case 'ipsec-secrets':
      return /^(?::[ \t]*)?[A-Za-z0-9@.%_-]*$/.test(before) ? before : undefined;
    case 'racoon-psk':
      return /^[^\s#]*$/.test(before) ? before : undefined;
    case 'racoon': {
      const cursor = racoonCursorAt(document.ast, document.source.text, document.source.offsetAt(position));
      return cursor && cursor.place !== 'unknown' && cursor.atLineStart && cursor.statement.length === 0 ? cursor.typed : undefined;
    }
    case 'setkey': {
      const cursor = setkeyCursorAt(document, position);
      return cursor?.place.kind === 'command' && /^[ \t]*[A-Za-z]*$/.test(before) ? cursor.typed : undefined;
    }
  }
}

function suits(name: string, plausible: readonly DialectName[] | undefined): boolean {
  const daemon = SNIPPET_DAEMONS[name];
  return daemon === undefined || plausible === undefined || plausible.includes(daemon);
}

function fits(document: ParsedDocument, snippet: SnippetDefinition, position: Position): boolean {
  if (document.kind === 'ipsec') {
    // A fixed section header (`config setup`, `conn %default`) the file already has would be a duplicate.
    const header = snippet.body.map((line) => /^(config|conn|ca)[ \t]+([^\s$]+)$/.exec(line)).find((match) => match !== null);
    return !header || !document.ast.sections.some((s) => s.keyword.text === header[1] && s.name?.text === header[2]);
  }
  if (document.kind === 'racoon') {
    const cursor = racoonCursorAt(document.ast, document.source.text, document.source.offsetAt(position));
    const keyword = /^[a-z_]+/.exec(snippet.body[0] ?? '')?.[0];
    return cursor !== undefined && cursor.place !== 'unknown' && keyword !== undefined && isStatementKeyword(cursor.place, keyword);
  }
  return true;
}

/** The snippet as inserted with its default values, for the documentation popup. */
function preview(body: string): string {
  return body
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/`/g, "'")
    .trimEnd();
}
