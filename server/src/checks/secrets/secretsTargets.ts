import { DIALECTS } from '../../knowledge/ipsecConf/types';
import { DIALECT_TRAITS, type Dialect } from '../../knowledge/ipsecConf';
import { DIALECT_COMMENT, olderThanKnown } from '../../model/dialect';
import type { ParsedDocument } from '../../model/document';
import type { DialectTarget } from '../ipsecConf/dialectView';
import type { CheckContext } from '../rule';

/** The gateway's dialect, or a `# ipsec-dialect:` comment in the secrets file itself; else every daemon. */
export function secretsTargets(document: ParsedDocument<'ipsec-secrets'>, context: CheckContext): DialectTarget[] {
  const choice = context.dialect?.choice;
  const comment = DIALECT_COMMENT.exec(document.source.text.slice(0, 4096));
  const chosen = choice ?? (comment ? { dialect: comment[1].toLowerCase() as Dialect, version: comment[2] } : undefined);
  if (chosen) {
    const dialect = chosen.dialect;
    const version = chosen.version !== undefined && olderThanKnown(dialect, chosen.version) ? undefined : chosen.version;
    return [{ dialect, version, label: `${DIALECT_TRAITS[dialect].label}${version ? ` ${version}` : ''}` }];
  }
  return (context.dialect?.plausible ?? DIALECTS).map((dialect) => ({ dialect, label: DIALECT_TRAITS[dialect].label }));
}
