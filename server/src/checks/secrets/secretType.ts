import { editDistance, lookupSecretType, SECRET_TYPES, SECRETS_TRAITS, suggestSecretType, type SecretType } from '../../knowledge/ipsecConf';
import { olderReleaseFrom } from '../../model/dialect';
import type { ParsedDocument } from '../../model/document';
import type { SecretEntry, SecretsToken } from '../../parsing/secrets/ast';
import type { DialectTarget } from '../ipsecConf/dialectView';
import type { Fix } from '../finding';
import type { Report } from '../rule';
import { secretsTargets, strongswanStopsHere } from './secretsTargets';
import { defineRule } from '../rule';

/** Types whose key strongSwan loads from a file named after the type; it has no inline `{ … }` form. */
const FILE_KEY_TYPES = new Set(['RSA', 'ECDSA', 'PKCS8', 'P12', 'BLISS']);

interface Objection {
  readonly target: DialectTarget;
  readonly reason: string;
  readonly suggestion?: string;
}

/** Why this daemon will not load the entry, or undefined when it will. */
function objection(type: SecretType, word: string, entry: SecretEntry, target: DialectTarget): Objection | undefined {
  const { dialect, version, label } = target;
  if (!SECRETS_TRAITS[dialect].caseInsensitiveTypes && word !== type.name) {
    return { target, reason: `${label} only knows the type in capitals, ${type.name}`, suggestion: type.name };
  }
  const lookup = lookupSecretType(type.name, dialect, version);
  if (lookup.status !== 'valid' && lookup.status !== 'deprecated') {
    return { target, reason: `${label} does not read ${type.name} entries${lookup.availability?.note ? `: ${lookup.availability.note}` : ''}` };
  }
  if (entry.block !== undefined && dialect === 'strongswan' && FILE_KEY_TYPES.has(type.name)) {
    return { target, reason: `strongSwan reads ${type.name} keys from a file; an inline { … } key is not supported` };
  }
  if (entry.block === undefined && dialect === 'libreswan' && type.name === 'RSA') {
    return { target, reason: 'Libreswan skips RSA entries that name a key file: import the key into its NSS database instead' };
  }
  return undefined;
}

function unknownType(word: SecretsToken, document: ParsedDocument<'ipsec-secrets'>, targets: readonly DialectTarget[]): Report {
  const candidates = [...new Set(targets.flatMap((t) => suggestSecretType(word.text, t.dialect, t.version)))];
  const nearest = Math.min(...candidates.map((c) => editDistance(word.text.toUpperCase(), c, 2)));
  const suggestions = SECRET_TYPES.map((t) => t.name).filter((n) => candidates.includes(n) && editDistance(word.text.toUpperCase(), n, 2) === nearest);
  const fixes: Fix[] = suggestions.slice(0, 3).map((name, i) => ({ title: `Change to ${name}`, preferred: i === 0 && suggestions.length === 1, edits: [{ range: document.source.rangeOf(word.span), newText: name }] }));
  // The word may be a secret written without quotes: it is only repeated when it is clearly a misspelt type.
  const message =
    suggestions.length > 0
      ? `"${word.text}" is not a secret type: did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?`
      : `the word after ":" is not a secret type (such as ${SECRET_TYPES.slice(0, 4).map((t) => t.name).join(', ')}): quote a pre-shared key and write its type, e.g. : PSK "…"`;
  return { span: word.span, message, fixes };
}

export const secretType = defineRule({
  code: 'secret-type',
  fileKinds: ['ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'A secret type the daemon does not read',
  description:
    "The word after `:` says what the secret is (`PSK`, `RSA`, `XAUTH`, `EAP`, `PPKS` …). A misspelt type loses the secret: strongSwan stops reading the file there, Libreswan and Openswan skip the entry. When the gateway's dialect is known, a type that daemon does not support is reported too (Libreswan reads no `RSA`, `ECDSA` or `EAP` entries; strongSwan has no `PPKS` and wants types in capitals and key files rather than inline `{ … }` keys); that is a warning where the daemon only skips the entry. An entry without a type (`%any : \"secret\"`, Openswan's old form of a PSK entry) is skipped by Libreswan from 3.9 on (seen with pluto 4.10 and 5.4) and stops strongSwan's reading of the file; the quick fix writes `PSK` before the secret. Messages never repeat a secret.",
  check(document, report, context) {
    const targets = secretsTargets(document, context);
    for (const entry of document.ast.entries) {
      const word = entry.secretType;
      if (word === undefined && entry.secretTokens[0]?.kind === 'string') {
        const typeless = typelessEntry(document, entry.secretTokens[0], targets, context.dialect?.choice?.olderRelease);
        if (typeless) report(typeless);
        continue;
      }
      if (word === undefined || word.kind !== 'word') continue;
      const type = SECRET_TYPES.find((t) => t.name.toLowerCase() === word.text.toLowerCase());
      if (type === undefined) {
        const unknown = unknownType(word, document, targets);
        report({ ...unknown, message: `${unknown.message}${strongswanStopsHere(targets)}` });
        continue;
      }
      const objections = targets.map((t) => objection(type, word.text, entry, t));
      if (objections.some((o) => o === undefined)) continue;
      const all = objections.filter((o): o is Objection => o !== undefined);
      const suggestion = all.find((o) => o.suggestion !== undefined)?.suggestion;
      const stops = all.some((o) => SECRETS_TRAITS[o.target.dialect].unknownType === 'stop-reading');
      const fixes: Fix[] = suggestion === undefined ? [] : [{ title: `Change to ${suggestion}`, preferred: true, edits: [{ range: document.source.rangeOf(word.span), newText: suggestion }] }];
      const consequence = stops ? ' (strongSwan stops reading the file here)' : '';
      report({ span: word.span, message: `${all.map((o) => o.reason).join('; ')}${consequence}`, fixes, severity: stops ? undefined : 'warning' });
    }
  },
});

/**
 * `selectors : "secret"`, Openswan's old form of a PSK entry: Libreswan reads no such entry since
 * 3.9 (pluto logs "ignored unrecognized keyword" and skips it) and strongSwan stops reading the file.
 */
function typelessEntry(document: ParsedDocument<'ipsec-secrets'>, secret: SecretsToken, targets: readonly DialectTarget[], olderRelease: string | undefined): Report | undefined {
  // A file pinned to a Libreswan 3 release before 3.9, or to no particular one, may be read by one that took the old form.
  const olderTook = olderRelease !== undefined && olderReleaseFrom(olderRelease, '3.9') !== true;
  const reasons = targets.flatMap((target) => {
    if (target.dialect === 'libreswan' && !olderTook) return [`${target.label} skips it`];
    if (target.dialect === 'strongswan') return [`${target.label} stops reading the file here`];
    return [];
  });
  if (reasons.length === 0) return undefined;
  const at = document.source.rangeOf({ start: secret.span.start, end: secret.span.start });
  return {
    span: secret.span,
    message: `this entry names no type (Openswan's old form of a PSK entry): ${reasons.join(', and ')}; write PSK before the secret`,
    fixes: [{ title: 'Write the type PSK before the secret', preferred: true, edits: [{ range: at, newText: 'PSK ' }] }],
    severity: reasons.length < targets.length ? 'info' : undefined,
  };
}
