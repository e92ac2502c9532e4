/**
 * The words strongSwan's starter reads after a value's first word, as more of that value: its
 * grammar takes any run of words and quoted strings up to the end of the line (or a comment) and
 * joins them with one space (`charondebug=dmn 2,mgr 2`). Undefined when the text holds an `=` or
 * an unclosed quote, a syntax error. `rest` runs from the second word to the end of the line.
 */
export function strongswanMoreWords(rest: string): string[] | undefined {
  const words: string[] = [];
  let at = 0;
  while (at < rest.length) {
    const c = rest[at];
    if (c === ' ' || c === '\t') at++;
    else if (c === '#' || c === '\n') break;
    else if (c === '=') return undefined;
    else if (c === '"') {
      const close = closingQuote(rest, at + 1);
      if (close < 0) return undefined;
      words.push(rest.slice(at + 1, close));
      at = close + 1;
    } else {
      // A word runs to the next blank, quote, "=" or "#" (a leading "@#" belongs to it).
      const start = at;
      at += rest.startsWith('@#', at) ? 2 : 1;
      while (at < rest.length && !' \t"=#\n'.includes(rest[at])) at++;
      words.push(rest.slice(start, at));
    }
  }
  return words;
}

/** The index of the `"` that closes a string opened before `from` (a backslash escapes the next character), or -1. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
    else if (text[i] === '\n') return -1;
  }
  return -1;
}
