import type { DialectTarget } from '../../checks/ipsecConf/dialectView';
import { algorithmWords, isKnownAlgorithm, lastProposalWord, PROPOSAL_SYNTAX } from '../../knowledge/ipsecConf/algorithms';
import type { Dialect } from '../../knowledge/ipsecConf/types';
import { IPSEC_CONF_WEAK_WORDS, WEAK_FAMILIES } from '../../knowledge/weakAlgorithms';
import type { Position } from '../../text/sourceText';
import { rangeBack, type CompletionEntry } from './entry';

/**
 * Algorithm words for the word being typed in `ike=`, `esp=`, `ah=` or `phase2alg=`: those the
 * gateway's daemon reads (every plausible one's when it is not known), each saying which daemons
 * read it when not all of them do. Words the IPsec RFCs advise against are marked deprecated.
 */
export function proposalWordCompletions(typed: string, position: Position, targets: readonly DialectTarget[]): CompletionEntry[] {
  const word = lastProposalWord(typed);
  const range = rangeBack(position, word.length);
  const readers = new Map<string, string[]>();
  for (const target of targets) {
    for (const known of [...algorithmWords(target.dialect, target.version), ...gluedKeyLengths(target.dialect)]) {
      const list = readers.get(known) ?? [];
      if (!list.includes(target.label)) list.push(target.label);
      readers.set(known, list);
    }
  }
  const caseInsensitive = targets.every((target) => PROPOSAL_SYNTAX[target.dialect].caseInsensitive);
  return [...readers].map(([label, labels]) => {
    const weak = IPSEC_CONF_WEAK_WORDS.get(label.toLowerCase());
    const who = labels.length < targets.length ? labels.join(', ') : undefined;
    const detail = [who, weak && `weak: ${WEAK_FAMILIES[weak].name}`].filter((part) => part !== undefined).join('; ');
    return { label, kind: 'value', detail: detail || undefined, insertText: label, filterText: caseInsensitive ? label.toLowerCase() : label, range, deprecated: weak !== undefined };
  });
}

/** Every cipher with a key length glued on as the daemon reads it (`aes_gcm256`), which did-you-mean leaves out. */
function gluedKeyLengths(dialect: Dialect): string[] {
  const syntax = PROPOSAL_SYNTAX[dialect];
  return syntax.keyLengthBases.flatMap((base) => [128, 192, 256].map((length) => `${base}${length}`)).filter((word) => isKnownAlgorithm(word, dialect));
}
