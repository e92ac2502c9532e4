import { toAtoms } from '../../knowledge/racoon/atoms';
import { dhGroupNumber } from '../../knowledge/racoon/values';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { childStatements } from '../../parsing/racoon/walk';

/** A phase 1 proposal as racoon compares it, every name in one spelling. */
export interface Phase1Proposal {
  readonly statement: RacoonStatement;
  readonly encryption: string;
  /** The key length written after the algorithm; undefined for the algorithm's default. */
  readonly keyLength?: number;
  readonly hash: string;
  readonly authentication: string;
  readonly group: number;
}

/** The phase 1 settings of a remote that two hosts must agree on. */
export interface Phase1 {
  readonly modes: readonly string[];
  readonly modeStatement: RacoonStatement;
  readonly proposals: readonly Phase1Proposal[];
}

/** Spellings racoon's lexer reads as the same algorithm (cftoken.l), in phase 1 and in sainfos. */
const SAME_ALGORITHM: Readonly<Record<string, string>> = {
  rijndael: 'aes',
  null_enc: 'null',
  sha2_256: 'sha256',
  sha2_384: 'sha384',
  sha2_512: 'sha512',
  hmac_sha256: 'hmac_sha2_256',
  hmac_sha384: 'hmac_sha2_384',
  hmac_sha512: 'hmac_sha2_512',
};

/** Methods that both ends write the same way; hybrid and XAuth methods come in client/server halves and GSS-API needs more than a name. */
const SYMMETRIC_METHODS: ReadonlySet<string> = new Set(['pre_shared_key', 'rsasig', 'dsssig', 'rsaenc', 'rsarev']);

/**
 * What a remote offers in phase 1, or undefined when any part is missing, inherited, glued or
 * otherwise not plain: then nothing is compared.
 */
export function readPhase1(remote: RacoonStatement): Phase1 | undefined {
  if (remote.head.some((token) => token.kind === 'word' && token.text === 'inherit')) return undefined;
  let modes: string[] | undefined;
  let modeStatement: RacoonStatement | undefined;
  const proposals: Phase1Proposal[] = [];
  for (const child of childStatements(remote)) {
    const meaning = meaningOf(child);
    if (meaning.kind !== 'known') {
      if (meaning.kind !== 'unchecked') return undefined;
      continue;
    }
    if (meaning.readAs) return undefined;
    if (meaning.directive.name === 'exchange_mode') {
      const words = plainWords(meaning.args, true);
      if (!words || words.length === 0) return undefined;
      modes = words;
      modeStatement = child;
    } else if (meaning.directive.name === 'proposal') {
      const proposal = readProposal(child);
      if (!proposal) return undefined;
      proposals.push(proposal);
    }
  }
  if (!modes || !modeStatement || proposals.length === 0) return undefined;
  return { modes, modeStatement, proposals };
}

function readProposal(statement: RacoonStatement): Phase1Proposal | undefined {
  const values = new Map<string, string[]>();
  for (const child of childStatements(statement)) {
    const meaning = meaningOf(child);
    if (meaning.kind !== 'known' || meaning.readAs) return undefined;
    const words = plainWords(meaning.args, false);
    if (!words) return undefined;
    values.set(meaning.directive.name, words);
  }
  const encryption = values.get('encryption_algorithm');
  const hash = values.get('hash_algorithm');
  const authentication = values.get('authentication_method');
  const group = values.get('dh_group');
  if (!encryption || !hash || !authentication || !group || hash.length !== 1 || authentication.length !== 1 || group.length !== 1) return undefined;
  if (encryption.length > 2 || (encryption.length === 2 && !/^\d+$/.test(encryption[1]))) return undefined;
  if (!SYMMETRIC_METHODS.has(authentication[0])) return undefined;
  const groupNumber = dhGroupNumber(group[0]);
  if (groupNumber === undefined) return undefined;
  return {
    statement,
    encryption: spelling(encryption[0]),
    keyLength: encryption.length === 2 ? Number(encryption[1]) : undefined,
    hash: spelling(hash[0]),
    authentication: authentication[0],
    group: groupNumber,
  };
}

/** One spelling for each algorithm racoon reads under two names. */
export function spelling(word: string): string {
  return SAME_ALGORITHM[word] ?? word;
}

/** The words of a statement's arguments, or undefined when any is a string, placeholder or something else. */
function plainWords(tokens: Parameters<typeof toAtoms>[0], dropCommas: boolean): string[] | undefined {
  const words: string[] = [];
  for (const atom of toAtoms(tokens, dropCommas)) {
    if (atom.kind !== 'word' || atom.placeholder) return undefined;
    words.push(atom.text);
  }
  return words;
}

/** Whether racoon on either side could accept a proposal of the other: same algorithms, method and group; a key length only where both write one. */
export function proposalsMatch(a: Phase1Proposal, b: Phase1Proposal): boolean {
  return (
    a.encryption === b.encryption &&
    a.hash === b.hash &&
    a.authentication === b.authentication &&
    a.group === b.group &&
    (a.keyLength === undefined || b.keyLength === undefined || a.keyLength === b.keyLength)
  );
}

export function describeProposal(p: Phase1Proposal): string {
  const encryption = p.keyLength === undefined ? p.encryption : `${p.encryption} ${p.keyLength}`;
  return `${encryption}/${p.hash}/${p.authentication}/group ${p.group}`;
}
