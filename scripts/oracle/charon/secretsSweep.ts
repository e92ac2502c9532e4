import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import { NamespacePair } from '../../negotiation/netns';
import { killQuietly, sleep } from '../../negotiation/processes';
import { run } from '../../negotiation/tools';
import { Charon } from '../../negotiation/strongswan/charon';
import { SECRETS_CASES } from '../pluto/secretsSweep';
import { SENTINEL_CONN } from './loadSession';

/*
 * The ipsec.secrets oracle for strongSwan: each case is the first entry of a secrets file charon's
 * stroke plugin reads at start, with a good entry after it. charon either loads the entry, skips
 * it, or stops reading the file there (the good entry is lost too). ipsec-lint, pinned to 5.9.8,
 * must have an error on the entry exactly when charon does not load it, and say "stops reading"
 * exactly when the good entry is lost. Only shared secrets are in the cases: charon names each it
 * loads ("loaded IKE secret for …").
 */
const SENTINEL = '@sentinel-a @sentinel-b : PSK "test-secret-sentinel-zzzz"';
const CONF = `config setup\n\nconn ${SENTINEL_CONN}\n\tleft=192.0.2.1\n\tright=192.0.2.254\n\tauthby=secret\n\tike=aes128-sha256-modp2048!\n\tesp=aes128-sha256!\n\tauto=add\n`;

export type CharonSecretsOutcome = 'loaded' | 'skipped' | 'stopped' | 'hang';

export interface CharonSecretsCase {
  readonly text: string;
  readonly charon: CharonSecretsOutcome | 'unknown';
  readonly ours: CharonSecretsOutcome;
  readonly said: string;
}

/** charon's verdict: the entry loaded when a secret other than the good one's is, the file read to its end when the good one is. */
function charonOutcome(log: string): { readonly outcome: CharonSecretsOutcome | 'unknown'; readonly said: string } {
  const lines = log.split('\n').filter((l) => /\[CFG\]/.test(l)).map((l) => l.replace(/^\S+ \d+\[CFG\]\s*/, ''));
  const start = lines.findIndex((l) => /loading secrets from/.test(l));
  if (start < 0) return { outcome: 'unknown', said: 'the log shows no reading of ipsec.secrets' };
  const after = lines.slice(start + 1);
  const loaded = after.filter((l) => /loaded \S+ secret for/.test(l));
  const said = after.filter((l) => /^line \d+:|malformed|missing/.test(l)).join(' / ');
  const sentinel = loaded.some((l) => l.includes('@sentinel-a'));
  const entry = loaded.some((l) => !l.includes('@sentinel-a'));
  return { outcome: entry ? 'loaded' : sentinel ? 'skipped' : 'stopped', said };
}

function ourOutcome(dir: string, text: string): { readonly outcome: CharonSecretsOutcome; readonly said: string } {
  const etc = path.join(dir, 'lint', 'etc');
  mkdirSync(etc, { recursive: true });
  const conf = path.join(etc, 'ipsec.conf');
  writeFileSync(conf, `# ipsec-dialect: strongswan-5.9.8\n${CONF}`);
  const secrets = path.join(etc, 'ipsec.secrets');
  writeFileSync(secrets, `${text}\n${SENTINEL}\n`, { mode: 0o600 });
  const entryLines = text.split('\n').length;
  const errors = lintWorkspace([
    { filePath: conf, kind: 'ipsec', explicit: true },
    { filePath: secrets, kind: 'ipsec-secrets', explicit: true },
  ])
    .filter((report) => report.filePath === secrets)
    .flatMap((report) => report.findings)
    .filter((f) => f.severity === 'error' && f.range.start.line < entryLines)
    .map((f) => `${f.code}: ${f.message}`);
  const outcome = errors.length === 0 ? 'loaded' : errors.some((e) => /strongSwan hangs/.test(e)) ? 'hang' : errors.some((e) => /stops reading/.test(e)) ? 'stopped' : 'skipped';
  return { outcome, said: errors.join(' / ') };
}

/** The entries both daemons read, and a line only strongSwan stops at that holds no entry. */
export const CHARON_SECRETS_CASES: readonly string[] = [...SECRETS_CASES, 'include\t/nonexistent/more.secrets'];

/** Each case read at start by a fresh charon of Debian's 5.9.8 (`lib`), against ipsec-lint pinned to it. */
export async function sweepCharonSecrets(lib: string, cases: readonly string[] = CHARON_SECRETS_CASES): Promise<CharonSecretsCase[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ngt-charon-secrets-'));
  const namespaces = new NamespacePair();
  const results: CharonSecretsCase[] = [];
  try {
    namespaces.up();
    for (const [i, text] of cases.entries()) {
      const etc = path.join(dir, `node-${i}`);
      mkdirSync(path.join(etc, 'ipsec.d'), { recursive: true });
      writeFileSync(path.join(etc, 'ipsec.conf'), CONF);
      writeFileSync(path.join(etc, 'ipsec.secrets'), `${text}\n${SENTINEL}\n`, { mode: 0o600 });
      const charon = new Charon(namespaces.ns.west, { etc, runtime: path.join(etc, 'run') }, lib);
      let log = '';
      let hung = false;
      try {
        const failed = await charon.start(SENTINEL_CONN, 5_000);
        log = charon.log();
        // charon still reading ipsec.secrets when it should long have taken the conns: it hangs there.
        hung = failed !== undefined && /loading secrets from/.test(log) && !log.includes('@sentinel-a');
        if (failed !== undefined && !hung) throw new Error(failed);
        // The secrets are read before the conns are handed over; a moment more for the last lines.
        await sleep(100);
        log = charon.log();
      } finally {
        await charon.stop();
        killLeftovers(namespaces.ns.west);
      }
      const theirs = hung ? { outcome: 'hang' as const, said: 'charon never finished reading ipsec.secrets' } : charonOutcome(log);
      const ours = ourOutcome(dir, text);
      results.push({ text, charon: theirs.outcome, ours: ours.outcome, said: `charon: ${theirs.said || 'nothing'}; ours: ${ours.said || 'no error'}` });
    }
  } finally {
    namespaces.down();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** A charon caught in a loop outlives its starter: whatever still runs in the namespace goes. */
function killLeftovers(ns: string): void {
  for (const pid of run('ip', ['netns', 'pids', ns]).stdout.split(/\s+/).filter((p) => /^\d+$/.test(p))) killQuietly(Number(pid), 'SIGKILL');
}

/** One line per case where ipsec-lint and charon part ways. */
export function charonSecretsDisagreements(cases: readonly CharonSecretsCase[]): string[] {
  return cases.filter((c) => c.charon !== c.ours).map((c) => `${JSON.stringify(c.text)}: charon ${c.charon}, ipsec-lint ${c.ours} (${c.said})`);
}
