import path from 'node:path';
import { installSignalCleanup, runCleanly } from '../../negotiation/cleanup';
import { removeStaleNamespaces } from '../../negotiation/netns';
import { describeMissing, preflight } from '../../negotiation/preflight';
import { ensureStrongswan, strongswanMissing } from '../../negotiation/strongswan/install';
import { runLoadCampaign, type LoadCase, type LoadOutcome } from './campaign';

const USAGE = 'usage: npm run test:charon-load -- [--files N] [--show agree-refused,missed,...]';
const OUTCOMES: readonly LoadOutcome[] = ['agree-added', 'agree-refused', 'false-error', 'missed', 'unknown'];

function parse(argv: readonly string[]): { files?: number; show: Set<string> } {
  const out: { files?: number; show: Set<string> } = { show: new Set(['false-error', 'missed', 'unknown']) };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    if (argv[i] === '--files' && value) out.files = Number(argv[++i]);
    else if (argv[i] === '--show' && value) out.show = new Set(argv[++i].split(','));
    else throw new Error(`unknown argument ${argv[i]}\n${USAGE}`);
  }
  return out;
}

function summary(cases: readonly LoadCase[], show: ReadonlySet<string>): string[] {
  const lines = [`charon: ${cases.length} conns: ${OUTCOMES.map((o) => `${o} ${cases.filter((c) => c.outcome === o).length}`).join(', ')}`];
  for (const c of cases.filter((c) => show.has(c.outcome))) {
    const said = c.charon?.said ? ` (${c.charon.said.slice(0, 160)})` : '';
    lines.push(`  ${c.outcome}  ${c.file} conn ${c.conn}: charon ${c.charon?.verdict ?? 'said nothing'}${said}${c.ours.length > 0 ? `; ours: ${c.ours.map((o) => o.slice(0, 160)).join(' / ')}` : ''}`);
  }
  return lines;
}

async function main(): Promise<number> {
  const args = parse(process.argv.slice(2));
  const repo = process.cwd();
  const cacheDir = path.join(repo, '.cache', 'negotiation');
  const missing = [...preflight().missing, ...strongswanMissing(cacheDir)];
  if (missing.length > 0) {
    console.error(describeMissing(missing));
    return 2;
  }
  installSignalCleanup();
  removeStaleNamespaces();
  const tree = ensureStrongswan(cacheDir);
  const workDir = path.join(repo, '.cache', 'oracle', 'runs', `charon-load-${process.pid}`);
  const cases = await runLoadCampaign({ corpusRoot: path.resolve(repo, '..', 'shared', 'corpus'), lib: tree.lib, workDir, files: args.files, onFile: (done, total) => done % 50 === 0 && console.log(`${done}/${total} files`) });
  for (const line of summary(cases, args.show)) console.log(line);
  return cases.some((c) => c.outcome === 'false-error') ? 1 : 0;
}

runCleanly(main);
