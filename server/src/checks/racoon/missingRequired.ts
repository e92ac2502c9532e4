import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { childStatements, racoonStatements } from '../../parsing/racoon/walk';
import { defineRule, type Report } from '../rule';

/** What racoon insists on when it reaches a block's closing brace. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  remote: ['exchange_mode', 'proposal'],
  proposal: ['encryption_algorithm', 'hash_algorithm', 'authentication_method', 'dh_group'],
  sainfo: ['encryption_algorithm', 'authentication_algorithm', 'compression_algorithm'],
};

export const racoonMissingRequired = defineRule({
  code: 'racoon-missing-required',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A remote, proposal or sainfo block lacks a statement racoon requires',
  description:
    'racoon refuses to start when a `remote` block has no `exchange_mode` or no `proposal` (unless it inherits them), when a `proposal` lacks any of `encryption_algorithm`, `hash_algorithm`, `authentication_method` and `dh_group`, or when a `sainfo` lacks any of `encryption_algorithm`, `authentication_algorithm` and `compression_algorithm` (`compression_algorithm deflate;` is needed even if nothing is compressed). It also needs something to build an `asn1dn` identity from: a `certificate_type` or a quoted DN. Add the statements the message lists.',
  check(document, report) {
    for (const { statement } of racoonStatements(document.ast)) {
      const found = checkRequired(statement);
      if (found) report(found);
    }
  },
});

function checkRequired(statement: RacoonStatement): Report | undefined {
  const meaning = meaningOf(statement);
  if (meaning.kind !== 'known' || !statement.block) return undefined;
  const required = REQUIRED[meaning.directive.name];
  if (!required) return undefined;
  const inherits = statement.head.some((t) => t.kind === 'word' && t.text === 'inherit');
  if (inherits) return undefined;
  const children = childStatements(statement);
  // By what racoon reads: `exchange_modemain` is an exchange_mode statement.
  const present = new Set(children.map((s) => {
    const child = meaningOf(s);
    return child.kind === 'known' ? child.keyword.text : s.head[0]?.text;
  }));
  const missing = required.filter((name) => !present.has(name));
  const keyword = meaning.keyword;
  if (missing.length > 0) {
    const list = missing.map((m) => `\`${m}\``);
    const joined = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
    return { span: keyword.span, message: `This \`${meaning.directive.name}\` block has no ${joined}; racoon refuses to start without ${list.length === 1 ? 'it' : 'them'}. Add ${list.length === 1 ? 'it' : 'them'} inside the braces.` };
  }
  if (meaning.directive.name === 'remote' && asn1dnWithoutSource(children)) {
    return { span: keyword.span, message: 'This `remote` block uses `my_identifier asn1dn` with neither a quoted DN nor a `certificate_type` to take it from: racoon refuses it. Add `certificate_type x509 "cert" "key";` or write the DN in quotes.' };
  }
  return undefined;
}

function asn1dnWithoutSource(children: readonly RacoonStatement[]): boolean {
  const mine = children.filter((s) => s.head[0]?.text === 'my_identifier');
  const last = mine[mine.length - 1];
  if (!last || last.head[1]?.text !== 'asn1dn') return false;
  const hasValue = last.head.slice(2).some((t) => t.kind === 'string' || t.kind === 'word');
  const hasCertificate = children.some((s) => s.head[0]?.text === 'certificate_type');
  return !hasValue && !hasCertificate;
}
