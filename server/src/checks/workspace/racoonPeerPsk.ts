import path from 'node:path';
import type { ParsedDocument } from '../../model/document';
import type { PskEntry } from '../../parsing/psk/ast';
import { racoonPairs, type RacoonEnd } from '../../workspace/racoonPeers';
import { defineWorkspaceRule } from '../workspaceRule';
import { readPhase1 } from './racoonProposals';

/** racoon reads psk.txt with a 1,024-byte line buffer; a longer line is not read as one entry. */
const MAX_LINE = 1000;

export const racoonPeerPskMismatch = defineWorkspaceRule({
  code: 'racoon-peer-psk-mismatch',
  fileKinds: ['racoon-psk'],
  defaultSeverity: 'error',
  title: 'Two racoon hosts hold different pre-shared keys for each other',
  description:
    "When two racoon hosts of the workspace authenticate each other with a pre-shared key in main mode, each looks the key up in its own psk.txt by the other's address (the first line for that address, or `*`). The two keys must be the same bytes: a `0x…` key is read as hex, anything else as written, including trailing blanks and a carriage return. Otherwise phase 1 fails on the hash check. The keys themselves are never shown. Compared only when both remotes use `pre_shared_key` in every proposal and main mode only.",
  check(model, report) {
    for (const pair of racoonPairs(model.racoonHosts, model.setkeyFiles)) {
      const a = keyOf(pair.a);
      const b = keyOf(pair.b);
      if (!a || !b || a.bytes.equals(b.bytes)) continue;
      for (const [here, there] of [
        [a, b],
        [b, a],
      ] as const) {
        report({
          document: here.psk,
          span: here.entry.identifier.span,
          message: `the pre-shared key on this line, used for ${here.end.remote.name}, is not the one the host at ${here.end.remote.name} holds for this host (${there.end.remote.name}, in ${hostFile(there)}): phase 1 authentication fails; put the same key in both files`,
          related: [{ document: there.psk, span: there.entry.identifier.span, message: "the other host's key line" }],
        });
      }
    }
  },
});

interface KeyLine {
  readonly end: RacoonEnd;
  readonly psk: ParsedDocument<'racoon-psk'>;
  readonly entry: PskEntry;
  readonly bytes: Buffer;
}

/** The key racoon would use with this end's peer, when it authenticates by pre-shared key looked up by address. */
function keyOf(end: RacoonEnd): KeyLine | undefined {
  const psk = end.host.psk;
  if (!psk || !end.remote.statement.block) return undefined;
  const phase1 = readPhase1(end.remote.statement);
  if (!phase1 || phase1.modes.some((mode) => mode !== 'main') || phase1.proposals.some((p) => p.authentication !== 'pre_shared_key')) return undefined;
  const entry = psk.ast.entries.find((e) => !e.indent && e.key && (e.identifier.text === '*' || e.identifier.text === end.remote.name));
  if (!entry?.key || entry.span.end - entry.span.start > MAX_LINE) return undefined;
  const bytes = keyBytes(entry.key.text + (entry.endsWithCarriageReturn ? '\r' : ''));
  return bytes && { end, psk, entry, bytes };
}

/** The key as racoon reads it: hex after `0x` (blanks skipped), otherwise the text itself; undefined when racoon would refuse it. */
export function keyBytes(text: string): Buffer | undefined {
  if (!text.startsWith('0x')) return Buffer.from(text, 'utf8');
  const rest = text.slice(2);
  if (/[^0-9a-fA-F\s]/.test(rest)) return undefined;
  const digits = rest.replace(/\s/g, '');
  if (digits.length === 0 || digits.length % 2 !== 0) return undefined;
  return Buffer.from(digits, 'hex');
}

function hostFile(line: KeyLine): string {
  const root = path.dirname(line.end.host.layout.root);
  return path.relative(root, line.end.host.pskPath.resolved) || line.end.host.pskPath.resolved;
}
