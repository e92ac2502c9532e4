import { DIALECT_TRAITS, expandVersion, isKnownRelease } from '../knowledge/ipsecConf';
import type { Dialect } from '../knowledge/ipsecConf/types';
import { DIALECT_COMMENT, olderThanKnown, type DialectGuess } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { Position } from '../text/sourceText';
import type { HoverResult } from './connHover';
import { rangeBack, type CompletionEntry } from './completion/entry';

/** Where the parser looks for the comment: the first 4096 characters of a file. */
const COMMENT_WINDOW = 4096;
/** A comment whose first word is being typed. */
const TYPING_NAME = /^[ \t]*#[ \t]*([\w-]*)$/;
/** The value after `# ipsec-dialect:`, being typed. */
const TYPING_VALUE = /^[ \t]*#[ \t]*ipsec-dialect:[ \t]*([\w.-]*)$/i;

/** The values menus offer first: each daemon, and each major version whose releases differ. */
const MAJORS: readonly string[] = ['libreswan-5', 'libreswan-4', 'strongswan-6', 'strongswan-5', 'openswan', 'libreswan', 'strongswan'];

/** What strongSwan 6 needs to read ipsec.conf at all (NEWS for 6.0.0). */
const STRONGSWAN_6_NOTE =
  'strongSwan 6 reads ipsec.conf only through its legacy stroke plugin, which 6.0 no longer builds by default: the gateway needs a package that still has it (Debian and Ubuntu: `strongswan-starter`). `swanctl.conf` is the configuration strongSwan 6 itself reads.';

/**
 * Completion in a `# ipsec-dialect:` comment of ipsec.conf or ipsec.secrets: the name after `#`,
 * then the daemons, their major versions and every release the checks know. Undefined elsewhere.
 */
export function dialectCommentCompletions(document: ParsedDocument, position: Position): CompletionEntry[] | undefined {
  if ((document.kind !== 'ipsec' && document.kind !== 'ipsec-secrets') || position.line >= document.source.lineCount) return undefined;
  if (document.source.offsetAt({ line: position.line, character: 0 }) >= COMMENT_WINDOW) return undefined;
  const before = document.source.lineText(position.line).slice(0, position.character);
  const value = TYPING_VALUE.exec(before);
  if (value) {
    const range = rangeBack(position, value[1].length);
    return dialectValues().map(({ value: text, dialect, version }, index) => ({
      label: text,
      kind: 'value',
      detail: describeRelease(dialect, version),
      documentation: dialect === 'strongswan' && version?.startsWith('6') ? STRONGSWAN_6_NOTE : undefined,
      insertText: text,
      sortText: String(index).padStart(4, '0'),
      range,
    }));
  }
  const name = TYPING_NAME.exec(before);
  if (!name || name[1].length < 2 || !'ipsec-dialect'.startsWith(name[1].slice(0, 'ipsec-dialect'.length))) return undefined;
  return [
    {
      label: 'ipsec-dialect:',
      kind: 'keyword',
      detail: "the daemon this gateway's files are written for",
      insertText: 'ipsec-dialect: ',
      range: rangeBack(position, name[1].length),
      suggestNext: true,
    },
  ];
}

/** Hover on a `# ipsec-dialect:` comment: the releases it stands for, and what the gateway is checked as. */
export function dialectCommentHover(document: ParsedDocument, offset: number, gatewayDialect: () => DialectGuess | undefined): HoverResult | undefined {
  if (document.kind !== 'ipsec' && document.kind !== 'ipsec-secrets') return undefined;
  const line = document.source.positionAt(offset).line;
  const lineStart = document.source.offsetAt({ line, character: 0 });
  if (lineStart >= COMMENT_WINDOW) return undefined;
  const match = DIALECT_COMMENT.exec(document.source.lineText(line));
  if (!match || offset < lineStart + match.index || offset > lineStart + match.index + match[0].length) return undefined;
  const dialect = match[1].toLowerCase() as Dialect;
  const version = match[2];
  const tooOld = version !== undefined && olderThanKnown(dialect, version);
  const judgedAs = tooOld ? undefined : version;
  const parts = [`**ipsec-dialect**: the checks judge this gateway's files as ${describeRelease(dialect, judgedAs)}. The comment wins over the \`ipsec.dialect\` setting, \`.ipsec-lint.json\` and \`--dialect\`.`];
  if (tooOld) {
    const dropped =
      dialect === 'libreswan'
        ? ' A keyword Libreswan 3 took and 4.0 dropped (`ike-frag`, `nat_traversal`), or took in another section (`ikeport=` in config setup), is only noted; the algorithms 3.x read (`serpent`, `twofish`, `cast`) are taken; and checks that rest on later releases\' defaults (the IKE version a conn without `ikev2=` speaks, `ikev1-policy`, built-in proposals) say nothing.'
        : '';
    parts.push(`No ${DIALECT_TRAITS[dialect].label} release as old as ${version} is known here, so the files are judged as the releases that are, which may refuse what ${version} accepted.${dropped}`);
  } else if (version !== undefined && !isKnownRelease(dialect, version)) {
    parts.push(`No ${DIALECT_TRAITS[dialect].label} release ${version} is known here (the newest known is ${DIALECT_TRAITS[dialect].releases.at(-1)}): it is judged as a release newer than every known one.`);
  }
  if (dialect === 'strongswan' && (version === undefined || version.startsWith('6'))) parts.push(STRONGSWAN_6_NOTE);
  const choice = gatewayDialect()?.choice;
  if (choice && (choice.dialect !== dialect || choice.version !== judgedAs)) {
    const name = `${DIALECT_TRAITS[choice.dialect].label}${choice.version ? ` ${choice.version}` : ''}`;
    parts.push(`This gateway is checked as ${name} instead, because of ${choice.reason}.`);
  }
  return { markdown: parts.join('\n\n'), range: document.source.rangeOf({ start: lineStart + match.index, end: lineStart + match.index + match[0].length }) };
}

interface DialectValue {
  readonly value: string;
  readonly dialect: Dialect;
  readonly version?: string;
}

function dialectValues(): DialectValue[] {
  const majors = MAJORS.map((value): DialectValue => {
    const [dialect, version] = value.split('-') as [Dialect, string | undefined];
    return { value, dialect, version };
  });
  const releases = (['libreswan', 'strongswan', 'openswan'] as const).flatMap((dialect) =>
    [...DIALECT_TRAITS[dialect].releases].reverse().map((version): DialectValue => ({ value: `${dialect}-${version}`, dialect, version })),
  );
  return [...majors, ...releases];
}

/** `strongSwan 6 (6.0.0 to 6.0.6)`, `Libreswan 5.2`, `Openswan (any release)`. */
function describeRelease(dialect: Dialect, version: string | undefined): string {
  const label = DIALECT_TRAITS[dialect].label;
  const releases = expandVersion(dialect, version) ?? DIALECT_TRAITS[dialect].releases;
  if (version === undefined) return `${label}, any release (${releases[0]} to ${releases.at(-1)})`;
  if (releases.length === 1) return `${label} ${version}`;
  return `${label} ${version} (${releases[0]} to ${releases.at(-1)})`;
}
