import type { RacoonSection } from '../../knowledge/racoon';
import type { RacoonPlace } from '../../parsing/racoon/ast';

/** "at the top level" or "inside a `remote` block". */
export function describePlace(place: RacoonPlace): string {
  if (place === 'top') return 'at the top level';
  if (place === 'unknown') return 'in this block';
  return `inside a \`${place}\` block`;
}

export function describePlaces(sections: readonly RacoonSection[]): string {
  const unique = [...new Set(sections)];
  return unique.map(describePlace).join(' or ');
}

/** Quotes a word for a message, shortened so a pasted blob does not flood the problem list. */
export function quoteWord(text: string): string {
  return `\`${text.length > 40 ? `${text.slice(0, 37)}…` : text}\``;
}
