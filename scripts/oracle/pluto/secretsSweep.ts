import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import type { LibreswanBuild } from '../../negotiation/libreswanBuild';
import { NamespacePair } from '../../negotiation/netns';
import { Pluto } from '../../negotiation/pluto';
import { must } from '../../negotiation/tools';

/*
 * The ipsec.secrets oracle: each case is the first entry of a secrets file that pluto reads at
 * start (with a good entry after it), and what pluto did with that entry (loaded it, skipped it,
 * or crashed) must be what ipsec-lint, pinned to the same release, says: an error on the entry
 * exactly when pluto does not load it, and "crashes" exactly when it crashes. Secret values are
 * made-up test strings.
 */
export const SECRETS_CASES: readonly string[] = [
  '@a @b : PSK "test-secret-aaaaaaaaaaaa"',
  '@a @b',
  '@a @b :',
  ': ',
  '@a @b : PSK',
  '@a @b : PSK test-secret-unquoted',
  '@a @b : PSK 0x0123456789abcdef0123456789abcdef',
  '@a @b : PSK 0xab_cd_ef01',
  '@a @b : PSK 0xabc',
  '@a @b : PSK 0xzz',
  '@a @b : PSK 0sQUJD',
  '@a @b : PSK 0sQUJ',
  '@a @b : PSK 0ttext with blanks',
  '@a @b : PSK 0t',
  '@a @b : PSK "test-secret-unterminated',
  '@a @b : psk "test-secret-aaaaaaaaaaaa"',
  '@a @b : PKS "test-secret-aaaaaaaaaaaa"',
  '@a @b: PSK "test-secret-aaaaaaaaaaaa"',
  '@a @b :PSK "test-secret-aaaaaaaaaaaa"',
  '@a\t@b\t:\tPSK\t"test-secret-aaaaaaaaaaaa"',
  "@a @b : PSK 'test-secret-aaaaaaaaaaaa'",
  '@a @b : PSK "test-secret-a" "test-secret-b"',
  '@a @b : PSK "test-secret-aaaaaaaaaaaa" extra',
  '@a @b : PSK "test-secret-aaaaaaaaaaaa" # a comment',
  '@a @b : PSK "test-secret-aaaa#aaaaaaa"',
  '@a @b : XAUTH "test-secret-aaaaaaaaaaaa"',
  '@a @b : XAUTH test-secret-unquoted',
  '@a @b : PPKS "ppk-id" "test-secret-aaaaaaaaaaaa"',
  '@a @b : "test-secret-aaaaaaaaaaaa"',
  '%any {VPN_REMOTE_SERVER} : PSK "test-secret-aaaaaaaaaaaa"',
  '@a } : PSK "test-secret-aaaaaaaaaaaa"',
  '@a @b : PSK "test-secret-aaaaaaaaaaaa" }',
  '@a @b :\n\tPSK "test-secret-aaaaaaaaaaaa"',
  '@a @b : PSK\n\t"test-secret-aaaaaaaaaaaa"',
  ' @a @b : PSK "test-secret-aaaaaaaaaaaa"',
  '# a comment\n  @a @b : PSK "test-secret-aaaaaaaaaaaa"',
  '@a @b : PSK "test-secret-aaaaaaaaaaaa"\n  @c @d : PSK "test-secret-cccccccccccc"',
  '@a @b : PSK "test-secret-aaaaaaaaaaaa"\n\n\t@c @d : PSK "test-secret-cccccccccccc"',
  '@a @b\n\t@c : PSK "test-secret-aaaaaaaaaaaa"',
  '@a # a comment : PSK "test-secret-aaaaaaaaaaaa"',
  '@a @b : PSK "test-secret-aaaaaaaaaaaa"\r',
  '# a comment\r\n@a @b : PSK 0x61626364\r',
];

const SENTINEL = '@sentinel-a @sentinel-b : PSK "test-secret-sentinel-zzzz"';

export type SecretsOutcome = 'loaded' | 'skipped' | 'crash';

/** One case: what pluto did with the entry, and what ipsec-lint's findings on it say it does. */
export interface SecretsCase {
  readonly text: string;
  readonly pluto: SecretsOutcome | 'unknown';
  readonly ours: SecretsOutcome;
  /** pluto's lines about the entry, and ipsec-lint's errors. */
  readonly said: string;
}

/**
 * pluto's verdict on the first entry, from its debug log: 4.10 and 5.x log each entry they install
 * ("processing PSK at line N: passed", N being where the lexer stands, past the entry) before
 * the good entry after it adds its IDs.
 */
function plutoOutcome(log: string, crashed: boolean): { readonly outcome: SecretsOutcome | 'unknown'; readonly said: string } {
  if (crashed) return { outcome: 'crash', said: 'pluto died while reading the file' };
  const lines = log.split('\n').map((l) => l.replace(/^\w{3} [ \d]\d \d\d:\d\d:\d\d\.\d+: /, '').replace(/^\d{3} /, '').trim());
  const start = lines.findIndex((l) => /loading secrets from/.test(l));
  const sentinel = lines.findIndex((l, i) => i > start && l.includes('@sentinel-a'));
  if (start < 0 || sentinel < 0) return { outcome: 'unknown', said: 'the log shows no reading of the file' };
  const between = lines.slice(start + 1, sentinel);
  const said = between.filter((l) => !l.startsWith('|')).join(' / ');
  const processed = between.some((l) => /processing \w+ at line \d+: passed/.test(l));
  const dropped = between.some((l) => /expected record boundary in key|unexpected end of id list/.test(l));
  return { outcome: processed && !dropped ? 'loaded' : 'skipped', said };
}

/** ipsec-lint's verdict on the entry: skipped where it has an error there, a crash where that error says so. */
function ourOutcome(dir: string, release: string, text: string): { readonly outcome: SecretsOutcome; readonly said: string } {
  const etc = path.join(dir, 'lint', 'etc');
  mkdirSync(etc, { recursive: true });
  writeFileSync(path.join(etc, 'ipsec.conf'), `# ipsec-dialect: libreswan-${release}\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n\tauto=ignore\n`);
  const secrets = path.join(etc, 'ipsec.secrets');
  writeFileSync(secrets, `${text}\n${SENTINEL}\n`, { mode: 0o600 });
  const entryLines = text.split('\n').length;
  const errors = lintWorkspace([
    { filePath: path.join(etc, 'ipsec.conf'), kind: 'ipsec', explicit: true },
    { filePath: secrets, kind: 'ipsec-secrets', explicit: true },
  ])
    .filter((report) => report.filePath === secrets)
    .flatMap((report) => report.findings)
    .filter((f) => f.severity === 'error' && f.range.start.line < entryLines)
    .map((f) => `${f.code}: ${f.message}`);
  const outcome = errors.length === 0 ? 'loaded' : errors.some((e) => /crashes/.test(e)) ? 'crash' : 'skipped';
  return { outcome, said: errors.join(' / ') };
}

/** Each case read at start by a fresh pluto of `build`, against ipsec-lint pinned to `release`. */
export async function sweepSecrets(build: LibreswanBuild, release: string, cases: readonly string[] = SECRETS_CASES): Promise<SecretsCase[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ngt-secrets-'));
  const namespaces = new NamespacePair();
  const results: SecretsCase[] = [];
  try {
    const nss = path.join(dir, 'nss');
    mkdirSync(nss, { recursive: true });
    must('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]);
    const conf = path.join(dir, 'ipsec.conf');
    writeFileSync(conf, 'config setup\n\tplutodebug=all\n');
    mkdirSync(path.join(dir, 'ipsec.d'), { recursive: true });
    namespaces.up();
    for (const [i, text] of cases.entries()) {
      const secrets = path.join(dir, 'ipsec.secrets');
      writeFileSync(secrets, `${text}\n${SENTINEL}\n`, { mode: 0o600 });
      const pluto = new Pluto(namespaces.ns.west, { conf, secrets, ipsecD: path.join(dir, 'ipsec.d'), runtime: path.join(dir, `runtime-${i}`), nss }, build);
      let crashed = false;
      try {
        crashed = (await pluto.start()) !== undefined || !(await secretsRead(pluto));
      } finally {
        await pluto.stop();
      }
      const theirs = plutoOutcome(pluto.log(), crashed);
      const ours = ourOutcome(dir, release, text);
      results.push({ text, pluto: theirs.outcome, ours: ours.outcome, said: `pluto: ${theirs.said || 'nothing'}; ours: ${ours.said || 'no error'}` });
    }
  } finally {
    namespaces.down();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** Waits until pluto has read the file up to the good entry at its end: false when it died first. */
async function secretsRead(pluto: Pluto, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pluto.log().includes('@sentinel-a')) return true;
    if (!pluto.alive()) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return pluto.alive();
}

/** One line per case where ipsec-lint and pluto part ways. */
export function secretsDisagreements(cases: readonly SecretsCase[]): string[] {
  return cases.filter((c) => c.pluto !== c.ours).map((c) => `${JSON.stringify(c.text)}: pluto ${c.pluto}, ipsec-lint ${c.ours} (${c.said})`);
}
