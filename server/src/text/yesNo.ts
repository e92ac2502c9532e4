const YES: ReadonlySet<string> = new Set(['y', 'yes', 'true', 'on']);
const NO: ReadonlySet<string> = new Set(['n', 'no', 'false', 'off']);

/** How Libreswan's and Openswan's yes/no readers take a lower-case word: `y`, `yes`, `true`, `on` or their opposites; undefined for any other. */
export function yesNoReading(word: string): 'yes' | 'no' | undefined {
  if (YES.has(word)) return 'yes';
  return NO.has(word) ? 'no' : undefined;
}
