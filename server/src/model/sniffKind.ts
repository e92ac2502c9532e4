import type { FileKind } from './fileKind';

/**
 * Guesses a file's kind from what it says, for files whose name tells nothing
 * (e.g. `west.conf` handed to the CLI by name). Looks only at the first few kilobytes.
 */
export function sniffFileKind(text: string): FileKind | undefined {
  const head = text.slice(0, 8192);
  if (/^#!\s*\S*setkey\s+-f/.test(head)) return 'setkey';
  if (/^(conn|config|ca)[ \t]+\S/m.test(head) || /^version[ \t]+2/m.test(head)) return 'ipsec';
  if (/^(remote|sainfo|listen|padding|timer|path)\b[^\n=]*[{;"]/m.test(head)) return 'racoon';
  if (/^\s*(spdadd|spdflush|flush|add|spddelete|spdupdate|deleteall)\b[^\n=]*(;|$)/m.test(head) && /;/.test(head)) return 'setkey';
  if (/(^|\s):\s*(PSK|RSA|ECDSA|EAP|XAUTH|NTLM|P12|PKCS8|PIN|PPKS?|BLISS)\b/m.test(head)) return 'ipsec-secrets';
  return undefined;
}
