import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../helpers';
import { LspTestClient } from './lspClient';
import { makeTempDir } from '../tempDir';

const SERVER = path.join(REPO_ROOT, 'dist', 'server.js');

/**
 * Loaded before the code under test: when the process exits, it allocates objects that outlive
 * several young-generation collections (what indexing does) and writes down how large V8 let
 * the young generation grow.
 */
const PROBE = `
const v8 = require('node:v8');
process.on('exit', () => {
  const ring = new Array(100000);
  for (let i = 0; i < 1000000; i++) ring[i % ring.length] = { i, text: 'entry ' + i };
  const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  require('node:fs').writeFileSync(process.env.PROBE_OUT, String(young.space_size));
});
`;

/** The young generation's size after the probe's allocations, in a node process started with `args`. */
function youngGenerationAfterBurst(args: readonly string[]): number {
  const dir = makeTempDir('ipsec-footprint-');
  try {
    const probe = path.join(dir, 'probe.js');
    const out = path.join(dir, 'young.txt');
    writeFileSync(probe, PROBE);
    // The server ends when its input does (with status 1: no shutdown request came), so an empty stdin starts and stops it.
    const result = spawnSync(process.execPath, ['--require', probe, ...args], { input: '', env: { ...process.env, PROBE_OUT: out }, timeout: 30000 });
    assert.equal(result.signal, null, result.stderr.toString());
    return Number(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loaded into the server: counts the young-generation collections the server asks for, in a file. */
const GC_COUNTER = `
const { PerformanceObserver, constants } = require('node:perf_hooks');
let forced = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.detail.kind === constants.NODE_PERFORMANCE_GC_MINOR && entry.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forced++;
  }
  require('node:fs').writeFileSync(process.env.GC_COUNT_OUT, String(forced));
}).observe({ entryTypes: ['gc'] });
`;

const CONN = (own: number, peer: number) => `conn peer\n\tleft=192.0.2.${own}\n\tleftid=@gw${own}.example\n\tright=192.0.2.${peer}\n\trightid=@gw${peer}.example\n\tauto=add\n`;

describe('memory footprint of the server process', () => {
  it('keeps the young generation at its initial size under a burst of allocations', () => {
    const MiB = 1024 * 1024;
    // The same burst in a process without the server's V8 settings makes the young generation grow.
    assert.ok(youngGenerationAfterBurst(['-e', "require('node:v8').setFlagsFromString('--optimize-for-size')"]) > 2 * MiB, 'the burst does not make the young generation grow at all');
    assert.ok(youngGenerationAfterBurst([SERVER, '--stdio']) <= 2 * MiB);
  });

  it('is bundled in ASCII, which V8 holds as one byte per character (one other character would double the 1 MB source kept in memory)', () => {
    const source = readFileSync(SERVER, 'latin1');
    const offending = /[^\x00-\x7f]/.exec(source);
    assert.equal(offending, null, offending ? `non-ASCII text near: ${JSON.stringify(source.slice(Math.max(0, offending.index - 80), offending.index + 20))}` : '');
  });

  it('collects the young generation after each rebuild of the workspace model, and only then', async () => {
    const dir = makeTempDir('ipsec-young-');
    const counter = path.join(dir, 'counter.js');
    const countFile = path.join(dir, 'forced.txt');
    writeFileSync(counter, GC_COUNTER);
    for (const [own, peer] of [[1, 2], [2, 1]]) {
      mkdirSync(path.join(dir, 'ws', `gw${own}`, 'etc'), { recursive: true });
      writeFileSync(path.join(dir, 'ws', `gw${own}`, 'etc', 'ipsec.conf'), CONN(own, peer));
    }
    const uri = pathToFileURL(path.join(dir, 'ws', 'gw1', 'etc', 'ipsec.conf')).href;
    const client = new LspTestClient(['--require', counter], { ...process.env, GC_COUNT_OUT: countFile });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const forced = (): number => {
      try {
        return Number(readFileSync(countFile, 'utf8'));
      } catch {
        return 0;
      }
    };
    // A busy machine may report a collection late: wait for the count, up to a deadline.
    const forcedReaching = async (least: number): Promise<number> => {
      const deadline = Date.now() + 10_000;
      while (forced() < least && Date.now() < deadline) await sleep(20);
      return forced();
    };
    // Opening a file may rebuild the model more than once (the workspace index, then the open document): the count once it holds still.
    const forcedSettled = async (): Promise<number> => {
      const deadline = Date.now() + 10_000;
      let last = await forcedReaching(1);
      let stillSince = Date.now();
      while (Date.now() - stillSince < 500 && Date.now() < deadline) {
        await sleep(20);
        const now = forced();
        if (now !== last) [last, stillSince] = [now, Date.now()];
      }
      return last;
    };
    try {
      await client.initializeWorkspace(path.join(dir, 'ws'));
      await client.open(uri, 'ipsec', CONN(1, 2));
      await client.waitForDiagnostics(uri, () => true);
      const afterOpening = await forcedSettled();
      assert.ok(afterOpening >= 1, 'no collection after the model was first built');
      for (let i = 0; i < 10; i++) await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } });
      await sleep(300);
      assert.equal(forced(), afterOpening, 'requests that rebuild nothing collected the young generation');
      for (let version = 2; version <= 6; version++) {
        await client.change(uri, version, `${CONN(1, 2)}# edit ${version}\n`);
        await client.waitForDiagnostics(uri, (p) => p.version === version);
      }
      assert.ok((await forcedReaching(afterOpening + 5)) >= afterOpening + 5, 'an edit rebuilt the model without a collection after it');
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
