import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NamespacePair } from '../../negotiation/netns';
import { sleep } from '../../negotiation/processes';
import { Charon } from '../../negotiation/strongswan/charon';

/** What charon did with one conn starter handed it. */
export interface LoadVerdict {
  readonly verdict: 'added' | 'refused';
  /** charon's own words on a refusal. */
  readonly said: string;
}

/** A conn every charon takes, written last: once it is in, starter has handed over every conn. */
export const SENTINEL_CONN = 'zz-ipsec-lint-sentinel';
const SENTINEL = `\nconn ${SENTINEL_CONN}\n\tleft=192.0.2.1\n\tright=192.0.2.254\n\tauthby=secret\n\tike=aes128-sha256-modp2048!\n\tesp=aes128-sha256!\n\tauto=add\n`;

/**
 * charon's verdict on each conn, read from its log. Conns are added in parallel threads, so each
 * line is tied to the conn its thread last received ("received stroke: add connection"); a conn
 * joined to an earlier one with the same IKE settings ("added child to existing configuration")
 * counts as added.
 */
export function readLoadVerdicts(log: string): Map<string, LoadVerdict> {
  const verdicts = new Map<string, LoadVerdict>();
  const byThread = new Map<string, { conn: string; said: string[] }>();
  for (const line of log.split('\n')) {
    const match = /^\S+ (\d+)\[CFG\] (.*)$/.exec(line);
    if (!match) continue;
    const [, thread, text] = match;
    const received = /received stroke: add connection '([^']+)'/.exec(text);
    if (received) {
      byThread.set(thread, { conn: received[1], said: [] });
      continue;
    }
    const current = byThread.get(thread);
    if (!current) continue;
    if (/added configuration|added child to existing configuration/.test(text)) {
      verdicts.set(current.conn, { verdict: 'added', said: '' });
      byThread.delete(thread);
    } else if (/mandatory|can't be contained|not recognized|invalid|failed|unknown/.test(text)) {
      current.said.push(text.trim());
      // "skipped invalid proposal string" is the last word on a conn charon drops.
      if (/skipped invalid proposal string/.test(text)) {
        verdicts.set(current.conn, { verdict: 'refused', said: current.said.join(' | ') });
        byThread.delete(thread);
      }
    }
  }
  return verdicts;
}

/**
 * Loads an ipsec.conf (with a pre-shared key for every peer) into Debian's charon in a network
 * namespace of its own, and reads what it did with each conn named. A conn with no verdict after
 * the sentinel and a short wait is left out of the answer.
 */
export async function loadIntoCharon(conf: string, conns: readonly string[], lib: string): Promise<Map<string, LoadVerdict>> {
  const etc = mkdtempSync(path.join(tmpdir(), 'ngt-charon-load-'));
  const namespaces = new NamespacePair();
  let charon: Charon | undefined;
  try {
    mkdirSync(path.join(etc, 'ipsec.d'));
    writeFileSync(path.join(etc, 'ipsec.conf'), `${conf}\n${SENTINEL}`);
    writeFileSync(path.join(etc, 'ipsec.secrets'), ': PSK "ipsec-lint-oracle-key-not-secret"\n', { mode: 0o600 });
    namespaces.up();
    charon = new Charon(namespaces.ns.west, { etc, runtime: path.join(etc, 'run') }, lib);
    const failed = await charon.start(SENTINEL_CONN, 20_000);
    if (failed !== undefined) throw new Error(failed);
    const running = charon;
    const deadline = Date.now() + 3000;
    let verdicts = readLoadVerdicts(running.log());
    while (conns.some((conn) => !verdicts.has(conn)) && Date.now() < deadline) {
      await sleep(50);
      verdicts = readLoadVerdicts(running.log());
    }
    return new Map(conns.filter((conn) => verdicts.has(conn)).map((conn) => [conn, verdicts.get(conn) as LoadVerdict]));
  } finally {
    await charon?.stop();
    namespaces.down();
    rmSync(etc, { recursive: true, force: true });
  }
}
