import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers';
import { makeTempDir } from '../../tempDir';
import { run } from '../cli/cliRun';

const PEERS = 40;

/** The bench's hub generator (an ES module of scripts/bench), run as the bench runs it. */
function writeHub(parent: string): { racoonConf: string; pskTxt: string; setkeyConf: string; root: string } {
  const generator = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'bench', 'racoonHub.mjs')).href;
  const script = `import { writeRacoonHub } from ${JSON.stringify(generator)}; process.stdout.write(JSON.stringify(writeRacoonHub(${PEERS}, ${JSON.stringify(parent)})));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
}

const codesOf = (root: string): string[] => {
  const reports = JSON.parse(run(['-f', 'json', root], root).stdout) as { messages: { ruleId: string }[] }[];
  return reports.flatMap((report) => report.messages.map((message) => message.ruleId)).sort();
};

const withoutLines = (file: string, from: number, count: number): void => {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.splice(from, count);
  writeFileSync(file, lines.join('\n'));
};

describe("the bench's racoon hub", () => {
  it('is clean, and the edits the bench times give the findings it waits for', () => {
    const hub = writeHub(makeTempDir('ipsec-hub-'));
    assert.deepEqual(codesOf(hub.root), []);
    const peer = PEERS / 2;
    // psk.txt: a comment, then one line per peer; setkey.conf: three lines, then out, in and fwd per peer.
    withoutLines(hub.pskTxt, peer + 1, 1);
    assert.deepEqual(codesOf(hub.root), ['racoon-psk-missing']);
    withoutLines(hub.setkeyConf, 3 + 3 * peer, 3);
    assert.deepEqual(codesOf(hub.root), ['racoon-psk-missing', 'racoon-sainfo-policy']);
  });
});
