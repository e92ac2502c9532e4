import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { checkWorkspace } from '../../server/src/checks/workspaceEngine';
import { connLenses } from '../../server/src/features/codeLens';
import { buildPeerMatrix } from '../../server/src/features/peerMatrix';
import type { ParsedDocument } from '../../server/src/model/document';
import type { FileKind } from '../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../unit/workspace/memoryFiles';
import { checkCompletionAndHover } from './featureProperties';
import { mutate } from './mutate';
import { leaksSecret, SECRET_MARKER } from './secretMarker';
import { attempt, rangeInside, type Violation } from './violation';

const INCLUDE = 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n';
const PSK_LINE = `@vpn.fr.example @vpn.dk.example : PSK "${SECRET_MARKER}-pair"`;

/** Two gateways that peer with each other (FR and DK), plus a racoon host with its psk.txt and setkey file. */
const TEMPLATE: Readonly<Record<string, string>> = {
  '/ws/fr/etc/ipsec.conf': INCLUDE,
  '/ws/fr/etc/ipsec.d/server.conf': 'conn %default\n\tauthby=secret\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\tleftcert=fr.der\n\ttype=transport\n',
  '/ws/fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\tike=aes256-sha2_256-modp2048\n\tpfs=yes\n\tauto=add\nconn dk-l2tp\n\talso=dk\n',
  '/ws/fr/etc/ipsec.secrets': `${PSK_LINE}\n`,
  '/ws/dk/ipsec.conf': INCLUDE,
  '/ws/dk/ipsec.d/server.conf': 'conn %default\n\tauthby=secret\n\tleft=198.51.100.20\n\tleftid=@vpn.dk.example\n\ttype=transport\n',
  '/ws/dk/ipsec.d/fr.conf': 'conn fr\n\tright=192.0.2.10\n\trightid=@vpn.fr.example\n\tike=aes256-sha2_256-modp2048\n\tpfs=no\n\tauto=add\n',
  '/ws/dk/ipsec.secrets': `${PSK_LINE}\ninclude /etc/ipsec.d/*.secrets\n`,
};

/** Files filled from mutated corpus files of a kind, beside the template's. */
const FROM_CORPUS: ReadonlyArray<readonly [string, FileKind]> = [
  ['/ws/fr/etc/ipsec.d/corpus.conf', 'ipsec'],
  ['/ws/dk/ipsec.d/corpus.secrets', 'ipsec-secrets'],
  ['/ws/bsd/etc/racoon/racoon.conf', 'racoon'],
  ['/ws/bsd/etc/racoon/psk.txt', 'racoon-psk'],
  ['/ws/bsd/etc/racoon/setkey.conf', 'setkey'],
];

/**
 * One small mutated workspace through the whole gateway model and every cross-file rule: no
 * exception, every finding inside its document, no planted pre-shared key in any message, each
 * document's code lenses the same from its own matrix as from the whole one, and completion and
 * hover (which read the model) at a few offsets of one of its documents.
 */
export function checkWorkspaceProperties(seedText: (kind: FileKind) => string, rand: () => number): { violations: Violation[]; applied: string[] } {
  const violations: Violation[] = [];
  const applied: string[] = [];
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(TEMPLATE)) {
    if (rand() < 0.5) {
      files[name] = text;
      continue;
    }
    const mutated = mutate(text, rand);
    files[name] = mutated.text;
    applied.push(`${name.slice(4)}+${mutated.applied.join(',')}`);
  }
  for (const [name, kind] of FROM_CORPUS) files[name] = mutate(seedText(kind), rand).text;
  const secretsIntact = ['/ws/fr/etc/ipsec.secrets', '/ws/dk/ipsec.secrets'].every((name) => files[name].split(/\r?\n/).includes(PSK_LINE));

  attempt(violations, 'workspace', () => {
    const index = new WorkspaceIndex(new MemoryFiles(files));
    const model = index.model(['/ws/fr/etc/ipsec.conf', '/ws/dk/ipsec.conf'], [], ['/ws/bsd/etc/racoon/racoon.conf'], ['/ws/bsd/etc/racoon/setkey.conf']);
    const documents = new Map<string, ParsedDocument>();
    for (const node of model.nodes) for (const document of [...node.documents, ...node.secrets]) documents.set(document.uri, document);
    for (const host of model.racoonHosts) for (const document of [host.document, ...(host.psk ? [host.psk] : [])]) documents.set(document.uri, document);
    for (const document of model.setkeyFiles) documents.set(document.uri, document);
    const allFindings = checkWorkspace(model);
    // A document's code lenses come from a matrix of its own conns and their partners: they must be those of the whole matrix.
    const whole = buildPeerMatrix(model, allFindings);
    for (const uri of documents.keys()) {
      if (!isDeepStrictEqual(connLenses(buildPeerMatrix(model, allFindings, uri), uri), connLenses(whole, uri))) violations.push({ property: "a document's lenses as the whole matrix gives them", detail: uri });
    }
    for (const [uri, findings] of allFindings) {
      const document = documents.get(uri) ?? index.document(fileURLToPath(uri), kindOf(uri));
      for (const finding of findings) {
        if (document && !rangeInside(document.source, finding.range)) violations.push({ property: 'workspace range inside', detail: `${finding.code} ${uri} ${JSON.stringify(finding.range)}` });
        if (secretsIntact && leaksSecret(JSON.stringify([finding.message, finding.related, finding.fixes?.map((f) => f.title)]))) violations.push({ property: 'workspace message shows no secret', detail: finding.code });
      }
    }
    const candidates = [...documents.values()];
    const document = candidates[Math.floor(rand() * candidates.length)];
    if (document) {
      const offsets = [0, 1].map(() => Math.floor(rand() * (document.source.text.length + 1)));
      checkCompletionAndHover(document, model, offsets, secretsIntact, violations);
    }
  });
  return { violations, applied };
}

function kindOf(uri: string): FileKind {
  if (uri.endsWith('.secrets')) return 'ipsec-secrets';
  if (uri.endsWith('psk.txt')) return 'racoon-psk';
  if (uri.endsWith('racoon.conf')) return 'racoon';
  if (uri.endsWith('setkey.conf')) return 'setkey';
  return 'ipsec';
}
