import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { installSignalCleanup, runCleanly } from '../../negotiation/cleanup';
import { ensureLibreswan5, libreswan5Missing } from '../../negotiation/libreswan5';
import { DEBIAN_LIBRESWAN, type LibreswanBuild } from '../../negotiation/libreswanBuild';
import { removeStaleNamespaces } from '../../negotiation/netns';
import { describeMissing, preflight } from '../../negotiation/preflight';
import { disagreements, sweepBadValues, sweepGoodValues } from './badValueSweep';
import { runAddCampaign, type AddOutcome, type ConnCase } from './campaign';
import { goodSetupValues } from '../goodValueConns';
import { sweepSetupValues } from './setupSweep';

const USAGE = 'usage: npm run test:pluto-add -- [--files N] [--only 4.10|5.2|RELEASE] [--libexec DIR] [--show agree-refused,missed,...] [--values]';
const OUTCOMES: readonly AddOutcome[] = ['agree-added', 'agree-refused', 'false-error', 'missed', 'material', 'config-refused', 'unknown'];

interface Args {
  files?: number;
  only?: string;
  /** Another Libreswan's libexec/ipsec folder (a release built from source), run after the two usual ones. */
  libexec?: string;
  show: Set<string>;
  /** The per-key sweeps of wrong and right values instead of the corpus. */
  values?: boolean;
}

function parse(argv: readonly string[]): Args {
  const out: Args = { show: new Set(['false-error', 'missed', 'unknown']) };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--files' && value) out.files = Number(argv[++i]);
    else if (argv[i] === '--only' && value) out.only = argv[++i];
    else if (argv[i] === '--libexec' && value) out.libexec = argv[++i];
    else if (argv[i] === '--show' && value) out.show = new Set(argv[++i].split(','));
    else if (argv[i] === '--values') out.values = true;
    else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return out;
}

function summary(label: string, cases: readonly ConnCase[], show: ReadonlySet<string>): string[] {
  const counts = OUTCOMES.map((o) => `${o} ${cases.filter((c) => c.outcome === o).length}`).join(', ');
  const lines = [`${label}: ${cases.length} conns: ${counts}`];
  for (const c of cases.filter((c) => show.has(c.outcome))) {
    lines.push(`  ${c.outcome}  ${c.file} conn ${c.conn}: pluto ${c.pluto.verdict}${c.pluto.said ? ` (${c.pluto.said.slice(0, 160)})` : ''}${c.ours.length > 0 ? `; ours: ${c.ours.map((o) => o.slice(0, 160)).join(' / ')}` : ''}`);
  }
  return lines;
}

/** A Libreswan installed from source, its release read from `pluto --version`. */
function libreswanIn(libexec: string): LibreswanBuild {
  const pluto = path.join(libexec, 'pluto');
  const release = /^Libreswan (\d+\.\d+(?:\.\d+)?)/.exec(spawnSync(pluto, ['--version'], { encoding: 'utf8' }).stdout ?? '')?.[1];
  if (release === undefined) throw new Error(`${pluto} --version does not name a Libreswan release`);
  return { label: `Libreswan ${release} (${libexec})`, dialect: `libreswan-${release}`, pluto, whack: path.join(libexec, 'whack'), addconn: path.join(libexec, 'addconn') };
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  const repo = process.cwd();
  const cacheDir = path.join(repo, '.cache', 'negotiation');
  const missing = [...preflight().missing, ...libreswan5Missing(cacheDir)];
  if (missing.length > 0) {
    console.error(describeMissing(missing));
    return 2;
  }
  installSignalCleanup();
  removeStaleNamespaces();
  const extra = args.libexec !== undefined ? [libreswanIn(args.libexec)] : [];
  const builds: LibreswanBuild[] = [{ ...DEBIAN_LIBRESWAN, dialect: 'libreswan-4.10' }, ensureLibreswan5(cacheDir, (l) => console.log(l)), ...extra].filter((b) => !args.only || b.dialect.endsWith(args.only));
  let falseErrors = 0;
  for (const build of builds) {
    if (args.values) {
      const release = build.dialect.replace(/^libreswan-/, '');
      const sweeps = [
        ['conns with a wrong value', await sweepBadValues(build, release)],
        ['config setup keys with a wrong value', await sweepSetupValues(build, release)],
        ['conns with a value the knowledge takes', await sweepGoodValues(build, release)],
        ['config setup values the knowledge takes', await sweepSetupValues(build, release, goodSetupValues(release))],
      ] as const;
      for (const [what, cases] of sweeps) {
        const differing = disagreements(cases);
        console.log(`${build.label}: ${cases.length} ${what}, ${cases.filter((c) => c.pluto.verdict === 'added').length} added, ${differing.length} disagreeing`);
        for (const line of differing) console.log(`  ${line}`);
        falseErrors += differing.length;
      }
      continue;
    }
    const workDir = path.join(repo, '.cache', 'oracle', 'runs', `pluto-add-${process.pid}`);
    const cases = await runAddCampaign({ corpusRoot: path.resolve(repo, '..', 'shared', 'corpus'), build, workDir, files: args.files, onFile: (done, total) => done % 100 === 0 && console.log(`${build.label}: ${done}/${total} files`) });
    for (const line of summary(build.label, cases, args.show)) console.log(line);
    falseErrors += cases.filter((c) => c.outcome === 'false-error').length;
  }
  return falseErrors > 0 ? 1 : 0;
}

runCleanly(main);
