import { type Algorithm, type AlgorithmFlag, type Availability, type Documented, type KeySize, type SetkeyCommand } from '../../knowledge/setkey';

/** Markdown for setkey words, shared by hover and completion. Never given key material to show. */

const AVAILABILITY_NOTES: Readonly<Record<Availability, string | undefined>> = {
  all: undefined,
  bsd: 'Only the FreeBSD and NetBSD setkey know it; ipsec-tools on Linux refuses it.',
  fork: 'Only the maintained ipsec-tools fork (0.9) knows it.',
  retired: 'No current setkey accepts it.',
};

export function availabilityNote(availability: Availability): string | undefined {
  return AVAILABILITY_NOTES[availability];
}

const FLAG_ROLES: Readonly<Record<AlgorithmFlag, string>> = { '-E': 'encryption', '-A': 'authentication', '-C': 'compression' };

function bitsAsHex(bits: number): string {
  return `${bits} bits (0x and ${bits / 4} hex digits, or a quoted string of ${bits / 8} characters)`;
}

/** What key an algorithm takes, in words. */
export function describeKeySize(key: KeySize): string {
  switch (key.kind) {
    case 'none':
      return 'no key';
    case 'exact':
      return key.bits.length === 1 ? `a key of ${bitsAsHex(key.bits[0])}` : `a key of ${key.bits.join(', ')} bits`;
    case 'range':
      return `a key of ${key.min} to ${key.max} bits`;
  }
}

/** A short label for completion lists: `128/192/256 bits`, `no key`. */
export function keySizeLabel(key: KeySize): string {
  switch (key.kind) {
    case 'none':
      return 'no key';
    case 'exact':
      return `${key.bits.join('/')} bits`;
    case 'range':
      return `${key.min}–${key.max} bits`;
  }
}

export function describeAlgorithm(flag: AlgorithmFlag, algorithm: Algorithm): string {
  const lines = [`**${algorithm.name}** (setkey ${flag}, ${FLAG_ROLES[flag]})`, '', algorithm.doc, '', `Takes ${describeKeySize(algorithm.key)}.`];
  if (algorithm.aliasOf) lines.push('', `Another name for \`${algorithm.aliasOf}\`.`);
  if (algorithm.onlyWith) lines.push('', `Only with ${algorithm.onlyWith.map((p) => `\`${p}\``).join(', ')}.`);
  if (algorithm.weak) lines.push('', 'Weak or obsolete: fine for tests, not for protecting traffic.');
  const note = availabilityNote(algorithm.availability);
  if (note) lines.push('', note);
  return lines.join('\n');
}

export function describeCommand(command: SetkeyCommand): string {
  const lines = [`**${command.name}** (setkey command)`, '', command.doc, '', `\`${command.synopsis}\``];
  const note = availabilityNote(command.availability);
  if (note) lines.push('', note);
  return lines.join('\n');
}

/** A word with its documentation and, when given, what it is: `**-m** (SA extension)`. */
export function describeWord(entry: Documented, role: string, extra?: string): string {
  return [`**${entry.name}** (${role})`, '', entry.doc, ...(extra ? ['', extra] : [])].join('\n');
}
