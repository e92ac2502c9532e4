import { classify, type DaemonVerdict } from './classify';
import { isEventLine, parseLog, show } from './logs';
import { prepareNss, sidePaths } from './layout';
import { NamespacePair } from './netns';
import type { Host, Pki } from './pki';
import { Pluto } from './pluto';
import type { PairCase } from './spec';
import { INITIATOR } from './spec';

export interface NegotiationOptions {
  /** Give up after this long without a decisive log line. */
  readonly timeoutMs: number;
  /** After a decisive line, wait this long for the other daemon's lines. */
  readonly graceMs: number;
}

export const DEFAULT_NEGOTIATION: NegotiationOptions = { timeoutMs: 4000, graceMs: 250 };

export interface NegotiationOutcome extends DaemonVerdict {
  readonly timedOut: boolean;
  /** From `whack --initiate` to the verdict. */
  readonly decideMs: number;
  readonly addconn: Record<Host, string>;
  readonly events: readonly string[];
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Brings up namespaces and two plutos, lets west initiate, and tears everything down again. */
export async function negotiate(pairDir: string, pair: PairCase, pki: Pki, options: NegotiationOptions = DEFAULT_NEGOTIATION): Promise<NegotiationOutcome> {
  const namespaces = new NamespacePair();
  const plutos: Partial<Record<Host, Pluto>> = {};
  try {
    for (const side of [pair.west, pair.east]) {
      const nss = prepareNss(pairDir, side, pki);
      const p = sidePaths(pairDir, side);
      plutos[side.host] = new Pluto(namespaces.ns[side.host], { conf: p.conf, secrets: p.secrets, ipsecD: p.ipsecD, runtime: p.runtime, nss });
    }
    namespaces.up();
    const west = plutos.west as Pluto;
    const east = plutos.east as Pluto;
    await west.start();
    await east.start();
    const addconn = { west: west.addconn(pair.west.connName), east: east.addconn(pair.east.connName) };
    const addconnText = { west: (addconn.west.stdout + addconn.west.stderr).trim(), east: (addconn.east.stdout + addconn.east.stderr).trim() };
    // addconn exits 0 for a conn it refuses ("conn … did not load properly"): read its words too.
    const refused = (h: Host): boolean => addconn[h].status !== 0 || /did not load|must use|failed/i.test(addconnText[h]);
    const addconnErrors = (['west', 'east'] as const).filter(refused).map((h) => `${h}: addconn: ${firstLine(addconnText[h]) || `status ${addconn[h].status}`}`);
    const initiator = plutos[INITIATOR] as Pluto;
    const t0 = Date.now();
    const initiate = addconnErrors.length === 0 ? initiator.initiate(sideName(pair, INITIATOR)) : undefined;
    const initiateError = initiate && initiate.status !== 0 ? [`${INITIATOR}: whack --initiate: ${(initiate.stdout + initiate.stderr).trim()}`] : [];
    const input = (final: boolean) => ({
      westLog: west.log(),
      eastLog: east.log(),
      startErrors: [...addconnErrors, ...initiateError],
      crashed: (['west', 'east'] as const).filter((h) => !(plutos[h] as Pluto).alive()).map((h) => `${h}: pluto exited with ${(plutos[h] as Pluto).exitCode}`),
      final,
    });
    let verdict = classify(input(false));
    let timedOut = false;
    while (!verdict) {
      if (Date.now() - t0 > options.timeoutMs) {
        timedOut = true;
        verdict = classify(input(true));
        break;
      }
      await sleep(50);
      verdict = classify(input(false));
    }
    const decideMs = Date.now() - t0;
    if (!timedOut) {
      await sleep(options.graceMs);
      verdict = classify(input(true)) ?? verdict;
    }
    const events = [...parseLog('west', west.log()), ...parseLog('east', east.log())].filter(isEventLine).sort((a, b) => a.t - b.t).map(show);
    return { ...(verdict as DaemonVerdict), timedOut, decideMs, addconn: addconnText, events };
  } finally {
    await Promise.all([plutos.west?.stop(), plutos.east?.stop()]);
    namespaces.down();
  }
  function sideName(p: PairCase, host: Host): string {
    return host === 'west' ? p.west.connName : p.east.connName;
  }
}

