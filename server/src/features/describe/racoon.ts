import { keywordOf, type ArgumentSlot, type RacoonDirective, type RacoonFeature, type RacoonSection } from '../../knowledge/racoon';
import type { Expectation } from '../../knowledge/racoon/expectations';
import { describeSlot } from '../../knowledge/racoon/slotChecks';
import { ALGORITHM_DOCS, findDhGroup, keywordValueDoc, SAINFO_PROTOCOL_DOCS, UNIT_DOCS } from '../../knowledge/racoon/valueDocs';
import { findAlgorithm, type AlgorithmInfo } from '../../knowledge/racoon/values';

/** Markdown for racoon.conf directives and their argument words, shared by hover and completion. */

const FEATURE_LABELS: Readonly<Record<RacoonFeature, string>> = {
  hybrid: 'hybrid authentication (Xauth and Mode Config)',
  radius: 'RADIUS support',
  ldap: 'LDAP support',
  natt: 'NAT traversal',
  adminport: 'the admin port',
  gssapi: 'GSS-API',
  frag: 'IKE fragmentation',
  fork: 'the racoon-ipsec-tools fork (not in ipsec-tools 0.8)',
};

export function sectionLabel(section: RacoonSection | 'unknown'): string {
  if (section === 'top') return 'the top level';
  if (section === 'unknown') return 'a block racoon does not know';
  return `\`${section} { }\``;
}

/** A grammar-like rendering of one argument slot, e.g. `(time <number> <time unit> | byte …)`. */
export function renderSlot(slot: ArgumentSlot): string {
  switch (slot.kind) {
    case 'keyword':
      return slot.values.length === 1 ? slot.values[0] : slot.values.join('|');
    case 'switch':
      return 'on|off';
    case 'number':
      return `<${slot.label}>`;
    case 'string':
      return `"<${slot.label}>"`;
    case 'address':
      return slot.prefix === 'required' ? '<network/len>' : slot.prefix === 'optional' ? '<address[/len]>' : '<address>';
    case 'port':
      return slot.any ? '[<port>|any]' : '[<port>]';
    case 'timeUnit':
      return 'sec|min|hour';
    case 'byteUnit':
      return 'B|KB|MB|TB';
    case 'dhGroup':
      return '<dh group>';
    case 'algorithm':
      return '<algorithm> [<key length>]';
    case 'identifierValue':
      return '"<identifier>"|<address>';
    case 'protocol':
      return '<protocol>';
    case 'optional':
      return `[${renderSlots(slot.slots)}]`;
    case 'choice':
      return `(${slot.options.map((option) => renderSlots(option) || 'nothing').join(' | ')})`;
    case 'list':
      return `${renderSlots(slot.item)}${slot.separator === 'comma' ? ', …' : ' [,] …'}`;
  }
}

function renderSlots(slots: readonly ArgumentSlot[]): string {
  return slots.map(renderSlot).join(' ');
}

export function renderForm(directive: RacoonDirective, form: readonly ArgumentSlot[]): string {
  const tail = directive.opens ? ' { … }' : ';';
  const args = renderSlots(form);
  return `${directive.name}${args ? ` ${args}` : ''}${tail}`;
}

/** Past this, a rendered grammar (sainfo's) helps less than the usage line, and is left out. */
const MAX_FORM_LENGTH = 100;

/** Everything about a directive: what it does, its forms, an example, where it may stand, build needs. */
export function describeDirective(directive: RacoonDirective): string {
  const lines = [`**${directive.name}** (racoon.conf)`, '', directive.doc, '', `Usage: \`${directive.syntax}\``];
  const forms = directive.forms.map((form) => renderForm(directive, form));
  if (forms.every((form) => form.length <= MAX_FORM_LENGTH)) {
    lines.push('', forms.length === 1 ? `Form: \`${forms[0]}\`` : `Forms:\n${forms.map((form) => `- \`${form}\``).join('\n')}`);
  }
  lines.push('', `Allowed in ${directive.sections.map(sectionLabel).join(', ')}.${directive.opens ? ` Its braces hold the statements of ${sectionLabel(directive.opens)}.` : ''}`);
  if (directive.aliases?.length) lines.push('', `Also spelt ${directive.aliases.map((alias) => `\`${alias}\``).join(', ')}.`);
  if (directive.requires) lines.push('', `Needs a racoon built with ${FEATURE_LABELS[directive.requires]}.`);
  if (directive.deprecated) lines.push('', `**Deprecated:** ${directive.deprecated}`);
  return lines.join('\n');
}

/** `a key of 128, 192 or 256 bits`, `a key of 40 to 448 bits in steps of 8`, or `a fixed key`. */
export function describeKeyLengths(info: AlgorithmInfo): string {
  const range = info.keyLength;
  if (!range) return 'a fixed key';
  if (!range.only) return `a key of ${range.min} to ${range.max} bits in steps of 8`;
  const bits = range.only.map(String);
  return `a key of ${bits.length > 1 ? `${bits.slice(0, -1).join(', ')} or ${bits[bits.length - 1]}` : bits[0]} bits`;
}

export function describeAlgorithm(info: AlgorithmInfo): string {
  const length = info.keyLength ? `Takes ${describeKeyLengths(info)}; write the length after the name (\`${info.name} ${info.keyLength.max}\`).` : 'Takes a fixed key.';
  const parts = [ALGORITHM_DOCS[info.name] ?? '', length];
  if (info.aliases?.length) parts.push(`Also spelt ${info.aliases.map((alias) => `\`${alias}\``).join(', ')}.`);
  if (info.note) parts.push(`Note: ${info.note}.`);
  if (info.optional) parts.push('Not every racoon build has it.');
  if (info.buildOption) parts.push(`Only a racoon configured with \`${info.buildOption}\` (off by default) knows it; others refuse the file.`);
  return parts.filter(Boolean).join(' ');
}

/**
 * What a written argument word means where it stands: its value meaning for keywords, algorithm
 * and group facts, units. Strings, numbers and addresses are described by their role only, so
 * nothing secret that was typed in (a RADIUS secret, an LDAP password) is ever repeated.
 */
export function describeArgument(directive: RacoonDirective, expectation: Expectation, word: string): string | undefined {
  const heading = (title: string): string => `**${title}** in \`${directive.name}\``;
  switch (expectation.kind) {
    case 'algorithm': {
      const info = findAlgorithm(expectation.family, word);
      return info && `${heading(info.name)}\n\n${describeAlgorithm(info)}`;
    }
    case 'keyLength':
      return `**key length** of \`${expectation.algorithm.name}\`, in bits\n\n\`${expectation.algorithm.name}\` takes ${describeKeyLengths(expectation.algorithm)}.`;
    case 'atom':
      return describeAtomWord(directive, expectation.slot, word, heading);
    default:
      return undefined;
  }
}

function describeAtomWord(directive: RacoonDirective, slot: Extract<Expectation, { kind: 'atom' }>['slot'], word: string, heading: (title: string) => string): string | undefined {
  switch (slot.kind) {
    case 'keyword':
    case 'switch': {
      const doc = keywordValueDoc(keywordOf(directive), word);
      return doc && `${heading(word)}\n\n${doc}`;
    }
    case 'dhGroup': {
      const group = findDhGroup(word);
      if (!group) return undefined;
      const also = group.name ? (word === group.name ? `group ${group.number}` : `\`${group.name}\``) : 'no name racoon accepts; write the number';
      return `${heading(`DH group ${word}`)}\n\n${group.doc} Also known as ${also}.`;
    }
    case 'timeUnit':
    case 'byteUnit':
      return UNIT_DOCS[word] && `${heading(word)}\n\nThe number before it counts ${UNIT_DOCS[word]}.`;
    case 'protocol':
      return `${heading(word)}\n\n${SAINFO_PROTOCOL_DOCS[word] ?? `Upper-layer protocol number ${word}.`}`;
    default:
      return `Argument of \`${directive.name}\`: ${describeSlot(slot)}.`;
  }
}
