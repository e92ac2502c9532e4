import type { SecretEntry } from '../parsing/secrets/ast';

/**
 * An ipsec.secrets PSK as bytes, in the forms every daemon reads alike: a quoted string without
 * backslashes, `0x` and hex digits, or `0s` and base64; undefined for anything else.
 */
export function secretBytes(entry: SecretEntry): Buffer | undefined {
  if (entry.secretTokens.length !== 1) return undefined;
  const [token] = entry.secretTokens;
  if (token.kind === 'string') return token.terminated && !token.text.includes('\\') ? Buffer.from(token.text, 'utf8') : undefined;
  if (token.kind !== 'word') return undefined;
  if (/^0x/i.test(token.text)) return hexBytes(token.text.slice(2), undefined);
  if (/^0s[A-Za-z0-9+/]+={0,2}$/.test(token.text)) {
    const bytes = Buffer.from(token.text.slice(2), 'base64');
    return bytes.toString('base64').replace(/=+$/, '') === token.text.slice(2).replace(/=+$/, '') ? bytes : undefined;
  }
  return undefined;
}

/** Hex digits as bytes, `skipped` characters left out; undefined for none, an odd count or a character that is no hex digit. */
export function hexBytes(text: string, skipped: RegExp | undefined): Buffer | undefined {
  const digits = skipped ? text.replace(skipped, '') : text;
  if (digits.length === 0 || digits.length % 2 !== 0 || /[^0-9a-fA-F]/.test(digits)) return undefined;
  return Buffer.from(digits, 'hex');
}

/**
 * The key a PSK entry holds, as bytes where its form is read alike by every daemon (see
 * `secretBytes`) or is a bare word, which strongSwan takes as it is (Libreswan refuses it, which
 * `secrets-psk-format` reports); undefined for other forms.
 */
export function pskKeyBytes(entry: SecretEntry): Buffer | undefined {
  const bytes = secretBytes(entry);
  if (bytes || entry.secretTokens.length !== 1) return bytes;
  const [token] = entry.secretTokens;
  return token.kind === 'word' && !/^0[xst]/i.test(token.text) ? Buffer.from(token.text, 'utf8') : undefined;
}
