import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LibreswanBuild } from '../../negotiation/libreswanBuild';
import { NamespacePair } from '../../negotiation/netns';
import { Pluto } from '../../negotiation/pluto';
import { must } from '../../negotiation/tools';

/** What pluto did with one conn it was asked to add. */
export interface AddVerdict {
  readonly verdict: 'added' | 'refused' | 'config-refused' | 'unknown';
  /** pluto's or addconn's own words. */
  readonly said: string;
}

/**
 * One pluto, in a namespace of its own, that conns of other files are added to one at a time and
 * deleted again. It accepts IKEv1 (`ikev1-policy=accept`) so that each conn is judged on its own
 * settings; what the gateway's config setup would say is left out of the comparison.
 */
export class AddSession {
  private readonly dir: string;
  private readonly namespaces = new NamespacePair();
  private pluto: Pluto | undefined;

  constructor(private readonly build: LibreswanBuild) {
    this.dir = mkdtempSync(path.join(tmpdir(), 'ngt-add-'));
  }

  async start(): Promise<void> {
    const conf = path.join(this.dir, 'ipsec.conf');
    writeFileSync(conf, 'config setup\n\tikev1-policy=accept\n');
    writeFileSync(path.join(this.dir, 'ipsec.secrets'), '');
    mkdirSync(path.join(this.dir, 'ipsec.d'), { recursive: true });
    const nss = path.join(this.dir, 'nss');
    mkdirSync(nss, { recursive: true });
    must('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]);
    this.namespaces.up();
    this.pluto = new Pluto(this.namespaces.ns.west, { conf, secrets: path.join(this.dir, 'ipsec.secrets'), ipsecD: path.join(this.dir, 'ipsec.d'), runtime: path.join(this.dir, 'runtime'), nss }, this.build);
    const refused = await this.pluto.start();
    if (refused !== undefined) throw new Error(refused);
  }

  /** Adds conn `name` of `file`, reads the verdict, and deletes the conn again. */
  add(file: string, name: string): AddVerdict {
    const pluto = this.pluto;
    if (!pluto) throw new Error('the session is not started');
    // 4.10's addconn prints pluto's answer only in part: the rest is in pluto's log.
    const before = pluto.log().length;
    const result = pluto.addconn(name, file);
    const output = `${result.stdout}\n${result.stderr}\n${pluto.log().slice(before)}`;
    const verdict = readVerdict(output, name);
    if (verdict.verdict === 'added') pluto.deleteConn(name);
    return verdict;
  }

  /** Whether pluto still runs (it dies on some values: 5.4 on an unreadable leftsourceip=). */
  alive(): boolean {
    return this.pluto?.alive() ?? false;
  }

  async stop(): Promise<void> {
    await this.pluto?.stop();
    this.namespaces.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const quoted = (name: string): string => `"${name}"`;

/** 4.10 prints pluto's lines with a numeric prefix, 5.x without; addconn's own refusals name the conn differently. */
export function readVerdict(output: string, name: string): AddVerdict {
  const lines = output.split('\n').map((l) => l.replace(/^\w{3} [ \d]\d \d\d:\d\d:\d\d\.\d+: /, '').replace(/^\d{3} /, '').trim()).filter((l) => l.length > 0);
  // A conn with several subnets is added as instances "name/1x1", "name/1x2", …
  const ours = lines.filter((l) => l.includes(quoted(name)) || l.includes(`"${name}/`) || l.includes(`'${name}'`));
  const failed = ours.find((l) => /failed to add/.test(l));
  if (failed) return { verdict: 'refused', said: failed.replace(/^.*failed to add (IKEv\d )?connection:\s*/, '') };
  if (ours.some((l) => /\badded\b.*connection/.test(l))) return { verdict: 'added', said: '' };
  // addconn leaves out a conn whose leftsubnets= holds no subnet it can read, and only warns.
  const config = lines.find((l) => /is not a subnet declaration|while loading|addconn, in config|cannot load|Failed to load connection|syntax error|ipsec addconn:|cannot find conn|ERROR/.test(l));
  if (config) return { verdict: 'config-refused', said: config };
  // 4.10's addconn adds nothing, silently, for a rightsubnets= without a subnet it can read.
  if (lines.length === 0) return { verdict: 'config-refused', said: 'addconn said nothing and added nothing' };
  return { verdict: 'unknown', said: lines.slice(-2).join(' | ') };
}
