/** PSK, XAUTH and PPKS secrets in ipsec.secrets: the keyword, then a quoted string or one token. */
const SECRET = /(:\s*(?:PSK|XAUTH|PPKS)\s+)("[^"\n]*"|'[^'\n]*'|[^\s#]+)/gi;

/**
 * Replaces every secret in a pair's ipsec.secrets texts by a label that is the same for equal
 * secrets across both files (`‹key 1›`, `‹key 2›`), so a report shows whether they match
 * without showing them.
 */
export function redactSecrets<K extends string>(texts: Readonly<Record<K, string>>): Record<K, string> {
  const labels = new Map<string, string>();
  const out = {} as Record<K, string>;
  for (const key of Object.keys(texts) as K[]) {
    out[key] = texts[key].replace(SECRET, (_match, lead: string, secret: string) => {
      const value = secret.replace(/^["']|["']$/g, '');
      let label = labels.get(value);
      if (!label) {
        label = `‹key ${labels.size + 1}›`;
        labels.set(value, label);
      }
      return `${lead}"${label}"`;
    });
  }
  return out;
}
