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

const SETKEY_COMMAND = /^(?:add|get|delete|deleteall|flush|dump|spdadd|spdupdate|spddelete|spdflush|spddump)\b/;
const IPSEC_CONF_LINE = /^(?:conn|config|ca|version|include)\b/;

/** Whether a text's first statement is a setkey command and it has no ipsec.conf section: FreeBSD's /etc/ipsec.conf. */
export function holdsSetkeyCommands(text: string): boolean {
  const lines = text.slice(0, 8192).split('\n');
  const first = lines.find((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  if (first === undefined || !SETKEY_COMMAND.test(first.trim()) || !text.includes(';')) return false;
  return !lines.some((line) => IPSEC_CONF_LINE.test(line));
}

/**
 * FreeBSD keeps its setkey policies in /etc/ipsec.conf (rc.conf's `ipsec_file`): a file the name
 * makes an ipsec.conf that holds setkey commands is setkey's.
 */
export function refineKindByContent(kind: FileKind | undefined, text: string): FileKind | undefined {
  return kind === 'ipsec' && holdsSetkeyCommands(text) ? 'setkey' : kind;
}

/** A file's kind from its name (`byName`) as its text bears it out, else from the text alone. */
export function kindOfText(byName: FileKind | undefined, text: string): FileKind | undefined {
  return refineKindByContent(byName, text) ?? sniffFileKind(text);
}
