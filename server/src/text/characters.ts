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

export function describeCharacter(code: number): string {
  const names: Record<number, string> = {
    0x00a0: 'no-break space (U+00A0)',
    0x202f: 'narrow no-break space (U+202F)',
    0x200b: 'zero-width space (U+200B)',
    0xfeff: 'byte order mark (U+FEFF)',
    0x3000: 'ideographic space (U+3000)',
    0x0b: 'vertical tab',
    0x0c: 'form feed',
  };
  return names[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
