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

interface Hub {
  readonly root: string;
  readonly pskTxt: string;
  readonly setkeyConf: string;
  /** Where the edits the bench makes for `peer` go. */
  readonly pskLine: number;
  readonly policies: { readonly from: number; readonly count: number };
}

/** The bench's hub generator (an ES module of scripts/bench), run as the bench runs it. */
function writeHub(parent: string, peer: number): Hub {
  const generator = pathToFileURL(path.join(REPO_ROOT, 'scripts', 'bench', 'racoonHub.mjs')).href;
  const script = [
    `import { policyLines, pskLine, writeRacoonHub } from ${JSON.stringify(generator)};`,
    `const hub = writeRacoonHub(${PEERS}, ${JSON.stringify(parent)});`,
    `process.stdout.write(JSON.stringify({ ...hub, pskLine: pskLine(${peer}), policies: policyLines(${peer}) }));`,
  ].join('\n');
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as Hub;
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
    const hub = writeHub(makeTempDir('ipsec-hub-'), PEERS / 2);
    assert.deepEqual(codesOf(hub.root), []);
    withoutLines(hub.pskTxt, hub.pskLine, 1);
    assert.deepEqual(codesOf(hub.root), ['racoon-psk-missing']);
    withoutLines(hub.setkeyConf, hub.policies.from, hub.policies.count);
    assert.deepEqual(codesOf(hub.root), ['racoon-psk-missing', 'racoon-sainfo-policy']);
  });
});
