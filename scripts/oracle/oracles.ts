import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtLibreswan5 } from '../negotiation/libreswan5';

/** The daemon family, which decides the mutations and the corpus. */
export type Family = 'libreswan' | 'strongswan';
/** The two oracles `npm test` needs, and Libreswan 5 releases it or a campaign can add (see findOracles). */
export type OracleName = Family | 'libreswan-5.0' | 'libreswan-5.2' | 'libreswan-5.4' | 'openswan-2.6';
export const ORACLE_NAMES: readonly OracleName[] = ['libreswan', 'strongswan', 'libreswan-5.0', 'libreswan-5.2', 'libreswan-5.4', 'openswan-2.6'];

/**
 * What the daemon's own parser makes of a file:
 * - `accepts`: no complaint at all;
 * - `skips`: the file loads, but a line or value is dropped with a notice (strongSwan's unknown
 *   keyword, Libreswan's connection keyword in the wrong section);
 * - `refuses-conn`: the file loads, but a conn or ca section is refused (bad value in strongSwan,
 *   duplicate key or missing also= target in Libreswan);
 * - `rejects`: the whole file is refused (non-zero exit).
 */
export type Verdict = 'accepts' | 'skips' | 'refuses-conn' | 'rejects';

export interface OracleResult {
  readonly verdict: Verdict;
  readonly status: number;
  /** What the oracle printed, trimmed to a few lines (never secrets: ipsec.conf holds none). */
  readonly output: string;
}

export interface Oracle {
  readonly name: OracleName;
  readonly family: Family;
  /** How the report names it. */
  readonly label: string;
  /** The corpus dialect its files come from, and the `# ipsec-dialect:` line that makes ipsec-lint judge by it. */
  readonly corpusDialect: string;
  readonly dialectComment: string;
  /** The dialect and version our knowledge uses for it. */
  readonly knowledge: { readonly dialect: Family | 'openswan'; readonly version?: string };
  run(file: string): OracleResult;
}

export interface MissingOracle {
  readonly name: OracleName;
  readonly howToInstall: string;
}

const ADDCONN = '/usr/libexec/ipsec/addconn';
const INSTALL = 'run scripts/oracle/setup.sh as root (.ci/run does this): it installs Debian\'s libreswan package and unpacks strongSwan 5.9.8\'s starter into .cache/oracle/strongswan';

function squeeze(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 6)
    .join(' | ');
}

// send-redirect=yes without redirect-to= is only logged by confread.c (4.x); the conn loads and pluto adds it.
const BENIGN = [/is not valid in a conn/, /obsolete keyword '[^']*' ignored/i, /duplicate key '[^']*' in conn .* while processing def/, /^redirect-to is not specified, although send-redirect/];

function libreswanVerdict(status: number, output: string): Verdict {
  if (status !== 0) return 'rejects';
  const lines = output.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length === 0) return 'accepts';
  // A literal public key in conn %default makes 4.8 to 4.15's --checkconfig report "duplicate public key" for
  // every conn, though pluto adds them (upstream test libipsecconf-11-default-key): not a refusal in use.
  if (lines.every((l) => /duplicate public key/.test(l))) return 'skips';
  // A conn addconn gives up on is named in "while loading 'NAME'". Without that, a keyword in the
  // wrong section (dropped with `continue` in confread.c), an obsolete keyword and a key repeated
  // with the same value are only logged; anything else printed counts as a refused conn.
  if (lines.some((l) => /while loading '/.test(l))) return 'refuses-conn';
  return lines.every((l) => BENIGN.some((pattern) => pattern.test(l))) ? 'skips' : 'refuses-conn';
}

function strongswanVerdict(status: number, output: string): Verdict {
  if (status !== 0) return 'rejects';
  if (/ignored (conn|ca) /.test(output) || /\(\d*[1-9]\d* fatal\)/.test(output)) return 'refuses-conn';
  return /parsing error|unknown keyword|invalid|bad /.test(output) ? 'skips' : 'accepts';
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): { status: number; output: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', env, timeout: 20_000, maxBuffer: 4 * 1024 * 1024 });
  // More output than the buffer holds still carries a verdict; anything else means no oracle ran.
  if (r.error !== undefined && (r.error as NodeJS.ErrnoException).code !== 'ENOBUFS') throw new Error(`${command}: ${r.error.message}`);
  return { status: r.status ?? 128, output: `${r.stdout}${r.stderr}` };
}

function libreswan(): Oracle {
  return {
    name: 'libreswan',
    family: 'libreswan',
    label: 'Libreswan 4.10 addconn --checkconfig',
    corpusDialect: 'libreswan',
    dialectComment: '# ipsec-dialect: libreswan-4.10',
    knowledge: { dialect: 'libreswan', version: '4.10' },
    run(file) {
      const r = run(ADDCONN, ['--checkconfig', '--config', file], { PATH: process.env.PATH ?? '/usr/bin:/bin' });
      return { verdict: libreswanVerdict(r.status, r.output), status: r.status, output: squeeze(r.output) };
    },
  };
}

function strongswan(repoRoot: string): Oracle {
  const root = path.join(repoRoot, '.cache', 'oracle', 'strongswan');
  const lib = path.join(root, 'usr', 'lib', 'ipsec');
  const emptyConf = path.join(repoRoot, '.cache', 'oracle', 'strongswan.conf');
  return {
    name: 'strongswan',
    family: 'strongswan',
    label: 'strongSwan 5.9.8 starter --conftest',
    corpusDialect: 'strongswan',
    dialectComment: '# ipsec-dialect: strongswan-5.9.8',
    knowledge: { dialect: 'strongswan', version: '5.9.8' },
    run(file) {
      if (!existsSync(emptyConf)) {
        mkdirSync(path.dirname(emptyConf), { recursive: true });
        writeFileSync(emptyConf, '');
      }
      const r = run(path.join(lib, 'starter'), ['--conftest', '--conf', file], { PATH: process.env.PATH ?? '/usr/bin:/bin', LD_LIBRARY_PATH: lib, STRONGSWAN_CONF: emptyConf });
      const output = r.output.replace(/^config OK\n?/m, '');
      return { verdict: strongswanVerdict(r.status, output), status: r.status, output: squeeze(output) };
    },
  };
}

/**
 * Libreswan 5's addconn logs a value it cannot read ("warning: …keyword ignored", 5.0 to 5.2) or a
 * repeated key ("ignoring duplicate conn keyword") and loads the conn without it; "cannot find
 * conn" (also=) and an ERROR line refuse a conn, a non-zero exit the file.
 */
function libreswan5Verdict(status: number, output: string): Verdict {
  if (status !== 0) return 'rejects';
  const lines = output.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length === 0) return 'accepts';
  if (lines.some((l) => /cannot find conn|while loading|ERROR/.test(l))) return 'refuses-conn';
  // 5.0 to 5.2 log a key that also= brings in again the same way whether the values agree (loaded) or
  // not (the conn is dropped without a word more); ipsec-lint's also-conflict, not compared here, tells them apart.
  const logged = (l: string): boolean => /warning/i.test(l) || /duplicate key '[^']*' in conn .* while processing def/.test(l);
  return lines.every(logged) ? 'skips' : 'refuses-conn';
}

/**
 * A Libreswan 5 addconn built from the release's source (no distribution this project can install
 * ships it), named by an environment variable such as IPSEC_LINT_ORACLE_LIBRESWAN_5_4=/path/to/addconn;
 * 5.2 is also taken from the negotiation tests' build when it is there.
 */
function libreswan5(version: '5.0' | '5.2' | '5.4', addconn: string): Oracle {
  return {
    name: `libreswan-${version}`,
    family: 'libreswan',
    label: `Libreswan ${version} addconn --checkconfig`,
    corpusDialect: 'libreswan',
    dialectComment: `# ipsec-dialect: libreswan-${version}`,
    knowledge: { dialect: 'libreswan', version },
    run(file) {
      const r = run(addconn, ['--checkconfig', '--config', file], { PATH: process.env.PATH ?? '/usr/bin:/bin' });
      return { verdict: libreswan5Verdict(r.status, r.output), status: r.status, output: squeeze(r.output) };
    },
  };
}

/**
 * Openswan 2.6's addconn: exit 3 when the parser stops. A conn it gives up on is named in "while
 * loading 'NAME':", which only --verbose prints; a value it cannot read ("WARNING: … invalid value")
 * is dropped and the conn still loads.
 */
function openswanVerdict(status: number, output: string): Verdict {
  if (status !== 0) return 'rejects';
  const lines = output.split('\n');
  if (lines.some((l) => /^while loading '[^']*':/.test(l))) return 'refuses-conn';
  return lines.some((l) => /^WARNING:|is not valid in a conn|\(ignored\)/.test(l)) ? 'skips' : 'accepts';
}

/** Openswan 2.6.52.3's addconn built from its tag, named by IPSEC_LINT_ORACLE_OPENSWAN; campaigns only. */
function openswan(addconn: string): Oracle {
  return {
    name: 'openswan-2.6',
    family: 'libreswan',
    label: 'Openswan 2.6.52.3 addconn --checkconfig',
    corpusDialect: 'openswan',
    dialectComment: '# ipsec-dialect: openswan-2.6',
    knowledge: { dialect: 'openswan', version: '2.6' },
    run(file) {
      const r = run(addconn, ['--checkconfig', '--verbose', '--config', file], { PATH: process.env.PATH ?? '/usr/bin:/bin' });
      const said = r.output.split('\n').filter((l) => /^while loading '|^WARNING:|not valid|duplicate|syntax error|can not load|bad /.test(l)).join('\n');
      return { verdict: openswanVerdict(r.status, r.output), status: r.status, output: squeeze(said) };
    },
  };
}

/** The oracles on this machine, and how to get the missing ones. */
export function findOracles(repoRoot: string): { readonly available: readonly Oracle[]; readonly missing: readonly MissingOracle[] } {
  const available: Oracle[] = [];
  const missing: MissingOracle[] = [];
  if (existsSync(ADDCONN)) available.push(libreswan());
  else missing.push({ name: 'libreswan', howToInstall: `${ADDCONN} is missing: ${INSTALL}` });
  const starter = path.join(repoRoot, '.cache', 'oracle', 'strongswan', 'usr', 'lib', 'ipsec', 'starter');
  if (existsSync(starter)) available.push(strongswan(repoRoot));
  else missing.push({ name: 'strongswan', howToInstall: `${path.relative(repoRoot, starter)} is missing: ${INSTALL}` });
  for (const version of ['5.0', '5.2', '5.4'] as const) {
    // 5.2 is also the build the negotiation tests make (.ci/run makes it before npm test).
    const built = version === '5.2' ? builtLibreswan5(path.join(repoRoot, '.cache', 'negotiation'))?.addconn : undefined;
    const addconn = process.env[`IPSEC_LINT_ORACLE_LIBRESWAN_${version.replace('.', '_')}`] || built;
    if (addconn !== undefined && addconn !== '' && existsSync(addconn)) available.push(libreswan5(version, addconn));
  }
  const openswanAddconn = process.env.IPSEC_LINT_ORACLE_OPENSWAN;
  if (openswanAddconn !== undefined && openswanAddconn !== '' && existsSync(openswanAddconn)) available.push(openswan(openswanAddconn));
  return { available, missing };
}
