import { DIALECTS } from '../../knowledge/ipsecConf/types';
import { DIALECT_TRAITS } from '../../knowledge/ipsecConf';
import { readDialectComment } from '../../model/dialect';
import type { ParsedDocument } from '../../model/document';
import type { DialectTarget } from '../ipsecConf/dialectView';
import type { CheckContext } from '../rule';

/** The gateway's dialect, or a `# ipsec-dialect:` comment in the secrets file itself; else every daemon. */
export function secretsTargets(document: ParsedDocument<'ipsec-secrets'>, context: CheckContext): DialectTarget[] {
  const choice = context.dialect?.choice;
  const chosen = choice ?? readDialectComment(document.source.text);
  if (chosen) {
    const { dialect, version } = chosen;
    return [{ dialect, version, label: `${DIALECT_TRAITS[dialect].label}${version ? ` ${version}` : ''}` }];
  }
  return (context.dialect?.plausible ?? DIALECTS).map((dialect) => ({ dialect, label: DIALECT_TRAITS[dialect].label }));
}
