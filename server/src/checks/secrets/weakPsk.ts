import type { ParsedDocument } from '../../model/document';
import type { Span } from '../../text/sourceText';
import { defineRule, type Reporter } from '../rule';
import { PSK_PLACEHOLDER } from '../workspace/racoonPskEntry';

/** Fewer bytes of key than this make a pre-shared key guessable offline. */
const MIN_BYTES = 16;

/** How many bytes of key a written secret stands for: `0x` hex and `0s` base64 decoded, text as it is. */
export function keyBytes(written: string, quoted: boolean): number {
  if (!quoted && /^0x[0-9a-f_]+$/i.test(written)) return Math.floor(written.slice(2).replace(/_/g, '').length / 2);
  if (!quoted && /^0s[A-Za-z0-9+/=]+$/.test(written)) return Math.floor((written.slice(2).replace(/=+$/, '').length * 3) / 4);
  return Buffer.byteLength(written, 'utf8');
}

export const weakPsk = defineRule({
  code: 'weak-psk',
  fileKinds: ['ipsec-secrets', 'racoon-psk'],
  defaultSeverity: 'warning',
  title: 'A pre-shared key shorter than 16 bytes',
  description:
    "Whoever records one IKE exchange authenticated with a pre-shared key (or, for IKEv1 aggressive mode, merely listens) can test guesses of the key offline, as fast as their hardware allows. A short or typed-in key does not survive that. Use at least 16 random bytes, better 32: in ipsec.secrets `0s` and base64 (`openssl rand -base64 32`), in psk.txt `0x` and hex (`openssl rand -hex 32`). The key itself is never shown, only where it is. In the editor, the quick fix writes a new random 32-byte key in hex, made only when asked for (the CLI never prints one); the peer must then hold the same key.",
  check(document, report) {
    if (document.kind === 'ipsec-secrets') checkSecrets(document as ParsedDocument<'ipsec-secrets'>, report);
    else checkPskTxt(document as ParsedDocument<'racoon-psk'>, report);
  },
});

function checkSecrets(document: ParsedDocument<'ipsec-secrets'>, report: Reporter): void {
  for (const entry of document.ast.entries) {
    const type = entry.secretType?.text.toUpperCase() ?? 'PSK';
    const secret = entry.secretTokens[0];
    // XAUTH and EAP secrets are user passwords, which the IKE SA protects: only a PSK is exposed this way.
    if (type !== 'PSK' || !secret || secret.kind === 'open' || secret.kind === 'close') continue;
    if (secret.text.length > 0 && keyBytes(secret.text, secret.kind === 'string') < MIN_BYTES) reportShort(secret.span, '0s and 32 random bytes in base64 (openssl rand -base64 32)', report);
  }
}

function checkPskTxt(document: ParsedDocument<'racoon-psk'>, report: Reporter): void {
  for (const entry of document.ast.entries) {
    const key = entry.key;
    if (!key || key.text.length === 0 || key.text === PSK_PLACEHOLDER) continue;
    if (keyBytes(key.text, false) < MIN_BYTES) reportShort(key.span, '0x and 32 random bytes in hex (openssl rand -hex 32)', report);
  }
}

function reportShort(span: Span, better: string, report: Reporter): void {
  report({ span, message: `this pre-shared key is shorter than ${MIN_BYTES} bytes: anyone who records an IKE exchange can guess it offline; use a long random key such as ${better}` });
}
