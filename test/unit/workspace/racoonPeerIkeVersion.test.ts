import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

const GATEWAY = '/ws/gw/etc/ipsec.conf';
const RACOON = '/ws/rh/etc/racoon/racoon.conf';

function racoonHost(options: { listen?: boolean; remote?: string } = {}): string {
  const listen = options.listen === false ? '' : 'listen {\n\tisakmp 192.0.2.40 [500];\n}\n';
  return `${listen}remote ${options.remote ?? '192.0.2.10'} {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 14;\n\t}\n}\n`;
}

function gateway(dialect: string, settings = '', sides = '\tleft=192.0.2.10\n\tright=192.0.2.40\n'): string {
  return `# ipsec-dialect: ${dialect}\nconfig setup\n\nconn to-racoon\n${sides}\tauthby=secret\n${settings}\tauto=add\n`;
}

/** `file:line` of each racoon-peer-ike-version finding. */
function found(conf: string, racoon = racoonHost()): string[] {
  const index = new WorkspaceIndex(new MemoryFiles({ [GATEWAY]: conf, [RACOON]: racoon }));
  const out: string[] = [];
  for (const [uri, findings] of checkWorkspace(index.model([GATEWAY], [], [RACOON], []))) {
    for (const f of findings) if (f.code === 'racoon-peer-ike-version') out.push(`${uri.replace('file:///ws/', '')}:${f.range.start.line} ${f.message}`);
  }
  return out.sort();
}

const lines = (findings: string[]) => findings.map((f) => f.split(' ')[0]);

describe('racoon-peer-ike-version', () => {
  it('a Libreswan conn to a racoon host speaks IKEv2 unless it says otherwise: reported on both sides', () => {
    const findings = found(gateway('libreswan-4'));
    assert.deepEqual(lines(findings), ['gw/etc/ipsec.conf:3', 'rh/etc/racoon/racoon.conf:3']);
    assert.match(findings[0], /conn to-racoon speaks only IKEv2 \(the Libreswan 4 default\), but its peer at 192\.0\.2\.40 runs racoon, which speaks only IKEv1: no IKE SA can be set up; set ikev2=no/);
    assert.match(findings[1], /the gateway at 192\.0\.2\.10 \(conn to-racoon\) speaks only IKEv2 to this host/);
    assert.deepEqual(lines(found(gateway('libreswan-5'))), ['gw/etc/ipsec.conf:3', 'rh/etc/racoon/racoon.conf:3']);
    assert.match(found(gateway('libreswan-5'))[0], /set keyexchange=ikev1, and ikev1-policy=accept in config setup$/);
    // The setting that chose IKEv2 carries the finding.
    assert.deepEqual(lines(found(gateway('libreswan-4', '\tikev2=insist\n'))), ['gw/etc/ipsec.conf:7', 'rh/etc/racoon/racoon.conf:3']);
  });

  it('judges a gateway pinned to Libreswan 3 by its release: from 3.28 a conn without ikev2= spoke IKEv2 alone, before it both', () => {
    const findings = found(gateway('libreswan-3.32'));
    assert.deepEqual(lines(findings), ['gw/etc/ipsec.conf:3', 'rh/etc/racoon/racoon.conf:3']);
    assert.match(findings[0], /speaks only IKEv2 \(the Libreswan 3\.32 default\).*; set ikev2=no$/);
    assert.deepEqual(found(gateway('libreswan-3.32', '\tikev2=permit\n')), []);
    assert.deepEqual(found(gateway('libreswan-3.27')), []);
    assert.deepEqual(found(gateway('libreswan-3')), []);
    assert.match(found(gateway('libreswan-3.25', '\tikev2=insist\n'))[0], /; set ikev2=no$/);
  });

  it('stays quiet for a conn that speaks IKEv1, as each release reads its words', () => {
    assert.deepEqual(found(gateway('libreswan-4', '\tikev2=no\n')), []);
    // Libreswan 4 reads permit as IKEv1.
    assert.deepEqual(found(gateway('libreswan-4', '\tikev2=permit\n')), []);
    assert.deepEqual(found(gateway('libreswan-5', '\tkeyexchange=ikev1\n')), []);
    assert.deepEqual(found(gateway('libreswan-5', '\tikev2=false\n')), []);
    // A word Libreswan 4 does not take is another rule's business.
    assert.deepEqual(found(gateway('libreswan-4', '\tikev2=false\n')), []);
  });

  it('for Openswan and strongSwan only an explicit IKEv2-only setting counts', () => {
    assert.deepEqual(found(gateway('openswan')), []);
    assert.deepEqual(found(gateway('strongswan')), []);
    assert.deepEqual(lines(found(gateway('openswan', '\tikev2=insist\n'))), ['gw/etc/ipsec.conf:7', 'rh/etc/racoon/racoon.conf:3']);
    assert.match(found(gateway('strongswan', '\tkeyexchange=ikev2\n'))[0], /set keyexchange=ikev1$/);
  });

  it('needs the racoon host at one end with a remote for the other, either way round', () => {
    assert.deepEqual(lines(found(gateway('libreswan-4', '', '\tleft=192.0.2.40\n\tright=192.0.2.10\n'))), ['gw/etc/ipsec.conf:3', 'rh/etc/racoon/racoon.conf:3']);
    assert.deepEqual(found(gateway('libreswan-4'), racoonHost({ remote: '192.0.2.99' })), []);
    assert.deepEqual(found(gateway('libreswan-4'), racoonHost({ listen: false })), []);
    assert.deepEqual(found(gateway('libreswan-4', '', '\tleft=%defaultroute\n\tright=192.0.2.40\n')), []);
    assert.deepEqual(found(gateway('libreswan-4').replace('auto=add', 'auto=ignore')), []);
  });
});

describe('racoon-peer-psk-mismatch between a gateway and a racoon host', () => {
  const SECRETS = '/ws/gw/etc/ipsec.secrets';
  const PSK = '/ws/rh/etc/racoon/psk.txt';
  const racoon = `path pre_shared_key "/etc/racoon/psk.txt";\n${racoonHost()}`;

  function pskFindings(secret: string, key: string): string[] {
    const files = { [GATEWAY]: gateway('libreswan-4', '\tikev2=no\n'), [SECRETS]: `192.0.2.10 192.0.2.40 : PSK ${secret}\n`, [RACOON]: racoon, [PSK]: `192.0.2.10\t${key}\n` };
    const index = new WorkspaceIndex(new MemoryFiles(files));
    const out: string[] = [];
    for (const [uri, findings] of checkWorkspace(index.model([GATEWAY], [], [RACOON], []))) {
      for (const f of findings) if (f.code === 'racoon-peer-psk-mismatch') out.push(`${uri.replace('file:///ws/', '')}:${f.range.start.line} ${f.message}`);
    }
    return out.sort();
  }

  it('reports different keys on both files, never showing them', () => {
    const found = pskFindings('"EXAMPLE-ONLY-one"', 'EXAMPLE-ONLY-two');
    assert.deepEqual(lines(found), ['gw/etc/ipsec.secrets:0', 'rh/etc/racoon/psk.txt:0']);
    assert.match(found[0], /this pre-shared key, which conn to-racoon uses, is not the one the racoon host at 192\.0\.2\.40 holds for this gateway \(192\.0\.2\.10, in rh\/etc\/racoon\/psk\.txt\)/);
    for (const line of found) assert.doesNotMatch(line, /EXAMPLE-ONLY/);
  });

  it('compares bytes across the two files\' notations', () => {
    assert.deepEqual(pskFindings('"EXAMPLE-ONLY-same"', 'EXAMPLE-ONLY-same'), []);
    assert.deepEqual(pskFindings('0x4142', 'AB'), []);
    assert.deepEqual(pskFindings('0sQUI=', '0x4142'), []);
    assert.equal(pskFindings('0x4142', 'AC').length, 2);
    // A form not every daemon reads alike is not compared.
    assert.deepEqual(pskFindings('"EXAMPLE\\\\ONLY"', 'other'), []);
  });
});

describe('racoon-peer-ike-version quick fix', () => {
  /** The conn file after the rule's fix, or undefined without one. */
  function fixed(conf: string, racoon = racoonHost()): string | undefined {
    const index = new WorkspaceIndex(new MemoryFiles({ [GATEWAY]: conf, [RACOON]: racoon }));
    const findings = checkWorkspace(index.model([GATEWAY], [], [RACOON], [])).get(`file://${GATEWAY}`) ?? [];
    const edit = findings.find((f) => f.code === 'racoon-peer-ike-version')?.fixes?.[0]?.edits[0];
    if (!edit) return undefined;
    const lines = conf.split('\n');
    const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return conf.slice(0, offset(edit.range.start)) + edit.newText + conf.slice(offset(edit.range.end));
  }

  it('adds the setting each release reads without a notice under the conn header', () => {
    assert.match(fixed(gateway('libreswan-4')) ?? '', /conn to-racoon\n\tikev2=no\n\tleft=/);
    assert.match(fixed(gateway('libreswan-5')) ?? '', /conn to-racoon\n\tkeyexchange=ikev1\n\tleft=/);
  });

  it('rewrites the conn\'s own setting, and leaves an inherited one alone', () => {
    assert.match(fixed(gateway('libreswan-4', '\tikev2=insist\n')) ?? '', /\tikev2=no\n/);
    assert.match(fixed(gateway('strongswan', '\tkeyexchange=ikev2\n')) ?? '', /\tkeyexchange=ikev1\n/);
    const inherited = gateway('libreswan-4').replace('conn to-racoon\n', 'conn %default\n\tikev2=insist\n\nconn to-racoon\n');
    assert.equal(fixed(inherited), undefined);
  });

  it('the fixed file no longer gets the finding', () => {
    const after = fixed(gateway('libreswan-4')) as string;
    assert.deepEqual(found(after), []);
  });
});
