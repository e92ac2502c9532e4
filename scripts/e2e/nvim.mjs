#!/usr/bin/env node
// Neovim as a second, independent LSP client: runs test/e2e/nvim/probe.lua in a headless
// `nvim --clean` against `node bin/ipsec-language-server.js --stdio` (what the
// `ipsec-language-server` command runs) and reports what Neovim saw.
//
//   node scripts/e2e/nvim.mjs [--server bin/ipsec-language-server.js] [--file some/ipsec.conf] [--out artifacts/e2e/nvim.json] [--expect CODE]
//
// Exit status 0 when every check in the probe passed, 1 otherwise (also when nvim is missing).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PROBE = path.join(ROOT, 'test', 'e2e', 'nvim', 'probe.lua');

/** An epSOS peer file with a setting in column 0 (the server reports column-zero-key on line 6). */
export const BROKEN_CONF = [
  'conn fr',
  '\tleft=%defaultroute',
  '\tleftid=@de.epsos.example',
  '\tright=192.0.2.10',
  '\trightid=@fr.epsos.example',
  'auto=add',
  '',
].join('\n');

/** Whether an executable of that name is on PATH (without running it: even `nvim --version` writes a log file). */
export function onPath(name) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir || '.', name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Runs the probe; returns { ok, status, report, stderr, ms }. */
export function runNvimProbe({ server = path.join(ROOT, 'bin', 'ipsec-language-server.js'), file, out, expect = 'column-zero-key', timeoutMs = 15000 } = {}) {
  const started = Date.now();
  if (!onPath('nvim')) {
    return { ok: false, status: null, report: null, stderr: 'nvim is not on PATH: install Neovim (as root: apt-get install -y neovim)', ms: 0 };
  }
  if (!existsSync(server)) return { ok: false, status: null, report: null, stderr: `${server} does not exist: run npm run build first`, ms: 0 };
  const scratch = mkdtempSync(path.join(tmpdir(), 'ipsec-nvim-'));
  try {
    if (!file) {
      file = path.join(scratch, 'de', 'etc', 'ipsec.d', 'fr.conf');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, BROKEN_CONF);
    }
    out ??= path.join(scratch, 'result.json');
    mkdirSync(path.dirname(out), { recursive: true });
    rmSync(out, { force: true });
    const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${PROBE}`, file], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: timeoutMs * 4 + 10000,
      // XDG_* into the scratch folder: nvim --clean still writes a log and state otherwise.
      env: {
        ...process.env,
        IPSEC_SERVER: path.resolve(server),
        PROBE_OUT: path.resolve(out),
        PROBE_TIMEOUT_MS: String(timeoutMs),
        PROBE_EXPECT_CODE: expect,
        PROBE_NODE: process.execPath,
        XDG_STATE_HOME: path.join(scratch, 'state'),
        XDG_CACHE_HOME: path.join(scratch, 'cache'),
        XDG_DATA_HOME: path.join(scratch, 'data'),
        XDG_CONFIG_HOME: path.join(scratch, 'config'),
        NVIM_LOG_FILE: path.join(scratch, 'nvim.log'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const report = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
    const stderr = [run.error ? String(run.error) : '', run.stderr ?? ''].join('').trim();
    return { ok: run.status === 0 && report?.ok === true, status: run.status, report, stderr, ms: Date.now() - started };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      server: { type: 'string' },
      file: { type: 'string' },
      out: { type: 'string', default: path.join(ROOT, 'artifacts', 'e2e', 'nvim.json') },
      expect: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const result = runNvimProbe({ server: values.server, file: values.file, out: values.out, expect: values.expect });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    const checks = result.report?.checks ?? [];
    for (const c of checks) console.log(`${c.ok ? 'ok  ' : 'FAIL'} nvim: ${c.name}${!c.ok && c.detail ? ` (${c.detail})` : ''}`);
    if (result.report) {
      console.log(`     nvim ${result.report.nvim}; completion: ${typeof result.report.completion === 'string' ? result.report.completion : `${result.report.completion.count} item(s)`}`);
      console.log(`     symbols: ${(result.report.symbols ?? []).join(', ')}`);
    }
    if (result.stderr) console.log(result.stderr);
    if (!result.report && result.status !== null) console.log(`nvim exited with ${result.status} and wrote no report`);
    const failed = checks.filter((c) => !c.ok).length + (result.report ? 0 : 1);
    console.log(`${checks.length - checks.filter((c) => !c.ok).length} passed, ${failed} failed (${result.ms} ms; report: ${path.relative(ROOT, values.out)})`);
  }
  process.exit(result.ok ? 0 : 1);
}
