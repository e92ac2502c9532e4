/** Whitespace the daemons treat as indentation: only ASCII space and tab. */
export function isAsciiBlank(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * Characters that look like blanks but that no IPsec daemon accepts as such:
 * no-break spaces, the Unicode space separators, zero-width characters and a stray BOM.
 * They arrive when a config is copied out of a web page or a word processor.
 */
export function isLookalikeBlank(code: number): boolean {
  return (
    code === 0x00a0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff ||
    code === 0x0b ||
    code === 0x0c
  );
}

/** The characters `isLookalikeBlank` accepts, to search a whole text natively: most texts have none. */
const LOOKALIKE_BLANK = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff\v\f]/;

/** Whether the text holds a blank that only looks like one; the formatters leave such lines alone. */
export function hasLookalikeBlank(text: string): boolean {
  return LOOKALIKE_BLANK.test(text);
}

/** Blanks that take no room on screen: deleting them, not replacing them, restores what was meant. */
export function isZeroWidthBlank(code: number): boolean {
  return code === 0x200b || code === 0xfeff;
}

/**
 * Format characters that show nothing on screen (joiners, the soft hyphen, bidirectional marks
 * and overrides) and are not blanks either: inside a word the daemon keeps them as part of it,
 * so `@vpn.example` with a soft hyphen is another ID than the one on screen.
 */
export function isInvisibleFormat(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x061c ||
    code === 0x180e ||
    (code >= 0x200c && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** The characters `isInvisibleFormat` accepts, for one native search of a whole text. */
const INVISIBLE_FORMAT = /[\u00ad\u061c\u180e\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]/;

export function hasInvisibleFormat(text: string): boolean {
  return INVISIBLE_FORMAT.test(text);
}

const CHARACTER_NAMES: Readonly<Record<number, string>> = {
  0x00a0: 'no-break space',
  0x00ad: 'soft hyphen',
  0x202f: 'narrow no-break space',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0xfeff: 'byte order mark',
  0x3000: 'ideographic space',
};

export function describeCharacter(code: number): string {
  if (code === 0x0b) return 'vertical tab';
  if (code === 0x0c) return 'form feed';
  const unicode = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = CHARACTER_NAMES[code];
  return name ? `${name} (${unicode})` : unicode;
}

/** The text with each blank or character that shows as nothing spelt out (`ri<U+200B>ght`), for messages that quote it. */
export function withVisibleCharacters(text: string): string {
  if (!hasLookalikeBlank(text) && !hasInvisibleFormat(text)) return text;
  let shown = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    shown += isLookalikeBlank(code) || isInvisibleFormat(code) ? `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>` : ch;
  }
  return shown;
}
