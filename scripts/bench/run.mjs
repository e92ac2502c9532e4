// npm run bench: measures the CLI and the language server on generated meshes of gateways.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LspSession } from '../lib/lspSession.mjs';
import { hubEdits, hubTableLines, measureHub } from './hub.mjs';
import { BENCH_DIR, writeAddconnConfigs, writeMesh } from './mesh.mjs';
import { fmt1, median, ms, now, percentile, TIMED_ENV, timeCommand, timeOnce } from './timing.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '10,30,100').split(',').filter(Boolean).map(Number);
const HUB_PEERS = (process.env.BENCH_HUB_PEERS ?? '100,1000,10000').split(',').filter(Boolean).map(Number);
const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const ADDCONN = '/usr/libexec/ipsec/addconn';
const CLI = path.resolve('bin/ipsec-lint.js');
const SERVER = path.resolve('bin/ipsec-language-server.js');

const shellQuote = (text) => `'${text.replaceAll("'", "'\\''")}'`;

/**
 * addconn over every node, one process each, as the CLI's one run covers them all. The processes
 * are started by one shell, as a script would: started from Node, each would also pay Node's own
 * cost of starting a child (about 4 ms here, more than addconn's work), which is not addconn's.
 */
function addconnScript(configs) {
  const script = ['set -e', ...configs.map((config) => `${ADDCONN} --checkconfig --config ${shellQuote(config)} >/dev/null 2>&1`)].join('\n');
  // A timing is only worth something if addconn took every node.
  const check = spawnSync('/bin/sh', ['-c', script], { stdio: 'ignore', env: TIMED_ENV });
  if (check.status !== 0) throw new Error('addconn --checkconfig refused a node of the mesh');
  return script;
}

/**
 * Bare Node, the CLI and addconn (when installed), run in turns so that a busy spell of the
 * machine weighs on all of them: the medians of each.
 */
function timeCliNodeAddconn(root, addconnConfigs, runs = 7) {
  const cli = [];
  const node = [];
  const addconn = [];
  const script = addconnConfigs && addconnScript(addconnConfigs);
  for (let i = 0; i < runs; i++) {
    node.push(timeOnce(process.execPath, ['-e', '0']));
    cli.push(timeOnce(process.execPath, [CLI, '-f', 'json', root]));
    if (script) addconn.push(timeOnce('/bin/sh', ['-c', script]));
  }
  return { cliMs: median(cli), nodeMs: median(node), addconnMs: script ? median(addconn) : undefined };
}

function cliRun(root) {
  const result = spawnSync(process.execPath, [CLI, '-f', 'json', root], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const reports = JSON.parse(result.stdout);
  const errors = reports.flatMap((r) => r.messages.filter((m) => m.severity === 2));
  return { files: reports.length, errors };
}

async function measureServer(root, codes) {
  const session = new LspSession(SERVER);
  const coldStart = now();
  const started = performance.now();
  await session.initialize(root);
  const [a, b] = codes;
  const connFile = await session.open(path.join(root, a, 'etc', 'ipsec.d', `${b}.conf`));
  const first = await session.diagnostics(connFile);
  const coldMs = ms(coldStart);
  if (first.items.length !== 0) throw new Error(`unexpected diagnostics on a clean mesh: ${JSON.stringify(first.items[0])}`);
  const indexMs = (await session.indexingDone()) - started;

  const serverConf = await session.open(path.join(root, a, 'etc', 'ipsec.d', 'server.conf'));
  const peerFile = await session.open(path.join(root, b, 'etc', 'ipsec.d', `${a}.conf`));
  await session.diagnostics(serverConf);
  await session.diagnostics(peerFile);

  const localEdits = [];
  const original = session.text(connFile);
  for (let i = 0; i < EDITS; i++) {
    const start = now();
    await session.change(connFile, `${original}# edit ${i}\n`);
    const report = await session.diagnostics(connFile);
    localEdits.push(ms(start));
    if (report.items.length !== 0) throw new Error('a comment edit produced diagnostics');
  }

  const peerEdits = [];
  const serverText = session.text(serverConf);
  for (let i = 0; i < EDITS; i++) {
    const broken = i % 2 === 0;
    const start = now();
    await session.change(serverConf, broken ? serverText.replace(`@vpn.${a}.example`, `@gw.${a}.example`) : serverText);
    const report = await session.diagnostics(peerFile);
    peerEdits.push(ms(start));
    const flagged = report.items.some((d) => d.code === 'peer-id-mismatch');
    if (flagged !== broken) throw new Error(`peer file shows ${flagged ? 'a' : 'no'} mismatch after ${broken ? 'breaking' : 'restoring'} leftid`);
  }

  // What the editor asks next on the visible file: its code lens, which names the peer and the
  // pair's state from the peer matrix that the edit made stale.
  const lenses = [];
  for (let i = 0; i < EDITS; i++) {
    const broken = i % 2 === 0;
    await session.change(serverConf, broken ? serverText.replace(`@vpn.${a}.example`, `@gw.${a}.example`) : serverText);
    await session.diagnostics(peerFile);
    const start = now();
    const [lens] = await session.codeLens(peerFile);
    lenses.push(ms(start));
    const title = lens?.command?.title ?? '';
    if (broken ? !title.includes('peer-id-mismatch') : !title.endsWith('✓')) throw new Error(`the peer file's code lens says "${title}" after ${broken ? 'breaking' : 'restoring'} leftid`);
  }

  const hovers = [];
  for (let i = 0; i < EDITS; i++) {
    const start = now();
    const hover = await session.hover(connFile, { line: 0, character: 6 });
    hovers.push(ms(start));
    if (!hover) throw new Error('no hover on a conn name');
  }
  const completions = [];
  for (let i = 0; i < EDITS; i++) {
    const start = now();
    await session.completion(connFile, { line: 1, character: 1 }).catch(() => null);
    completions.push(ms(start));
  }
  const rss = session.rssMb();
  await session.close();
  return { coldMs, indexMs, localEdits, peerEdits, lenses, hovers, completions, rss };
}

/** How each figure grows from the smallest mesh to the largest, against how the mesh grows. */
function growthLines(rows) {
  if (rows.length < 2) return [];
  const [small, large] = [rows[0], rows.at(-1)];
  const ratio = (key) => (small[key] > 0 ? (large[key] / small[key]).toFixed(1) : '—');
  const scale = large.n / small.n;
  return [
    `From N=${small.n} to N=${large.n} (gateways ×${scale.toFixed(1)}, conns ×${(scale * ((large.n - 1) / (small.n - 1))).toFixed(1)}): ` +
      `CLI ×${ratio('cliOverNodeMs')}, index ×${ratio('indexMs')}, edit p50 ×${ratio('localEditP50')}, peer edit p50 ×${ratio('peerEditP50')}, cold start ×${ratio('coldStartMs')}, RSS ×${ratio('rssMb')}.`,
  ];
}

/** The project's targets, judged on the 30-gateway mesh when it was measured. */
function targetLines(rows) {
  const r = rows.find((row) => row.n === 30);
  if (!r) return [];
  const targets = [
    ['CLI − node ≤ addconn', r.addconnMs === undefined ? undefined : r.cliOverNodeMs <= r.addconnMs, `${fmt1(r.cliOverNodeMs)} vs ${fmt1(r.addconnMs)} ms`],
    ['cold start ≤ 300 ms', r.coldStartMs <= 300, `${fmt1(r.coldStartMs)} ms`],
    ['edit p95 ≤ 15 ms', r.localEditP95 <= 15, `${fmt1(r.localEditP95)} ms`],
    ['peer edit p95 ≤ 15 ms', r.peerEditP95 <= 15, `${fmt1(r.peerEditP95)} ms`],
    ['hover p95 ≤ 5 ms', r.hoverP95 <= 5, `${fmt1(r.hoverP95)} ms`],
    ['completion p95 ≤ 5 ms', r.completionP95 <= 5, `${fmt1(r.completionP95)} ms`],
    ['RSS ≤ 80 MB', r.rssMb <= 80, `${fmt1(r.rssMb)} MB`],
  ];
  return ['', 'Targets at N=30:', ...targets.map(([name, met, value]) => `- ${name}: ${met === undefined ? 'not measured (no addconn)' : met ? 'met' : 'MISSED'} (${value})`)];
}

async function main() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  mkdirSync(BENCH_DIR, { recursive: true });
  const bareNode = timeCommand(process.execPath, ['-e', '0']);
  const hasAddconn = existsSync(ADDCONN);
  const rows = [];
  for (const n of SIZES) {
    const { root, codes } = writeMesh(n);
    const check = cliRun(root);
    if (check.errors.length > 0) throw new Error(`the clean mesh has errors: ${JSON.stringify(check.errors[0])}`);
    const { cliMs, nodeMs, addconnMs } = timeCliNodeAddconn(root, hasAddconn ? writeAddconnConfigs(root, codes) : undefined);
    const server = await measureServer(root, codes);
    rows.push({
      n,
      files: check.files,
      cliMs,
      cliOverNodeMs: cliMs - nodeMs,
      addconnMs,
      coldStartMs: server.coldMs,
      indexMs: server.indexMs,
      localEditP50: percentile(server.localEdits, 50),
      localEditP95: percentile(server.localEdits, 95),
      peerEditP50: percentile(server.peerEdits, 50),
      peerEditP95: percentile(server.peerEdits, 95),
      lensP95: percentile(server.lenses, 95),
      hoverP95: percentile(server.hovers, 95),
      completionP95: percentile(server.completions, 95),
      rssMb: server.rss,
    });
  }
  const hubs = [];
  for (const peers of HUB_PEERS) hubs.push(await measureHub(peers, { cli: CLI, server: SERVER, edits: hubEdits(peers, EDITS) }));
  const header = '| N | files | CLI ms | CLI − node ms | addconn ms (all nodes) | (CLI − node) ÷ addconn | cold start → diagnostics ms | index ms | edit p50/p95 ms | peer edit p50/p95 ms | code lens after it p95 ms | hover p95 ms | completion p95 ms | RSS MB |';
  const lines = [header, '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ratio = r.addconnMs ? `×${(r.cliOverNodeMs / r.addconnMs).toFixed(1)}` : '—';
    lines.push(`| ${r.n} | ${r.files} | ${fmt1(r.cliMs)} | ${fmt1(r.cliOverNodeMs)} | ${fmt1(r.addconnMs)} | ${ratio} | ${fmt1(r.coldStartMs)} | ${fmt1(r.indexMs)} | ${fmt1(r.localEditP50)} / ${fmt1(r.localEditP95)} | ${fmt1(r.peerEditP50)} / ${fmt1(r.peerEditP95)} | ${fmt1(r.lensP95)} | ${fmt1(r.hoverP95)} | ${fmt1(r.completionP95)} | ${fmt1(r.rssMb)} |`);
  }
  lines.push('', ...growthLines(rows), ...targetLines(rows));
  if (hubs.length > 0) lines.push('', ...hubTableLines(hubs, bareNode));
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}; bare \`node -e 0\`: ${bareNode.toFixed(1)} ms${process.env.NODE_EXTRA_CA_CERTS ? ' (CLI and bare Node timed without the NODE_EXTRA_CA_CERTS this machine sets)' : ''}`;
  const table = `${lines.join('\n')}\n\n${machine}\n`;
  process.stdout.write(`\n${table}`);
  writeFileSync(path.join(BENCH_DIR, 'results.json'), JSON.stringify({ machine, bareNodeMs: bareNode, rows, hubs }, null, 2));
  writeFileSync(path.join(BENCH_DIR, 'results.md'), table);
}

// A failure mid-way leaves a server running, whose pipes would keep this process waiting: exit.
main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
