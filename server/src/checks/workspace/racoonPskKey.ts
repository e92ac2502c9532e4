import path from 'node:path';
import type { ParsedDocument } from '../../model/document';
import type { PskEntry } from '../../parsing/psk/ast';
import { hexBytes } from '../../workspace/pskBytes';
import { pskLineFor } from '../../workspace/racoonHost';
import type { RacoonEnd } from '../../workspace/racoonPeers';
import { readPhase1 } from './racoonProposals';

/** racoon reads psk.txt with a 1,024-byte line buffer; a longer line is not read as one entry. */
const MAX_LINE = 1000;

/** The psk.txt line racoon uses with one peer, and the key's bytes as racoon reads them. */
export interface RacoonKey {
  readonly end: RacoonEnd;
  readonly psk: ParsedDocument<'racoon-psk'>;
  readonly entry: PskEntry;
  readonly bytes: Buffer;
}

/**
 * The key racoon uses with the peer of this remote, when it authenticates by pre-shared key in
 * main mode, where racoon looks the key up by the peer's address (the first line for it, or `*`).
 */
export function racoonKey(end: RacoonEnd): RacoonKey | undefined {
  const psk = end.host.psk;
  const address = end.remote.address;
  if (!psk || !address || !end.remote.statement.block) return undefined;
  const phase1 = readPhase1(end.remote.statement);
  if (!phase1 || phase1.modes.some((mode) => mode !== 'main') || phase1.proposals.some((p) => p.authentication !== 'pre_shared_key')) return undefined;
  const entry = pskLineFor(psk, address);
  if (!entry?.key || entry.span.end - entry.span.start > MAX_LINE) return undefined;
  const bytes = keyBytes(entry.key.text + (entry.endsWithCarriageReturn ? '\r' : ''));
  return bytes && { end, psk, entry, bytes };
}

/** The key as racoon reads it: hex after `0x` (blanks skipped), otherwise the text itself; undefined when racoon would refuse it. */
export function keyBytes(text: string): Buffer | undefined {
  if (!text.startsWith('0x')) return Buffer.from(text, 'utf8');
  return hexBytes(text.slice(2), /\s/g);
}

/** psk.txt's place, relative to the folder holding the host. */
export function racoonKeyFile(key: RacoonKey): string {
  const root = path.dirname(key.end.host.layout.root);
  return path.relative(root, key.end.host.pskPath.resolved) || key.end.host.pskPath.resolved;
}
