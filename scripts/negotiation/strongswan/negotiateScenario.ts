import path from 'node:path';
import type { DaemonVerdict } from '../classify';
import { parseLog } from '../logs';
import { NamespacePair } from '../netns';
import type { Host, Pki } from '../pki';
import { Pluto } from '../pluto';
import { run } from '../tools';
import { Charon } from './charon';
import { classifyPairLogs, parseCharonLog, type PairLogLine } from './classifyCharon';
import { rekeyOutcome } from './rekey';
import { CONN_NAME, SUBNET, type Scenario, type ScenarioSide } from './scenarios';
import { nodeEtc, prepareScenarioNss } from './writeScenario';

export interface DirectionResult extends DaemonVerdict {
  readonly initiator: Host;
}

export interface ScenarioOutcome extends DaemonVerdict {
  readonly directions: readonly DirectionResult[];
}

const TIMEOUT_MS = 8000;
const GRACE_MS = 300;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

type Daemon = Charon | Pluto;

/** West initiates against fresh daemons, and east too when that came up (or only the sides the scenario says start it): the first failure, else the last success. */
export async function negotiateScenario(pairDir: string, scenario: Scenario, pki: Pki, strongswanLib: string): Promise<ScenarioOutcome> {
  const directions: DirectionResult[] = [];
  for (const initiator of scenario.startedBy ?? (['west', 'east'] as const)) {
    const verdict = await negotiateOnce(pairDir, scenario, pki, strongswanLib, initiator);
    directions.push({ ...verdict, initiator });
    if (verdict.verdict === 'fails') break;
  }
  return { ...directions[directions.length - 1], directions };
}

async function negotiateOnce(pairDir: string, scenario: Scenario, pki: Pki, strongswanLib: string, initiator: Host): Promise<DaemonVerdict> {
  const namespaces = new NamespacePair();
  const daemons: Partial<Record<Host, Daemon>> = {};
  try {
    namespaces.up();
    if (scenario.rekey) for (const host of ['west', 'east'] as const) namespaces.addLoopbackAddress(host, SUBNET[host].replace(/\.0\/\d+$/, '.1'));
    const startErrors: string[] = [];
    for (const side of [scenario.west, scenario.east]) {
      const runtime = path.join(pairDir, 'runtime', `${initiator}-initiates`, side.host);
      const daemon = makeDaemon(namespaces.ns[side.host], side, pairDir, runtime, pki, strongswanLib, scenario.rekey === true);
      daemons[side.host] = daemon;
      const problem = await startDaemon(daemon);
      if (problem) startErrors.push(`${side.host}: ${problem}`);
    }
    const lines = (): PairLogLine[] => [...logLines('west', daemons.west), ...logLines('east', daemons.east)];
    if (startErrors.length > 0) return classifyPairLogs({ lines: lines(), responder: peerOf(initiator), startErrors, final: true }) as DaemonVerdict;
    const starter = daemons[initiator] as Daemon;
    const started = Date.now();
    starter.initiate(CONN_NAME);
    let verdict = classifyPairLogs({ lines: lines(), responder: peerOf(initiator), startErrors, final: false });
    while (!verdict && Date.now() - started < TIMEOUT_MS) {
      await sleep(100);
      verdict = classifyPairLogs({ lines: lines(), responder: peerOf(initiator), startErrors, final: false });
    }
    await sleep(GRACE_MS);
    const final = classifyPairLogs({ lines: lines(), responder: peerOf(initiator), startErrors, final: true }) as DaemonVerdict;
    return scenario.rekey && final.verdict === 'up' ? await rekeyOutcome(lines, final) : final;
  } finally {
    await Promise.all([daemons.west?.stop(), daemons.east?.stop()]);
    for (const ns of Object.values(namespaces.ns)) killEverythingIn(ns);
    namespaces.down();
  }
}

function makeDaemon(ns: string, side: ScenarioSide, pairDir: string, runtime: string, pki: Pki, strongswanLib: string, userspaceIpsec: boolean): Daemon {
  const etc = nodeEtc(pairDir, side);
  if (side.daemon === 'strongswan') return new Charon(ns, { etc, runtime }, strongswanLib, userspaceIpsec);
  const nss = prepareScenarioNss(runtime, side, pki);
  return new Pluto(ns, { conf: path.join(etc, 'ipsec.conf'), secrets: path.join(etc, 'ipsec.secrets'), ipsecD: path.join(etc, 'ipsec.d'), runtime, nss });
}

/** Starts the daemon and has it load the conn; what went wrong, or undefined. */
async function startDaemon(daemon: Daemon): Promise<string | undefined> {
  if (daemon instanceof Charon) return daemon.start(CONN_NAME);
  const refusal = await daemon.start();
  if (refusal) return refusal;
  const added = daemon.addconn(CONN_NAME);
  const text = (added.stdout + added.stderr).trim();
  return added.status !== 0 || /did not load|must use|failed|cannot|not found|unknown|error/i.test(text) ? `addconn: ${text.split('\n')[0]}` : undefined;
}

function logLines(host: Host, daemon: Daemon | undefined): PairLogLine[] {
  if (!daemon) return [];
  if (daemon instanceof Charon) return parseCharonLog(host, daemon.log());
  return parseLog(host, daemon.log()).map((line) => ({ host, t: Math.round(line.t * 1000), text: line.text }));
}

function peerOf(host: Host): Host {
  return host === 'west' ? 'east' : 'west';
}

/** charon outlives a killed starter: nothing of ours may stay in the namespace. */
function killEverythingIn(ns: string): void {
  for (const pid of run('ip', ['netns', 'pids', ns]).stdout.split(/\s+/).filter((p) => /^\d+$/.test(p))) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already
    }
  }
}
