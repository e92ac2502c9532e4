// npm run bench:instructions: the CLI's work over a mesh in CPU instructions, counted by valgrind.
// Wall-clock times on a shared machine move by a tenth from one minute to the next; this count
// moves by about 0.1% between identical runs, so two builds can be compared one run each.
// Node runs single-threaded here, so that the count does not depend on when the background
// compiler finished: the count includes that compiler's work, which a normal run does on another core.
// V8 refuses a code cache made under other flags, so a copy of the CLI gets one made single-threaded.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeMesh } from './mesh.mjs';

const n = Number(process.argv[2] ?? 30);
const FLAGS = ['--single-threaded'];
const ENV = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));

function instructions(args) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ipsec-lint-callgrind-'));
  try {
    const out = path.join(dir, 'callgrind.out');
    const run = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`, process.execPath, ...FLAGS, ...args], { env: ENV, stdio: 'ignore' });
    if (run.error || run.status !== 0) throw new Error(`valgrind failed (${run.error?.message ?? `exit ${run.status}`}); is it installed?`);
    const totals = /^totals: (\d+)/m.exec(readFileSync(out, 'utf8'));
    if (!totals) throw new Error('valgrind wrote no instruction count');
    return Number(totals[1]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A copy of the bin and the bundle, with a code cache made under FLAGS by one run over the mesh. */
function cliWithCache(dir, root) {
  mkdirSync(path.join(dir, 'bin'));
  mkdirSync(path.join(dir, 'dist'));
  for (const file of ['bin/ipsec-lint.js', 'bin/load-bundle.js', 'dist/cli.js']) copyFileSync(file, path.join(dir, file));
  const cli = path.join(dir, 'bin', 'ipsec-lint.js');
  // The loader names the cache after these options, so the counted runs find it.
  execFileSync(process.execPath, [...FLAGS, cli, '-f', 'json', root], { env: { ...ENV, IPSEC_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
  return cli;
}

execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const { root } = writeMesh(n);
const copy = mkdtempSync(path.join(os.tmpdir(), 'ipsec-lint-copy-'));
let node;
let cli;
try {
  const copied = cliWithCache(copy, root);
  node = instructions(['-e', '0']);
  cli = instructions([copied, '-f', 'json', root]);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
const millions = (count) => `${(count / 1e6).toFixed(0)} M`;
console.log(`N=${n}: CLI ${millions(cli)} instructions, bare Node ${millions(node)}, CLI − node ${millions(cli - node)}`);
