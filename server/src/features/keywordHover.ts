import { DIALECT_TRAITS, defaultsFor, lookupKeyword, type KeywordInfo, type KeywordLookup, type ReleaseDefault, type ValueType } from '../knowledge/ipsecConf';
import { dialectTargets } from '../checks/ipsecConf/dialectView';
import type { DialectGuess } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { HoverResult } from './connHover';

function describeType(type: ValueType): string {
  switch (type.kind) {
    case 'yesno':
      return 'yes or no';
    case 'enum':
      return `one of ${type.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'enumList':
      return `one or more of ${type.values.map((v) => `\`${v}\``).join(', ')}`;
    case 'number':
      return `a number${type.min !== undefined ? ` from ${type.min}` : ''}${type.max !== undefined ? ` to ${type.max}` : ''}`;
    case 'proposals':
      return `${type.protocol.toUpperCase()} proposals`;
    default:
      return type.kind.replace(/([A-Z])/g, ' $1').toLowerCase();
  }
}

function statusLine(label: string, lookup: KeywordLookup): string {
  switch (lookup.status) {
    case 'valid':
      return `${label}: accepted`;
    case 'deprecated':
      return `${label}: deprecated${lookup.replacement ? `, use \`${lookup.replacement}\`` : ''}`;
    case 'ignored':
      return `${label}: accepted but ignored`;
    case 'removed':
      return `${label}: refused${lookup.replacement ? ` (use \`${lookup.replacement}\`)` : ''}`;
    case 'comment':
      return `${label}: a user comment key, ignored`;
    default:
      return `${label}: unknown`;
  }
}

/**
 * `; default \`drop\`` where a daemon's releases default otherwise than the keyword's own
 * default says, or differ among themselves, or distribution packages change it.
 */
function defaultsNote(entry: KeywordInfo, defaults: readonly ReleaseDefault[]): string {
  const plain = defaults.length === 1 && defaults[0].packaged.length === 0 && defaults[0].value === entry.default;
  if (defaults.length === 0 || plain) return '';
  const parts = defaults.map((d) => {
    const packaged = d.packaged.map((p) => ` (\`${p.value}\` in ${p.by})`).join('');
    return `\`${d.value}\`${d.from ? ` from ${d.from}` : ''}${packaged}`;
  });
  return `; default ${parts.join(', ')}`;
}

/** Hover on a key of ipsec.conf: what it does, its type and default, and how each plausible daemon treats it. */
export function keywordHover(document: ParsedDocument<'ipsec'>, offset: number, dialect?: DialectGuess): HoverResult | undefined {
  for (const section of document.ast.sections) {
    for (const setting of section.settings) {
      if (offset < setting.key.span.start || offset > setting.key.span.end) continue;
      const targets = dialectTargets(document, { dialect });
      const lookups = targets.map((t) => ({ target: t, lookup: lookupKeyword(setting.key.text, t.dialect, t.version) }));
      const entry = lookups.find((l) => l.lookup.entry)?.lookup.entry;
      if (!entry) return undefined;
      const guess = dialect?.choice;
      const why = guess ? `Checked as ${DIALECT_TRAITS[guess.dialect].label}${guess.version ? ` ${guess.version}` : ''} because of ${guess.reason}.` : 'The dialect is not known: every plausible daemon is shown.';
      const lines = [
        `**${setting.key.text}**`,
        '',
        entry.doc,
        '',
        `Value: ${describeType(entry.type)}${entry.default !== undefined ? `; default \`${entry.default}\`` : ''}.`,
        '',
        ...lookups.map((l) => `- ${statusLine(l.target.label, l.lookup)}${l.lookup.status === 'valid' || l.lookup.status === 'deprecated' ? defaultsNote(entry, defaultsFor(entry, l.target.dialect, l.target.version)) : ''}`),
        '',
        why,
      ];
      return { markdown: lines.join('\n'), range: document.source.rangeOf(setting.key.span) };
    }
  }
  return undefined;
}
