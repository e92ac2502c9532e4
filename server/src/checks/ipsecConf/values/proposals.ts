import { DIALECT_TRAITS } from '../../../knowledge/ipsecConf';
import { algorithmReleases, algorithmWords, isKnownAlgorithm, PROPOSAL_SYNTAX } from '../../../knowledge/ipsecConf/algorithms';
import { libreswan3ReadAlgorithm } from '../../../knowledge/ipsecConf/libreswan3Algorithms';
import { closestWord } from './scalars';
import { anyRelease, type Release, type ValueProblem } from './release';

function splitWords(proposal: string, separators: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of proposal) {
    if (separators.includes(ch)) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

function unknownWord(word: string, value: string, release: Release): ValueProblem {
  const syntax = PROPOSAL_SYNTAX[release.dialect];
  if (/^\d+$/.test(word)) {
    const lengths = syntax.separateKeyLengths ? ` (key lengths: ${syntax.keyLengths.filter((n) => n >= 128).join(', ')})` : '';
    return { message: `"${word}" is neither an algorithm nor a key length${lengths}` };
  }
  const lower = word.toLowerCase();
  if (!syntax.caseInsensitive && isKnownAlgorithm(lower, release.dialect, release.version)) {
    return { message: `"${word}" must be written in lower case`, suggestion: value.replace(word, lower) };
  }
  if (release.dialect === 'strongswan' && word.includes(';')) {
    return { message: `"${word}": strongSwan separates every algorithm with "-" (";" is Libreswan syntax)`, suggestion: value.replace(word, word.replace(/;/g, '-')) };
  }
  const releases = algorithmReleases(word, release.dialect);
  if (releases !== undefined) {
    const label = DIALECT_TRAITS[release.dialect].label;
    const which = releases.from !== undefined ? `from ${label} ${releases.from} on` : `only before ${label} ${releases.until}`;
    return { message: `"${word}" is read ${which}, not by ${label} ${release.version ?? ''}`.trimEnd() };
  }
  const near = closestWord(word, algorithmWords(release.dialect, release.version));
  const hint = near === undefined ? '' : `: did you mean "${near}"?`;
  return { message: `"${word}" is not an algorithm this daemon knows${hint}`, suggestion: near === undefined ? undefined : value.replace(word, near), suggestionChangesMeaning: true };
}

/** A file pinned to Libreswan 3 may name what only 3.x read (serpent, twofish, cast). */
function readByOlderRelease(word: string, release: Release): boolean {
  return release.dialect === 'libreswan' && release.olderRelease !== undefined && libreswan3ReadAlgorithm(word);
}

/**
 * `ike=`/`esp=`/`ah=` proposals: comma-separated proposals of algorithm words. Word order and
 * which algorithm fits which slot are left to the daemon; this only finds words it will not
 * know and broken separators.
 */
export function checkProposals(value: string, release: Release): ValueProblem | undefined {
  const syntax = PROPOSAL_SYNTAX[release.dialect];
  let body = value;
  if (body.endsWith('!')) {
    if (!syntax.strictMark) return { message: 'the trailing "!" (accept only these proposals) is strongSwan syntax; this daemon rejects it', suggestion: value.slice(0, -1) };
    body = body.slice(0, -1);
  }
  if (!syntax.trimsBlanks && /\s/.test(body)) {
    return { message: 'blanks inside a proposal list are read as part of an algorithm name', suggestion: value.replace(/\s+/g, '') };
  }
  const unchecked = anyRelease(release, (t) => t.uncheckedProposalMark);
  const proposals = body.split(',').map((p) => (syntax.trimsBlanks ? p.trim() : p));
  for (const proposal of proposals) {
    if (unchecked && proposal.startsWith('!')) continue;
    if (proposal.length === 0) {
      if (syntax.trimsBlanks) continue;
      return { message: 'an empty proposal (a stray comma)' };
    }
    for (const raw of splitWords(proposal, syntax.separators)) {
      const word = syntax.trimsBlanks ? raw.trim() : raw;
      if (word.length === 0) {
        if (syntax.trimsBlanks) continue;
        return { message: `"${proposal}" has an empty algorithm between separators` };
      }
      if (!isKnownAlgorithm(word, release.dialect, release.version) && !readByOlderRelease(word, release)) return unknownWord(word, value, release);
    }
  }
  return undefined;
}
