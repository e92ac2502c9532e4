// The bench's large racoon and setkey files: one hub host with thousands of peers, through the
// CLI and through the language server (edits sent as the editor sends them, diagnostics pulled and
// checked after each).
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LspSession } from '../lib/lspSession.mjs';
import { policyLines, pskLine, writeRacoonHub } from './racoonHub.mjs';
import { fmt1, median, ms, now, percentile, timeOnce } from './timing.mjs';

/** The blank line after racoon.conf's listen block, where comment edits go. */
const RACOON_EDIT_LINE = 6;
/** `exchange_mode` in the first remote. */
const RACOON_STATEMENT = { line: 8, character: 3 };

function cliFindings(cli, root) {
  const result = spawnSync(process.execPath, [cli, '-f', 'json', root], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return JSON.parse(result.stdout).flatMap((r) => r.messages);
}

/** Pulls the file's diagnostics and checks that they are what the edit should give. */
async function expectCodes(session, uri, expected, what) {
  const codes = (await session.diagnostics(uri)).items.map((d) => d.code).sort();
  if (codes.join(' ') !== [...expected].sort().join(' ')) throw new Error(`${what}: expected [${expected.join(', ')}], the server gave [${codes.join(', ')}]`);
}

/** How long each of `count` runs of `step` took. */
async function timeEach(count, step) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = now();
    await step(i);
    times.push(ms(start));
  }
  return times;
}

/** Times `edits` edits that alternately break and restore, each followed by the diagnostics it should give. */
function timeEdits(edits, edit) {
  // An even number, so that the last edit restores what the first broke.
  if (edits % 2 !== 0) throw new Error(`edits must come in pairs, not ${edits}`);
  return timeEach(edits, (i) => edit(i % 2 === 0));
}

export async function measureHub(peers, { cli, server, edits }) {
  const hub = writeRacoonHub(peers);
  const files = [hub.racoonConf, hub.pskTxt, hub.setkeyConf];
  const megabytes = files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
  const findings = cliFindings(cli, hub.root);
  if (findings.length > 0) throw new Error(`the ${peers}-peer hub has findings: ${JSON.stringify(findings[0])}`);
  const cliMs = median([0, 1, 2].map(() => timeOnce(process.execPath, [cli, '-f', 'json', hub.root])));

  const session = new LspSession(server);
  const coldStart = now();
  await session.initialize(hub.root);
  const racoon = await session.open(hub.racoonConf, 'racoon');
  await expectCodes(session, racoon, [], 'racoon.conf when opened');
  const coldMs = ms(coldStart);
  const psk = await session.open(hub.pskTxt, 'racoon-psk');
  const setkey = await session.open(hub.setkeyConf, 'setkey');
  await expectCodes(session, psk, [], 'psk.txt when opened');
  await expectCodes(session, setkey, [], 'setkey.conf when opened');

  const peer = Math.floor(peers / 2);
  const racoonEdits = await timeEdits(edits, async (insert) => {
    await session.replaceLines(racoon, RACOON_EDIT_LINE, insert ? RACOON_EDIT_LINE : RACOON_EDIT_LINE + 1, insert ? '# an edit\n' : '');
    await expectCodes(session, racoon, [], 'racoon.conf after a comment edit');
  });
  const pskText = readFileSync(hub.pskTxt, 'utf8').split('\n')[pskLine(peer)];
  const pskEdits = await timeEdits(edits, async (remove) => {
    await session.replaceLines(psk, pskLine(peer), remove ? pskLine(peer) + 1 : pskLine(peer), remove ? '' : `${pskText}\n`);
    await expectCodes(session, racoon, remove ? ['racoon-psk-missing'] : [], `racoon.conf after ${remove ? 'removing' : 'restoring'} a peer's key in psk.txt`);
  });
  const policies = policyLines(peer);
  const policyText = readFileSync(hub.setkeyConf, 'utf8').split('\n').slice(policies.from, policies.from + policies.count).join('\n');
  const setkeyEdits = await timeEdits(edits, async (remove) => {
    await session.replaceLines(setkey, policies.from, remove ? policies.from + policies.count : policies.from, remove ? '' : `${policyText}\n`);
    await expectCodes(session, racoon, remove ? ['racoon-sainfo-policy'] : [], `racoon.conf after ${remove ? 'removing' : 'restoring'} a peer's policies in setkey.conf`);
  });
  const hovers = await timeEach(edits, async () => {
    if (!(await session.hover(racoon, RACOON_STATEMENT))) throw new Error('no hover on a racoon.conf keyword');
  });
  const completions = await timeEach(edits, async () => {
    const list = await session.completion(racoon, { line: RACOON_STATEMENT.line, character: 1 });
    if (!(list?.items ?? list)?.length) throw new Error('no completion at a statement in a remote block');
  });
  const rssMb = session.rssMb();
  await session.close();
  const p = (values) => ({ p50: percentile(values, 50), p95: percentile(values, 95) });
  return {
    peers,
    edits,
    files: files.map((file) => path.basename(file)),
    megabytes,
    cliMs,
    coldStartMs: coldMs,
    racoonEdit: p(racoonEdits),
    pskEdit: p(pskEdits),
    setkeyEdit: p(setkeyEdits),
    hoverP95: percentile(hovers, 95),
    completionP95: percentile(completions, 95),
    rssMb,
  };
}

/** How many edits of each kind a hub gets: enough for a p95 on the smaller ones, fewer where each takes seconds. */
export function hubEdits(peers, meshEdits) {
  const edits = Math.max(6, Math.min(meshEdits, Math.round(40_000 / peers)));
  return edits + (edits % 2);
}

/** The hubs' table, and how each figure grows from the smallest hub to the largest. */
export function hubTableLines(rows, bareNodeMs) {
  if (rows.length === 0) return [];
  const lines = [
    'Large racoon and setkey files (one hub host: a remote, a sainfo, a psk.txt line and three policies per peer):',
    '',
    '| peers | MB | CLI ms | CLI − node ms | open → diagnostics ms | racoon.conf edit p50/p95 ms | psk.txt edit p50/p95 ms | setkey.conf edit p50/p95 ms | hover p95 ms | completion p95 ms | RSS MB | edits of each kind |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.peers} | ${r.megabytes.toFixed(2)} | ${fmt1(r.cliMs)} | ${fmt1(r.cliMs - bareNodeMs)} | ${fmt1(r.coldStartMs)} | ${fmt1(r.racoonEdit.p50)} / ${fmt1(r.racoonEdit.p95)} | ${fmt1(r.pskEdit.p50)} / ${fmt1(r.pskEdit.p95)} | ${fmt1(r.setkeyEdit.p50)} / ${fmt1(r.setkeyEdit.p95)} | ${fmt1(r.hoverP95)} | ${fmt1(r.completionP95)} | ${fmt1(r.rssMb)} | ${r.edits} |`,
    ),
  ];
  if (rows.length > 1) {
    const [small, large] = [rows[0], rows.at(-1)];
    const ratio = (pick) => `×${(pick(large) / pick(small)).toFixed(1)}`;
    lines.push(
      '',
      `From ${small.peers} to ${large.peers} peers (×${(large.peers / small.peers).toFixed(0)}): CLI − node ${ratio((r) => r.cliMs - bareNodeMs)}, open ${ratio((r) => r.coldStartMs)}, racoon.conf edit p50 ${ratio((r) => r.racoonEdit.p50)}, psk.txt edit p50 ${ratio((r) => r.pskEdit.p50)}, setkey.conf edit p50 ${ratio((r) => r.setkeyEdit.p50)}, RSS ${ratio((r) => r.rssMb)}.`,
    );
  }
  return lines;
}
