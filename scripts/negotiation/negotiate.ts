import { rmSync } from 'node:fs';
import { classify, type DaemonVerdict } from './classify';
import { isEventLine, parseLog, show } from './logs';
import { prepareNss, runtimeDir, sidePaths } from './layout';
import { NamespacePair } from './netns';
import type { Host, Pki } from './pki';
import type { LibreswanBuild } from './libreswanBuild';
import { Pluto } from './pluto';
import type { PairCase } from './spec';
import { peerOf, sideOf } from './spec';

export interface NegotiationOptions {
  /** Give up after this long without a decisive log line. */
  readonly timeoutMs: number;
  /** After a decisive line, wait this long for the other daemon's lines. */
  readonly graceMs: number;
  /** The Libreswan each end runs; Debian's 4.10 where absent. */
  readonly libreswan?: Partial<Record<Host, LibreswanBuild>>;
}

export const DEFAULT_NEGOTIATION: NegotiationOptions = { timeoutMs: 4000, graceMs: 250 };

/** One negotiation, started by `initiator`. */
export interface DirectionOutcome extends DaemonVerdict {
  readonly initiator: Host;
  readonly timedOut: boolean;
  /** From `whack --initiate` to the verdict. */
  readonly decideMs: number;
  readonly addconn: Record<Host, string>;
  readonly events: readonly string[];
}

/** The verdict of the pair: the first direction that fails, else the last one that came up. */
export interface NegotiationOutcome extends DirectionOutcome {
  readonly directions: readonly DirectionOutcome[];
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A tunnel "comes up" when it does whoever starts it: west initiates first and, when that
 * works, east initiates against fresh daemons. Settings that only hurt one direction (pfs with
 * IKEv1, tunnel against transport) are decided that way.
 */
export async function negotiate(pairDir: string, pair: PairCase, pki: Pki, options: NegotiationOptions = DEFAULT_NEGOTIATION): Promise<NegotiationOutcome> {
  const directions: DirectionOutcome[] = [];
  for (const initiator of ['west', 'east'] as const) {
    const outcome = await negotiateOnce(pairDir, pair, pki, initiator, options);
    directions.push(outcome);
    if (outcome.verdict === 'fails') break;
  }
  return { ...directions[directions.length - 1], directions };
}

/** Brings up namespaces and two plutos, lets `initiator` start, and tears everything down again. */
export async function negotiateOnce(pairDir: string, pair: PairCase, pki: Pki, initiator: Host, options: NegotiationOptions): Promise<DirectionOutcome> {
  const responder = peerOf(initiator);
  const namespaces = new NamespacePair();
  const plutos: Partial<Record<Host, Pluto>> = {};
  const t0 = Date.now();
  const base = { initiator, timedOut: false, addconn: { west: '', east: '' } };
  try {
    for (const side of [pair.west, pair.east]) {
      const runtime = runtimeDir(pairDir, `${initiator}-initiates`, side);
      rmSync(runtime, { recursive: true, force: true });
      const nss = prepareNss(runtime, side, pki);
      const p = sidePaths(pairDir, side);
      plutos[side.host] = new Pluto(namespaces.ns[side.host], { conf: p.conf, secrets: p.secrets, ipsecD: p.ipsecD, runtime, nss }, options.libreswan?.[side.host]);
    }
    namespaces.up();
    const west = plutos.west as Pluto;
    const east = plutos.east as Pluto;
    for (const host of ['west', 'east'] as const) {
      const refusal = await (plutos[host] as Pluto).start();
      if (refusal) return { ...base, verdict: 'fails', reason: 'config-rejected', line: `${host}: ${refusal}`, decideMs: Date.now() - t0, events: [] };
    }
    const addconn = { west: west.addconn(pair.west.connName), east: east.addconn(pair.east.connName) };
    const addconnText = { west: (addconn.west.stdout + addconn.west.stderr).trim(), east: (addconn.east.stdout + addconn.east.stderr).trim() };
    // addconn exits 0 for a conn it refuses ("conn … did not load properly"): read its words too.
    const refused = (h: Host): boolean => addconn[h].status !== 0 || /did not load|must use|failed|cannot|not found|unknown|error/i.test(addconnText[h]);
    const addconnErrors = (['west', 'east'] as const).filter(refused).map((h) => `${h}: addconn: ${firstLine(addconnText[h]) || `status ${addconn[h].status}`}`);
    const started = Date.now();
    const initiate = addconnErrors.length === 0 ? (plutos[initiator] as Pluto).initiate(sideOf(pair, initiator).connName) : undefined;
    const initiateError = initiate && initiate.status !== 0 ? [`${initiator}: whack --initiate: ${(initiate.stdout + initiate.stderr).trim()}`] : [];
    const input = (final: boolean) => ({
      westLog: west.log(),
      eastLog: east.log(),
      startErrors: [...addconnErrors, ...initiateError],
      crashed: (['west', 'east'] as const).filter((h) => !(plutos[h] as Pluto).alive()).map((h) => `${h}: pluto exited with ${(plutos[h] as Pluto).exitCode}`),
      final,
      responder,
    });
    let verdict = classify(input(false));
    let timedOut = false;
    while (!verdict) {
      if (Date.now() - started > options.timeoutMs) {
        timedOut = true;
        verdict = classify(input(true));
        break;
      }
      await sleep(50);
      verdict = classify(input(false));
    }
    const decideMs = Date.now() - started;
    if (!timedOut) {
      await sleep(options.graceMs);
      verdict = classify(input(true)) ?? verdict;
    }
    const events = [...parseLog('west', west.log()), ...parseLog('east', east.log())].filter(isEventLine).sort((a, b) => a.t - b.t).map(show);
    return { ...(verdict as DaemonVerdict), initiator, timedOut, decideMs, addconn: addconnText, events };
  } finally {
    await Promise.all([plutos.west?.stop(), plutos.east?.stop()]);
    namespaces.down();
  }
}
