import { toAtoms } from '../../knowledge/racoon/atoms';
import type { ParsedDocument } from '../../model/document';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { childStatements, headSpan } from '../../parsing/racoon/walk';
import { hostStatements, type RacoonHost } from '../../workspace/racoonHost';
import { racoonPeering } from '../../workspace/racoonPeers';
import { defineWorkspaceRule } from '../workspaceRule';
import { sainfoHeaderOf } from '../racoon/sainfoSelector';
import { spelling } from './racoonProposals';

/** One algorithm of a sainfo list, with the key length written after it. */
interface Algorithm {
  readonly name: string;
  readonly keyLength?: number;
}

interface Phase2 {
  readonly document: ParsedDocument<'racoon'>;
  readonly statement: RacoonStatement;
  readonly encryption: readonly Algorithm[];
  readonly authentication: readonly Algorithm[];
}

export const racoonPeerPhase2Mismatch = defineWorkspaceRule({
  code: 'racoon-peer-phase2-mismatch',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: "Two racoon hosts' sainfos share no ESP encryption or authentication algorithm",
  description:
    "When two racoon hosts of the workspace point at each other and each has a single `sainfo anonymous` (which answers every pair of ids), phase 2 needs an `encryption_algorithm` and an `authentication_algorithm` both lists hold (`rijndael` is `aes`; a key length counts only where both give one). Otherwise the host that answers finds no acceptable proposal and the IPsec SAs are never made. Hosts with more than one sainfo, or a sainfo for particular ids, are not compared.",
  check(model, report) {
    for (const pair of racoonPeering(model).pairs) {
      const a = onlyAnonymousSainfo(pair.a.host);
      const b = onlyAnonymousSainfo(pair.b.host);
      if (!a || !b) continue;
      for (const key of ['encryption', 'authentication'] as const) {
        if (a[key].some((x) => b[key].some((y) => sameAlgorithm(x, y)))) continue;
        for (const [here, mine, theirs] of [
          [pair.a, a, b],
          [pair.b, b, a],
        ] as const) {
          report({
            document: mine.document,
            span: headSpan(mine.statement),
            message: `no ${key} algorithm of this sainfo (${mine[key].map(describe).join(', ')}) is among those of the host at ${here.remote.name} (${theirs[key].map(describe).join(', ')}): phase 2 finds no proposal and no IPsec SA is made; list one both accept`,
            related: [{ document: theirs.document, span: theirs.statement.head[0].span, message: "the other host's sainfo" }],
          });
        }
      }
    }
  },
});

/** The host's one sainfo when it is `sainfo anonymous` (both ids) with readable lists, else undefined. */
function onlyAnonymousSainfo(host: RacoonHost): Phase2 | undefined {
  const sainfos = hostStatements(host).filter(({ statement, depth }) => depth === 0 && statement.head[0]?.text === 'sainfo');
  if (sainfos.length !== 1) return undefined;
  const { statement, document } = sainfos[0];
  const header = sainfoHeaderOf(statement);
  if (!statement.block || !header || header.local.kind !== 'anonymous' || header.remote.kind !== 'anonymous' || header.from || header.group) return undefined;
  const lists = new Map<string, Algorithm[]>();
  for (const child of childStatements(statement)) {
    const meaning = meaningOf(child);
    if (meaning.kind !== 'known') continue;
    if (meaning.directive.name !== 'encryption_algorithm' && meaning.directive.name !== 'authentication_algorithm') continue;
    const algorithms = readList(meaning.args);
    if (!algorithms) return undefined;
    lists.set(meaning.directive.name, algorithms);
  }
  const encryption = lists.get('encryption_algorithm');
  const authentication = lists.get('authentication_algorithm');
  return encryption && authentication ? { document, statement, encryption, authentication } : undefined;
}

/** `aes 256, 3des`: each algorithm with its key length; undefined for anything else (a placeholder, a string). */
function readList(tokens: Parameters<typeof toAtoms>[0]): Algorithm[] | undefined {
  const algorithms: Algorithm[] = [];
  let current: { name: string; keyLength?: number } | undefined;
  for (const atom of toAtoms(tokens, false)) {
    if (atom.kind === 'comma') {
      if (!current) return undefined;
      algorithms.push(current);
      current = undefined;
    } else if (atom.kind === 'word' && !atom.placeholder && /^\d+$/.test(atom.text) && current && current.keyLength === undefined) {
      current.keyLength = Number(atom.text);
    } else if (atom.kind === 'word' && !atom.placeholder && /^[a-z0-9_]*[a-z][a-z0-9_]*$/.test(atom.text) && !current) {
      current = { name: spelling(atom.text) };
    } else {
      return undefined;
    }
  }
  if (current) algorithms.push(current);
  return algorithms.length > 0 ? algorithms : undefined;
}

function sameAlgorithm(a: Algorithm, b: Algorithm): boolean {
  return a.name === b.name && (a.keyLength === undefined || b.keyLength === undefined || a.keyLength === b.keyLength);
}

function describe(algorithm: Algorithm): string {
  return algorithm.keyLength === undefined ? algorithm.name : `${algorithm.name} ${algorithm.keyLength}`;
}
