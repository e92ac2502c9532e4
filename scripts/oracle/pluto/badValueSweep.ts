import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import type { LibreswanBuild } from '../../negotiation/libreswanBuild';
import { badValueConn, badValueConns } from '../badValueConns';
import { goodValueConns } from '../goodValueConns';
import { AddSession, type AddVerdict } from './addSession';
import { outcomeOf } from './campaign';

/** A conn of the sweep: what it sets, what pluto did with it, and ipsec-lint's errors on it. */
export interface SweepCase {
  readonly conn: string;
  readonly settings: readonly string[];
  readonly pluto: AddVerdict | { readonly verdict: 'crashed'; readonly said: string };
  readonly ours: readonly string[];
  /** pluto added it exactly when ipsec-lint has no error on it (or refused it for want of what the machine lacks). */
  readonly agrees: boolean;
}

/**
 * Conns that hold pluto's own value readers to account where a key's kind says too little:
 * marks (5.3 on refuse one it cannot read, a shunt skips it), dead peer detection times (5.x
 * reads them only where DPD runs), and bare numbers in text keys (which 4.x refuses).
 */
const HAND_CASES: readonly (readonly string[])[] = [
  ...['0xzz', '08', '0b101', '+5', '-1/0xff', '20/', '-2', '0x100000000', '20/0xf', '-1/0xffffffff', '20/0xffffffff', '0X1F/0XFF', 'abc'].map((mark) => [`mark=${mark}`]),
  ['mark-in=0x', 'mark-out=21/0xffffffff'],
  ['type=passthrough', 'authby=never', 'mark=0xzz'],
  ['keyexchange=ikev1', 'dpdtimeout=5x'],
  ['keyexchange=ikev1', 'dpddelay=5', 'dpdtimeout=5x'],
  ['keyexchange=ikev1', 'dpddelay=5x'],
  ['dpddelay=5x'],
  ['dpddelay=5', 'dpdtimeout=5x'],
  // Libreswan 4's scanner reads these as numbers, which its text keys cannot hold.
  ['leftid=5'],
  ['mark=5'],
  ['leftprotoport=17'],
  ['leftid="5"'],
  ['rightupdown=5'],
];

function sweepConns(release: string): { readonly name: string; readonly settings: readonly string[] }[] {
  const generated = badValueConns('libreswan', release).conns.map((c) => ({ name: c.conn, settings: [`${c.key}=${c.value}`] }));
  return [...generated, ...HAND_CASES.map((settings, i) => ({ name: `hand-${i}`, settings }))];
}

const SETUP = 'config setup\n\tikev1-policy=accept\n\n';

/** ipsec-lint's errors per conn, the whole sweep linted as one file pinned to the release. */
function errorsByConn(dir: string, release: string, conns: readonly { readonly name: string; readonly settings: readonly string[] }[]): Map<string, string[]> {
  const conf = path.join(dir, 'ipsec.conf');
  const text = `# ipsec-dialect: libreswan-${release}\n${SETUP}${conns.map((c, i) => badValueConn(c.name, i, c.settings)).join('\n')}`;
  writeFileSync(conf, text);
  const lines = text.split('\n');
  const connAt = (line: number): string | undefined => lines.slice(0, line + 1).reverse().find((l) => l.startsWith('conn '))?.slice(5);
  const errors = new Map<string, string[]>();
  for (const report of lintWorkspace([{ filePath: conf, kind: 'ipsec', explicit: true }])) {
    for (const finding of report.findings.filter((f) => f.severity === 'error')) {
      const conn = finding.conn ?? connAt(finding.range.start.line);
      if (conn !== undefined) errors.set(conn, [...(errors.get(conn) ?? []), `${finding.code}: ${finding.message}`]);
    }
  }
  return errors;
}

/**
 * One conn per typed Libreswan conn key with a value of the wrong form, and the hand-written
 * cases, each added on its own to `build`'s pluto (a fresh one after a crash), against ipsec-lint
 * pinned to `release`.
 */
export async function sweepBadValues(build: LibreswanBuild, release: string): Promise<SweepCase[]> {
  return sweepConnSettings(build, release, sweepConns(release));
}

/** One conn per conn key and value the knowledge says `release` takes: pluto must add each that ipsec-lint has no error on. */
export async function sweepGoodValues(build: LibreswanBuild, release: string): Promise<SweepCase[]> {
  return sweepConnSettings(build, release, goodValueConns(release).map((settings, index) => ({ name: `good-${index}`, settings })));
}

/** Each conn (its settings beside a pre-shared key to a peer of its own) added on its own to `build`'s pluto, a fresh one after a crash, against ipsec-lint pinned to `release`. */
export async function sweepConnSettings(build: LibreswanBuild, release: string, conns: readonly { readonly name: string; readonly settings: readonly string[] }[]): Promise<SweepCase[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ngt-sweep-'));
  const cases: SweepCase[] = [];
  let session: AddSession | undefined;
  try {
    const errors = errorsByConn(dir, release, conns);
    for (const conn of conns) {
      if (!session) {
        session = new AddSession(build);
        await session.start();
      }
      const file = path.join(dir, 'one', `${conn.name}.conf`);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${SETUP}${badValueConn(conn.name, 0, conn.settings)}`);
      const added = session.add(file, conn.name);
      const crashed = added.verdict === 'unknown' && !session.alive();
      const pluto = crashed ? { verdict: 'crashed' as const, said: added.said } : added;
      const ours = errors.get(conn.name) ?? [];
      const outcome = pluto.verdict === 'crashed' ? undefined : outcomeOf(pluto, ours);
      const agrees = outcome === undefined || outcome === 'config-refused' ? ours.length > 0 : outcome === 'agree-added' || outcome === 'agree-refused' || outcome === 'material';
      cases.push({ conn: conn.name, settings: conn.settings, pluto, ours, agrees });
      if (crashed) {
        await session.stop();
        session = undefined;
      }
    }
  } finally {
    await session?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return cases;
}

/** One line per case where ipsec-lint and pluto part ways. */
export function disagreements(cases: readonly SweepCase[]): string[] {
  return cases.filter((c) => !c.agrees).map((c) => `${c.settings.join(' ')}: pluto ${c.pluto.verdict}${c.pluto.said ? ` (${c.pluto.said.slice(0, 120)})` : ''}; ours: ${c.ours.length > 0 ? c.ours.map((o) => o.slice(0, 120)).join(' / ') : 'no error'}`);
}
