#!/usr/bin/env node
// Runs the TextMate grammar tests with vscode-tmgrammar-test 0.1.3:
//   1. scope assertions in test/grammar/cases/*.test.* (vscode-tmgrammar-test), all five grammars at once;
//   2. snapshots of real corpus files in test/grammar/snapshots/<language id>/ (vscode-tmgrammar-snap),
//      one run per language because the snapshot tool takes a single scope (-s) per run.
// Usage: node test/grammar/run.mjs            check (exit 1 on any failure or missing .snap)
//        node test/grammar/run.mjs --update   rewrite the .snap files after an intended grammar change
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tool = path.join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist');
const languages = ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey'];
const grammar = (id) => `syntaxes/${id}.tmLanguage.json`;
const update = process.argv.includes('--update');

function run(script, args) {
  const result = spawnSync(process.execPath, [path.join(tool, script), ...args], { cwd: root, encoding: 'utf8' });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.status === 0;
}

let ok = run('unit.js', [...languages.flatMap((id) => ['-g', grammar(id)]), 'test/grammar/cases/*.test.*']);

for (const id of languages) {
  const dir = path.join(root, 'test', 'grammar', 'snapshots', id);
  const sources = readdirSync(dir).filter((name) => !name.endsWith('.snap'));
  if (sources.length === 0) {
    console.error(`ERROR no snapshot sources in ${path.relative(root, dir)}`);
    ok = false;
    continue;
  }
  // The tool silently writes a missing .snap and passes; a check run must not.
  const missing = sources.filter((name) => !existsSync(path.join(dir, `${name}.snap`)));
  if (missing.length > 0 && !update) {
    console.error(`ERROR missing .snap for ${missing.join(', ')} (run with --update to create)`);
    ok = false;
    continue;
  }
  const args = ['-g', grammar(id), '-s', `source.${id}`, `test/grammar/snapshots/${id}/*`];
  ok = run('snapshot.js', update ? ['-u', ...args] : args) && ok;
}

process.exit(ok ? 0 : 1);
