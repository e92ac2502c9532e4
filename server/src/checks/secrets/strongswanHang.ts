/** The shared-secret types whose IDs charon's stroke reader walks one by one (stroke_cred.c, load_shared). */
const SHARED_TYPES = new Set(['PSK', 'EAP', 'NTLM', 'XAUTH']);

/**
 * Whether charon's reader of ipsec.secrets loops forever on this line, as 5.9.8 was seen to: it
 * splits the line at ` : `, and when a word of the IDs before it starts with `#`, its ID reader
 * stops at the `#` without taking anything, and the loop over the IDs never ends. It gets there
 * only for a shared-secret type with a secret after it.
 */
export function strongswanHangsOn(line: string): boolean {
  const text = line.replace(/^[ \t]+/, '');
  if (text.startsWith('#')) return false;
  const separator = text.indexOf(' : ');
  if (separator < 0 || !/[ \t]#/.test(text.slice(0, separator))) return false;
  const [type, ...rest] = text.slice(separator + 3).trimStart().split(/[ \t]+/);
  const secret = rest.join(' ');
  return SHARED_TYPES.has(type) && secret.length > 0 && !secret.startsWith('#');
}
