import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import type { LibreswanBuild } from '../../negotiation/libreswanBuild';
import { NamespacePair } from '../../negotiation/netns';
import { Pluto } from '../../negotiation/pluto';
import { must } from '../../negotiation/tools';
import { badSetupValues } from '../badValueConns';
import { readVerdict } from './addSession';
import type { SweepCase } from './badValueSweep';

const CONN = 'conn a\n\tleft=198.51.100.1\n\tright=192.0.2.20\n\tauthby=secret\n\tauto=add\n';
const SECRETS = '198.51.100.1 192.0.2.20 : PSK "a secret only this sweep uses"\n';

/**
 * Keywords pluto knows only when built with DNSSEC (USE_DNSSEC) or seccomp (USE_SECCOMP), which the
 * releases built here from source lack: 5.0 to 5.3 then stop at any value ("syntax error",
 * "unrecognized keyword"), 5.4 ignores it ("unsupported"). No verdict on the value, then.
 */
const BUILD_OPTIONAL = new Set(['dnssec-enable', 'seccomp']);
const NOT_BUILT_IN = /syntax error|unrecognized ('config setup' )?keyword|keyword '[^']*' unsupported/;

/**
 * One wrong value per typed `config setup` key, each in a file of its own with one conn: pluto
 * (`build`) is started on the file and the conn added; ipsec-lint, pinned to `release`, must give
 * an error on exactly the files where pluto does not start or does not add the conn.
 */
export async function sweepSetupValues(build: LibreswanBuild, release: string, entries: readonly { readonly key: string; readonly value: string }[] = badSetupValues(release)): Promise<SweepCase[]> {
  const namespaces = new NamespacePair();
  const root = mkdtempSync(path.join(tmpdir(), 'ngt-setup-'));
  const cases: SweepCase[] = [];
  namespaces.up();
  try {
    for (const [index, { key, value }] of entries.entries()) {
      const dir = path.join(root, String(index));
      const nss = path.join(dir, 'nss');
      mkdirSync(path.join(dir, 'ipsec.d'), { recursive: true });
      mkdirSync(nss);
      must('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]);
      const conf = path.join(dir, 'ipsec.conf');
      const secrets = path.join(dir, 'ipsec.secrets');
      writeFileSync(secrets, SECRETS, { mode: 0o600 });
      const body = `config setup\n\tikev1-policy=accept\n\t${key}=${value}\n\n${CONN}`;
      writeFileSync(conf, `# ipsec-dialect: libreswan-${release}\n${body}`);
      const ours = lintWorkspace([{ filePath: conf, kind: 'ipsec', explicit: true }]).flatMap((report) => report.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}: ${f.message}`));
      writeFileSync(conf, body);
      const pluto = new Pluto(namespaces.ns.west, { conf, secrets, ipsecD: path.join(dir, 'ipsec.d'), runtime: path.join(dir, 'runtime'), nss }, build);
      try {
        const refused = await pluto.start();
        const before = pluto.log().length;
        const added = refused === undefined ? pluto.addconn('a', conf) : undefined;
        const verdict = added ? readVerdict(`${added.stdout}\n${added.stderr}\n${pluto.log().slice(before)}`, 'a') : { verdict: 'refused' as const, said: refused ?? '' };
        const material = BUILD_OPTIONAL.has(key) && NOT_BUILT_IN.test(`${verdict.said}\n${pluto.log()}`);
        cases.push({ conn: key, settings: [`${key}=${value}`], pluto: verdict, ours, agrees: material || (verdict.verdict === 'added') === (ours.length === 0) });
      } finally {
        await pluto.stop();
      }
    }
  } finally {
    namespaces.down();
    rmSync(root, { recursive: true, force: true });
  }
  return cases;
}
