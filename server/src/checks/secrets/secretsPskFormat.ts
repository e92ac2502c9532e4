import type { ParsedDocument } from '../../model/document';
import type { SecretEntry, SecretsToken } from '../../parsing/secrets/ast';
import type { Fix } from '../finding';
import { defineRule, type Report } from '../rule';
import { plutoReaders, secretsTargets } from './secretsTargets';

/** Types whose secret Libreswan and Openswan read as a quoted string or as data with a 0x, 0s or 0t prefix (ttodata). */
const DATA_TYPES = new Set(['PSK', 'XAUTH']);

/**
 * Why Libreswan's and Openswan's reader of prefixed data refuses an unquoted secret, or undefined
 * when it takes it. Never quotes the secret.
 */
export function unquotedSecretFault(written: string): string | undefined {
  const prefix = written.slice(0, 2).toLowerCase();
  const body = written.slice(2);
  if (prefix === '0x') {
    if (/[^0-9a-f_]/i.test(body)) return 'it starts with 0x but holds a character that is no hex digit';
    const digits = body.replace(/_/g, '').length;
    if (digits === 0) return 'nothing follows its 0x';
    return digits % 2 === 1 ? 'it has an odd number of hex digits, so its last byte is cut' : undefined;
  }
  if (prefix === '0s') {
    if (/[^A-Za-z0-9+/=_]/.test(body)) return 'it starts with 0s but holds a character that is not base64';
    const length = body.replace(/_/g, '').length;
    if (length === 0) return 'nothing follows its 0s';
    return length % 4 === 0 ? undefined : 'its base64 is cut short (not a multiple of 4 characters)';
  }
  if (prefix === '0t') return body.length === 0 ? 'nothing follows its 0t' : undefined;
  return 'it is not quoted and has no 0x (hex), 0s (base64) or 0t (text) prefix';
}

/** What makes Libreswan and Openswan skip a PSK or XAUTH entry's secret, with the span to show. */
function fault(entry: SecretEntry): { readonly token: SecretsToken; readonly why: string; readonly quotable: boolean } | undefined {
  const type = entry.secretType?.text.toUpperCase();
  const [secret, ...rest] = entry.secretTokens;
  if (type === undefined || !DATA_TYPES.has(type) || secret === undefined || secret.kind === 'open' || secret.kind === 'close') return undefined;
  if (secret.kind === 'word') {
    const why = unquotedSecretFault(secret.text);
    // A 0t secret runs to the end of the line, blanks included.
    if (why === undefined && /^0t/i.test(secret.text)) return undefined;
    if (why !== undefined) return { token: secret, why: `${why} ("PSK data malformed")`, quotable: !/^0[xst]/i.test(secret.text) && !secret.text.startsWith('`') };
  }
  const extra = rest[0];
  return extra ? { token: extra, why: 'more text follows the secret on its line ("expected record boundary in key")', quotable: false } : undefined;
}

export const secretsPskFormat = defineRule({
  code: 'secrets-psk-format',
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'Libreswan cannot read a pre-shared key as it is written',
  description:
    'Libreswan and Openswan read a `PSK` or `XAUTH` secret either in quotes or as data with a prefix: `0x` and hex digits (an even number; `_` may separate them), `0s` and base64, `0t` and text to the end of the line. An unquoted secret without one of these, one whose digits do not fit its prefix, or a line that goes on after the secret makes them skip the entry ("PSK data malformed", "expected record boundary in key", seen with pluto 4.10 and 5.4), so the tunnel that needs it fails to authenticate. strongSwan takes an unquoted secret as it is and ignores what follows it, so it is not judged; where the daemon is not known, a notice. The quick fix quotes an unprefixed secret. Messages never repeat a secret.',
  check(document, report, context) {
    const readers = plutoReaders(secretsTargets(document, context));
    if (!readers) return;
    const { who, unsure } = readers;
    const skip = readers.plural ? 'skip' : 'skips';
    for (const entry of document.ast.entries) {
      const found = fault(entry);
      if (found) report(finding(document, found, `${who} cannot read this secret and ${skip} the entry: ${found.why}${unsure ? '; strongSwan reads it' : ''}`, unsure));
    }
  },
});

function finding(document: ParsedDocument<'ipsec-secrets'>, found: NonNullable<ReturnType<typeof fault>>, message: string, unsure: boolean): Report {
  const { token, quotable } = found;
  const at = (offset: number) => document.source.rangeOf({ start: offset, end: offset });
  const fixes: Fix[] = quotable ? [{ title: 'Put the secret in double quotes', preferred: true, edits: [{ range: at(token.span.start), newText: '"' }, { range: at(token.span.end), newText: '"' }] }] : [];
  return { span: token.span, message, fixes, severity: unsure ? 'info' : undefined };
}
