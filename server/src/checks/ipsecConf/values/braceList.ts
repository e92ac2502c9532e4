/** What the Openswan and Libreswan scanners hand over for a `{...}` value: the text inside the braces. */
export function withoutBraces(value: string): string {
  return /^\{[^"\n]*\}$/.test(value) ? value.slice(1, -1) : value;
}
