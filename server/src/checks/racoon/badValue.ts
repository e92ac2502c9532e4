import { APPLE_ONLY_RACOON_WORDS, readAsRacoon, type RacoonDirective } from '../../knowledge/racoon';
import { toAtoms, type ArgumentAtom } from '../../knowledge/racoon/atoms';
import { matchArguments } from '../../knowledge/racoon/matchArguments';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { racoonStatements } from '../../parsing/racoon/walk';
import { defineRule, type Report } from '../rule';
import { quoteWord } from './placeNames';
import { valueLimitFindings } from './valueLimits';

export const racoonBadValue = defineRule({
  code: 'racoon-bad-value',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A statement has arguments racoon rejects',
  description:
    'racoon checks each statement\'s arguments while it reads the file and refuses to start on the first one it cannot use: `on`/`off` written as `yes`/`no`, an unknown algorithm or DH group (`dh_group 99`), a key length the cipher does not have, a time without a unit, a host name or a malformed address (`10.0.0.300`) where an IP address is needed, an identity that is not quoted, `idea` or `rc5` in a racoon built without them (the default), an admin socket mode with a digit over 7, more DNS or WINS servers than mode_cfg has room for. The message says what the statement accepts; change the value to one of those. The lexer of racoon skips letters that start no word of its grammar (`hour` for `hourz`, `2` for `2x`): when the statement fits as racoon reads it, this is a warning. So is `aes_256`: the skipped `_` stays in front of `256`, which racoon then reads as 0, and the cipher gets its default key length (128 bits for AES). A word only Apple\'s racoon (macOS, iOS) has a token for, such as `keyid_use` or `in_keychain`, is a notice.',
  check(document, report) {
    const refused = new Set<RacoonStatement>();
    for (const { statement } of racoonStatements(document.ast)) {
      const found = checkArguments(statement);
      if (!found) continue;
      report(found);
      if (found.severity !== 'warning') refused.add(statement);
    }
    for (const found of valueLimitFindings(document.ast, (statement) => !refused.has(statement))) report(found);
  },
});

function checkArguments(statement: RacoonStatement): Report | undefined {
  const meaning = meaningOf(statement);
  if (meaning.kind !== 'known') return undefined;
  const { directive, args } = meaning;
  const atoms = toAtoms(args, statement.place === 'remote');
  const mismatch = matchArguments(directive.forms, atoms);
  if (!mismatch) return lostKeyLength(atoms);
  const atom = atoms[mismatch.index];
  const lenient = atom ? asRacoonReadsIt(directive.forms, atoms, mismatch.index) : undefined;
  if (lenient !== undefined) return lenient;
  const expected = mismatch.expected.join(' or ');
  const name = `\`${directive.name}\``;
  if (atom?.kind === 'word' && APPLE_ONLY_RACOON_WORDS.has(atom.text)) {
    return { span: atom.span, message: `${quoteWord(atom.text)} is read only by Apple's racoon in macOS and iOS; the ipsec-tools racoon refuses the file over it`, severity: 'info' };
  }
  if (mismatch.reason) return { span: (atom ?? lastOf(statement)).span, message: mismatch.reason };
  if (!atom) return { span: lastOf(statement).span, message: `${name} needs ${expected} here.` };
  const what = atom.kind === 'string' ? 'This quoted string' : atom.kind === 'comma' ? 'This `,`' : quoteWord(atom.text);
  if (directive.forms.every((form) => form.length === 0)) {
    return { span: atom.span, message: `${name} takes no arguments: remove ${what === 'This quoted string' ? 'the string' : what}.` };
  }
  return { span: atom.span, message: `${what} does not fit here: ${name} expects ${expected}.` };
}

/**
 * racoon's lexer skips letters that start no word of its grammar (`hourz` is `hour`, `2x` is `2`,
 * a stray `!` is nothing): when the arguments fit as it reads the word, it is only a warning.
 */
function asRacoonReadsIt(forms: RacoonDirective['forms'], atoms: readonly ArgumentAtom[], index: number): Report | undefined {
  const atom = atoms[index];
  if (atom.kind !== 'word' || atom.placeholder) return undefined;
  const reading = readAsRacoon(atom.text);
  // Only letters dropped at the end: `west` read as `e` is a different value, not a slip.
  if (reading.join(' ') === atom.text || !atom.text.startsWith(reading.join(''))) return undefined;
  const read: ArgumentAtom[] = reading.map((text) => ({ kind: 'word', text, span: atom.span, placeholder: false }));
  if (matchArguments(forms, [...atoms.slice(0, index), ...read, ...atoms.slice(index + 1)])) return undefined;
  const message =
    reading.length === 0
      ? `racoon skips ${quoteWord(atom.text)}: no word of its grammar starts in it; remove it`
      : `racoon reads ${quoteWord(atom.text)} as \`${reading.join(' ')}\` (its lexer skips letters it has no use for): write that`;
  return { span: atom.span, message, severity: 'warning' };
}

/** A cipher whose key length racoon reads as 0 (`aes_256`), in a statement that fits as it reads it. */
function lostKeyLength(atoms: readonly ArgumentAtom[]): Report | undefined {
  for (const { lostKeyLength: lost, text, span } of atoms) {
    if (!lost) continue;
    const message = `racoon reads ${quoteWord(lost.written)} as \`${text}\` with its default key length: it skips the \`_\` but keeps it in front of ${lost.digits}, which then reads as 0; write \`${text} ${lost.digits}\``;
    return { span, message, severity: 'warning' };
  }
  return undefined;
}

function lastOf(statement: RacoonStatement) {
  return statement.head[statement.head.length - 1];
}
