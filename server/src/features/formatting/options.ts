export interface FormatOptions {
  /** `tab`, or a number of spaces. */
  readonly indent: 'tab' | number;
  /** Keep `key = value` spacing instead of writing `key=value` (ipsec.conf only). */
  readonly spacesAroundEquals: boolean;
}

export const DEFAULT_FORMAT: FormatOptions = { indent: 'tab', spacesAroundEquals: false };

/** One level of indentation as the options ask for it. */
export function indentUnit(options: FormatOptions): string {
  return options.indent === 'tab' ? '\t' : ' '.repeat(Math.max(1, Math.min(16, options.indent)));
}

/** Line numbers, first and last included, that a range formatting request covers. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}
