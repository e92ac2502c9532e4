import type { FileKind } from '../../server/src/model/fileKind';

/** Planted in every secrets-bearing fuzz input; no completion, hover or message may contain it. */
export const SECRET_MARKER = 'FUZZSECRET';

const PLANTED: Partial<Record<FileKind, readonly string[]>> = {
  'ipsec-secrets': [`@fuzz-a @fuzz-b : PSK "${SECRET_MARKER}-psk"`, `: RSA fuzz.key "${SECRET_MARKER}-passphrase"`],
  'racoon-psk': [`192.0.2.99\t${SECRET_MARKER}-racoon`],
  setkey: [`add 192.0.2.1 192.0.2.2 esp 0x999 -E aes-cbc "${SECRET_MARKER}-setkey1";`],
};

/** The seed text with marker secrets of its kind appended (kinds without secrets are unchanged). */
export function plantSecret(kind: FileKind, text: string): string {
  const lines = PLANTED[kind];
  if (!lines) return text;
  const separator = text.endsWith('\n') || text.length === 0 ? '' : '\n';
  return `${text}${separator}${lines.join('\n')}\n`;
}

/**
 * Whether the marker appears only in planted lines that survived the mutations word for word:
 * only then is it surely a secret (a mutation that deletes `SK "` from `: PSK "…"`, in the line
 * or in a copy of it, turns the marker into a secret type or an ID, which messages may quote).
 */
export function secretIntact(kind: FileKind, text: string): boolean {
  const planted = PLANTED[kind];
  if (!planted) return false;
  const lines = text.split(/\r?\n/);
  const present = new Set(lines);
  return planted.every((line) => present.has(line)) && lines.every((line) => !leaksSecret(line) || planted.includes(line));
}

export function leaksSecret(output: string): boolean {
  return output.includes(SECRET_MARKER);
}
