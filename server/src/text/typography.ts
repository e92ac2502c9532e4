/** Typographic characters that word processors and web pages put where a config needs ASCII. */
interface Typographic {
  readonly name: string;
  /** What the user meant to type. */
  readonly ascii: string;
}

const TYPOGRAPHIC = new Map<number, Typographic>([
  [0x201c, { name: 'left double quotation mark (U+201C)', ascii: '"' }],
  [0x201d, { name: 'right double quotation mark (U+201D)', ascii: '"' }],
  [0x201e, { name: 'low double quotation mark (U+201E)', ascii: '"' }],
  [0x201f, { name: 'reversed double quotation mark (U+201F)', ascii: '"' }],
  [0x2033, { name: 'double prime (U+2033)', ascii: '"' }],
  [0x2018, { name: 'left single quotation mark (U+2018)', ascii: "'" }],
  [0x2019, { name: 'right single quotation mark (U+2019)', ascii: "'" }],
  [0x201a, { name: 'low single quotation mark (U+201A)', ascii: "'" }],
  [0x2032, { name: 'prime (U+2032)', ascii: "'" }],
  [0x2010, { name: 'hyphen (U+2010)', ascii: '-' }],
  [0x2011, { name: 'non-breaking hyphen (U+2011)', ascii: '-' }],
  [0x2012, { name: 'figure dash (U+2012)', ascii: '-' }],
  [0x2013, { name: 'en dash (U+2013)', ascii: '-' }],
  [0x2014, { name: 'em dash (U+2014)', ascii: '-' }],
  [0x2212, { name: 'minus sign (U+2212)', ascii: '-' }],
]);

export function typographicCharacter(code: number): Typographic | undefined {
  return TYPOGRAPHIC.get(code);
}
