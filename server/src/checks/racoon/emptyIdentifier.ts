import { readAsRacoon } from '../../knowledge/racoon';
import { toAtoms, type ArgumentAtom } from '../../knowledge/racoon/atoms';
import { numericAddressProblem } from '../../knowledge/racoon/numericAddress';
import { isBareAddress } from '../../knowledge/racoon/slotChecks';
import { IDENTIFIER_QUALIFIERS } from '../../knowledge/racoon/values';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { racoonStatements } from '../../parsing/racoon/walk';
import { defineRule, type Report } from '../rule';
import { sainfoHeaderOf } from './sainfoSelector';

/** Identifier types racoon refuses without a value ("failed to set identifier"). */
const NEED_VALUE = new Set(['fqdn', 'user_fqdn']);
/** Identifier types racoon refuses with an empty string: no name, no address, no DN to read from it. */
const NO_EMPTY_STRING = new Set(['fqdn', 'user_fqdn', 'address', 'asn1dn']);
const QUALIFIERS: readonly string[] = IDENTIFIER_QUALIFIERS;

export const racoonEmptyIdentifier = defineRule({
  code: 'racoon-empty-identifier',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'An identifier has no value racoon can use',
  description:
    'In `my_identifier`, `peers_identifier` and the `from` of a `sainfo`, racoon needs the name of an `fqdn` or `user_fqdn` identifier (and a `from` id of any type needs its value: without one racoon crashes reading the file), and it refuses an empty string `""` as an fqdn, user_fqdn, address or asn1dn. Write the identity in quotes, e.g. `my_identifier fqdn "gw.example.org";`, or leave out the statement. An `address` identifier must be a numeric IP address that racoon can read: it refuses a host name or a malformed address (`10.0.0.300`) there.',
  check(document, report) {
    for (const { statement } of racoonStatements(document.ast)) {
      const found = identifierOf(statement);
      const problem = found && identifierProblem(found);
      if (problem) report(problem);
    }
  },
});

interface Identifier {
  readonly type: ArgumentAtom;
  readonly value?: ArgumentAtom;
  /** Where a missing value belongs: the statement's last token. */
  readonly end: ArgumentAtom;
  /** The `from` id of a sainfo header rather than an identifier statement. */
  readonly inSainfo: boolean;
}

function identifierOf(statement: RacoonStatement): Identifier | undefined {
  const meaning = meaningOf(statement);
  if (meaning.kind !== 'known') return undefined;
  const name = meaning.directive.name;
  if (name === 'sainfo') {
    const from = sainfoHeaderOf(statement)?.from;
    return from ? { type: from.type, value: from.value, end: from.value ?? from.type, inSainfo: true } : undefined;
  }
  if (name !== 'my_identifier' && name !== 'peers_identifier') return undefined;
  const atoms = toAtoms(meaning.args, false);
  const [type] = atoms;
  if (type?.kind !== 'word') return undefined;
  const rest = atoms.slice(QUALIFIERS.includes(atoms[1]?.text ?? '') && atoms[1].kind === 'word' ? 2 : 1);
  // More than one value is the business of racoon-bad-value.
  if (rest.length > 1) return undefined;
  return { type, value: rest[0], end: rest[0] ?? atoms[atoms.length - 1], inSainfo: false };
}

function identifierProblem({ type, value, end, inSainfo }: Identifier): Report | undefined {
  if (!value) {
    if (NEED_VALUE.has(type.text)) return { span: end.span, message: `\`${type.text}\` needs the name itself, e.g. \`${type.text} ${example(type.text)}\`: racoon refuses it without one` };
    // cfparse.y copies an identifier set_identifier never filled in: a segmentation fault while reading the file.
    return inSainfo ? { span: end.span, message: `\`from ${type.text}\` without a value makes racoon crash while it reads the file: write the peer's identity after it, or leave out \`from\`` } : undefined;
  }
  // A bare word racoon's lexer skips whole (`xyz`) leaves the identifier without its value.
  if (value.kind === 'word' && NEED_VALUE.has(type.text) && !isBareAddress(value.text) && readAsRacoon(value.text).length === 0) {
    return { span: value.span, message: `racoon skips \`${value.text}\` (no word of its grammar starts in it), so \`${type.text}\` is left without a name and refused: write it in quotes, e.g. \`${type.text} "${value.text}"\`` };
  }
  if (value.kind === 'string' && value.text === '' && NO_EMPTY_STRING.has(type.text)) {
    return { span: value.span, message: `racoon refuses an empty ${type.text}: write the identity between the quotes` };
  }
  if (type.text === 'address' && (value.kind === 'string' || value.kind === 'word') && !value.placeholder) return addressProblem(value);
  return undefined;
}

/** An `address` identifier goes through getaddrinfo for numeric hosts only: no names, no malformed addresses. */
function addressProblem(value: ArgumentAtom): Report | undefined {
  if (value.kind === 'string' && /[g-zG-Z]/.test(value.text) && !value.text.includes('%')) {
    return { span: value.span, message: `an \`address\` identifier takes a numeric IP address; racoon does not resolve a host name like \`${value.text}\` here and refuses it: write the address, or use \`fqdn\`` };
  }
  // Blanks around an address: some C libraries skip trailing ones; leave them be.
  if ((value.kind === 'word' && !isBareAddress(value.text)) || /\s/.test(value.text)) return undefined;
  const problem = numericAddressProblem(value.text, 'getaddrinfo');
  return problem === undefined ? undefined : { span: value.span, message: problem };
}

function example(type: string): string {
  return type === 'fqdn' ? '"gw.example.org"' : '"user@example.org"';
}
