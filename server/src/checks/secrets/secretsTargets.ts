import { DIALECTS } from '../../knowledge/ipsecConf/types';
import { DIALECT_TRAITS } from '../../knowledge/ipsecConf';
import { joinNames } from '../../text/joinNames';
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

/**
 * What strongSwan does at an entry it cannot read: stroke_cred.c stops reading the file there, so
 * no entry after it is loaded either (seen with charon 5.9.8). Empty when strongSwan is ruled out.
 */
export function strongswanStopsHere(targets: readonly DialectTarget[]): string {
  return targets.some((target) => target.dialect === 'strongswan') ? ' (strongSwan stops reading the file here, and loads no entry after it)' : '';
}

/** The targets other than strongSwan, whose readers (Libreswan's and Openswan's, one lineage) judge an entry alike. */
export interface PlutoReaders {
  /** Their names, joined for a message. */
  readonly who: string;
  readonly plural: boolean;
  /** strongSwan is a target too, so a finding is only a notice. */
  readonly unsure: boolean;
}

/** The Libreswan and Openswan targets, or undefined when strongSwan is the only daemon the file may be read by. */
export function plutoReaders(targets: readonly DialectTarget[]): PlutoReaders | undefined {
  const readers = targets.filter((target) => target.dialect !== 'strongswan');
  if (readers.length === 0) return undefined;
  return { who: joinNames(readers.map((target) => target.label)), plural: readers.length > 1, unsure: readers.length < targets.length };
}
