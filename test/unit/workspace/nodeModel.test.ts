import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { matchSegment } from '../../../server/src/workspace/glob';
import { displayPath, inferLayout, resolveConfigPath } from '../../../server/src/workspace/nodeLayout';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

function model(files: Record<string, string>, confs: string[]) {
  const index = new WorkspaceIndex(new MemoryFiles(files));
  return index.model(confs);
}

function findingsByFile(files: Record<string, string>, confs: string[]) {
  const byUri = checkWorkspace(model(files, confs));
  const out: Record<string, string[]> = {};
  for (const [uri, findings] of byUri) out[new URL(uri).pathname] = findings.map((f) => f.code);
  return out;
}

describe('node layout', () => {
  it('maps /etc paths onto the node folder for both layouts', () => {
    const withEtc = inferLayout('/ws/fr/etc/ipsec.conf');
    assert.deepEqual(withEtc, { root: '/ws/fr', etc: '/ws/fr/etc', etcOnGateway: '/etc' });
    assert.equal(resolveConfigPath('/etc/ipsec.d/*.conf', '/ws/fr/etc/ipsec.conf', withEtc), '/ws/fr/etc/ipsec.d/*.conf');
    const flat = inferLayout('/ws/dk/ipsec.conf');
    assert.equal(resolveConfigPath('/etc/ipsec.d/x.conf', '/ws/dk/ipsec.conf', flat), '/ws/dk/ipsec.d/x.conf');
    assert.equal(resolveConfigPath('peers/a.conf', '/ws/dk/ipsec.d/x.conf', flat), '/ws/dk/ipsec.d/peers/a.conf');
    assert.equal(resolveConfigPath('/var/lib/x.conf', '/ws/fr/etc/ipsec.conf', withEtc), '/ws/fr/var/lib/x.conf');
    assert.deepEqual(inferLayout('/ws/fr/etc/ipsec.conf', '/elsewhere'), { root: '/elsewhere', etc: '/elsewhere/etc', etcOnGateway: '/etc' });
  });

  it("maps a racoon host kept as private/etc (macOS, iOS) so that /etc, /private/etc and /var name its folders as on the Mac", () => {
    const mac = inferLayout('/ws/mac/private/etc/racoon/racoon.conf');
    assert.deepEqual(mac, { root: '/ws/mac', etc: '/ws/mac/private/etc', etcOnGateway: '/etc' });
    const conf = '/ws/mac/private/etc/racoon/racoon.conf';
    assert.equal(resolveConfigPath('/etc/racoon/psk.txt', conf, mac), '/ws/mac/private/etc/racoon/psk.txt');
    assert.equal(resolveConfigPath('/private/etc/racoon/psk.txt', conf, mac), '/ws/mac/private/etc/racoon/psk.txt');
    assert.equal(resolveConfigPath('/var/run/racoon/peer.conf', conf, mac), '/ws/mac/private/var/run/racoon/peer.conf');
    assert.equal(resolveConfigPath('/usr/share/x', conf, mac), '/ws/mac/usr/share/x');
    assert.deepEqual(inferLayout('/ws/private/etc/ipsec.conf'), { root: '/ws/private', etc: '/ws/private/etc', etcOnGateway: '/etc' }, 'only racoon runs on a Mac');
  });

  it('takes usr/local/etc for the configuration folder of a daemon built with the /usr/local prefix (FreeBSD ports, source builds)', () => {
    const local = inferLayout('/ws/bsd/usr/local/etc/ipsec.conf');
    assert.deepEqual(local, { root: '/ws/bsd', etc: '/ws/bsd/usr/local/etc', etcOnGateway: '/usr/local/etc' });
    assert.equal(resolveConfigPath('/usr/local/etc/ipsec.d/*.conf', '/ws/bsd/usr/local/etc/ipsec.conf', local), '/ws/bsd/usr/local/etc/ipsec.d/*.conf');
    assert.equal(resolveConfigPath('/etc/hosts', '/ws/bsd/usr/local/etc/ipsec.conf', local), '/ws/bsd/etc/hosts');
    assert.equal(displayPath('/ws/bsd/usr/local/etc/ipsec.d/certs/gw.pem', local), '/usr/local/etc/ipsec.d/certs/gw.pem');
    assert.equal(inferLayout('/ws/bsd/usr/local/etc/racoon/racoon.conf').etcOnGateway, '/usr/local/etc');
    const m = model(
      {
        '/ws/bsd/usr/local/etc/ipsec.conf': 'config setup\n\tcharondebug="ike 1"\ninclude /usr/local/etc/ipsec.d/*.conf\n',
        '/ws/bsd/usr/local/etc/ipsec.d/dk.conf': 'conn dk\n\tleft=192.0.2.1\n\tright=192.0.2.2\n',
      },
      ['/ws/bsd/usr/local/etc/ipsec.conf'],
    );
    assert.deepEqual(m.nodes[0].documents.map((d) => new URL(d.uri).pathname), ['/ws/bsd/usr/local/etc/ipsec.conf', '/ws/bsd/usr/local/etc/ipsec.d/dk.conf']);
    assert.deepEqual(m.nodes[0].problems, []);
  });

  it('matches shell globs without regular expressions', () => {
    assert.ok(matchSegment('*.conf', 'dk.conf'));
    assert.ok(!matchSegment('*.conf', 'dk.secrets'));
    assert.ok(matchSegment('ipsec.*.secrets', 'ipsec.a.secrets'));
    assert.ok(matchSegment('[a-c]?.conf', 'bx.conf'));
    assert.ok(!matchSegment('[!a-c]?.conf', 'bx.conf'));
    assert.ok(!matchSegment('*a*a*a*a*a*a*b', 'a'.repeat(200)));
  });
});

describe('includes', () => {
  it('follows an /etc glob in reading order and collects conns from every file', () => {
    const m = model(
      {
        '/ws/fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
        '/ws/fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.1\n',
        '/ws/fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=192.0.2.2\n',
      },
      ['/ws/fr/etc/ipsec.conf'],
    );
    const node = m.nodes[0];
    assert.deepEqual(node.documents.map((d) => new URL(d.uri).pathname), ['/ws/fr/etc/ipsec.conf', '/ws/fr/etc/ipsec.d/dk.conf', '/ws/fr/etc/ipsec.d/server.conf']);
    assert.equal(node.effective.get('dk')?.values.get('left')?.value, '192.0.2.1');
    assert.equal(node.effective.get('dk')?.values.get('left')?.via, 'default');
    assert.deepEqual(node.problems, []);
  });

  it('warns about a missing include and stops at an include cycle', () => {
    const found = findingsByFile(
      {
        '/ws/a/ipsec.conf': 'include /etc/missing.conf\ninclude b.conf\n',
        '/ws/a/b.conf': 'include c.conf\n',
        '/ws/a/c.conf': 'include b.conf\n',
      },
      ['/ws/a/ipsec.conf'],
    );
    assert.deepEqual(found, { '/ws/a/ipsec.conf': ['include-missing'], '/ws/a/c.conf': ['include-cycle'] });
  });

  it('notes, rather than warns about, an include of a folder the workspace keeps nothing in (a package puts the file there)', () => {
    const severities = (files: Record<string, string>) =>
      [...checkWorkspace(model(files, ['/ws/a/etc/ipsec.conf'])).values()].flat().filter((f) => f.code === 'include-missing').map((f) => `${f.severity} ${f.message}`);
    const stock = 'include /var/lib/strongswan/ipsec.conf.inc\ninclude /etc/ipsec.d/site.conf\n';
    assert.deepEqual(severities({ '/ws/a/etc/ipsec.conf': stock }), [
      'info include "/var/lib/strongswan/ipsec.conf.inc" is not in this workspace (it keeps no files in /var/lib/strongswan), so what that file holds is not checked',
      'info include "/etc/ipsec.d/site.conf" is not in this workspace (it keeps no files in /etc/ipsec.d), so what that file holds is not checked',
    ]);
    const kept = severities({ '/ws/a/etc/ipsec.conf': stock, '/ws/a/etc/ipsec.d/other.conf': 'conn other\n\tright=192.0.2.2\n', '/ws/a/var/lib/strongswan/.gitkeep': '' });
    assert.deepEqual(kept.map((f) => f.split(' ')[0]), ['info', 'warning']);
    assert.match(kept[1], /names no file in this node \(looked for etc\/ipsec\.d\/site\.conf\)/);
  });

  it('of a conn defined twice, keeps the one read first, with included files read where their include line stands', () => {
    const files = (before: string, after: string) => ({ '/ws/a/ipsec.conf': `${before}include /etc/peer.conf\n${after}`, '/ws/a/peer.conf': 'conn peer\n\trightid=@included.example\n' });
    const copy = 'conn peer\n\trightid=@in-ipsec-conf.example\n';
    const rightid = (f: Record<string, string>) => model(f, ['/ws/a/ipsec.conf']).nodes[0].effective.get('peer')?.values.get('rightid')?.value;
    assert.equal(rightid(files('', copy)), '@included.example');
    assert.equal(rightid(files(copy, '')), '@in-ipsec-conf.example');
    assert.deepEqual(findingsByFile(files('', copy), ['/ws/a/ipsec.conf']), { '/ws/a/ipsec.conf': ['duplicate-conn-in-node'] });
  });

  it('a glob that matches nothing is not an error', () => {
    assert.deepEqual(findingsByFile({ '/ws/a/ipsec.conf': 'include /etc/ipsec.d/*.conf\n' }, ['/ws/a/ipsec.conf']), {});
  });
});

describe('also= and %default', () => {
  it('own lines win over also=, which wins over %default', () => {
    const m = model(
      {
        '/ws/n/ipsec.conf': 'conn %default\n\tpfs=no\n\ttype=tunnel\n\tkeyingtries=3\nconn base\n\ttype=transport\n\tpfs=yes\nconn x\n\talso=base\n\tpfs=no\n',
      },
      ['/ws/n/ipsec.conf'],
    );
    const x = m.nodes[0].effective.get('x');
    assert.equal(x?.values.get('pfs')?.value, 'no');
    assert.equal(x?.values.get('type')?.value, 'transport');
    assert.equal(x?.values.get('type')?.via, 'also');
    assert.equal(x?.values.get('keyingtries')?.value, '3');
  });

  it('reports an undefined also= target with a suggestion, and a cycle with its chain', () => {
    const byUri = checkWorkspace(
      model({ '/ws/n/ipsec.conf': 'conn roadwarrior\n\tright=%any\nconn a\n\talso=roadwariror\nconn b\n\talso=c\nconn c\n\talso=b\n' }, ['/ws/n/ipsec.conf']),
    );
    const findings = byUri.get('file:///ws/n/ipsec.conf') ?? [];
    assert.deepEqual(findings.map((f) => f.code).sort(), ['also-cycle', 'also-cycle', 'also-undefined']);
    assert.match(findings.find((f) => f.code === 'also-undefined')?.message ?? '', /did you mean "roadwarrior"/);
    assert.match(findings.find((f) => f.code === 'also-cycle')?.message ?? '', /b → c → b|c → b → c/);
  });

  it('is a warning when an include names a file the workspace does not hold, which may define the conn', () => {
    const text = '# ipsec-dialect: libreswan-4\ninclude /testing/baseconfigs/all/etc/ipsec.d/ipsec.conf.common\n\nconn a\n\talso=north-east\n\tauto=add\n';
    const findings = checkWorkspace(model({ '/ws/n/ipsec.conf': text }, ['/ws/n/ipsec.conf'])).get('file:///ws/n/ipsec.conf') ?? [];
    const undefinedTarget = findings.find((f) => f.code === 'also-undefined');
    assert.equal(undefinedTarget?.severity, 'warning');
    assert.match(undefinedTarget?.message ?? '', /names a file the workspace does not hold, which may define it/);
    const held = checkWorkspace(model({ '/ws/n/ipsec.conf': text.replace(/include .*\n/, '') }, ['/ws/n/ipsec.conf'])).get('file:///ws/n/ipsec.conf') ?? [];
    assert.equal(held.find((f) => f.code === 'also-undefined')?.severity, 'error');
  });

  it('strongSwan ends a bare also= name at "#" (starter accepts also=base# old); Libreswan looks for "base#"', () => {
    const text = (dialect: string) => `# ipsec-dialect: ${dialect}\nconn base\n\tright=192.0.2.2\nconn a\n\talso=base# old\n`;
    const codes = (dialect: string) => (checkWorkspace(model({ '/ws/n/ipsec.conf': text(dialect) }, ['/ws/n/ipsec.conf'])).get('file:///ws/n/ipsec.conf') ?? []).map((f) => f.code);
    assert.deepEqual(codes('strongswan'), []);
    assert.deepEqual(model({ '/ws/n/ipsec.conf': text('strongswan') }, ['/ws/n/ipsec.conf']).nodes[0].effective.get('a')?.values.get('right')?.value, '192.0.2.2');
    assert.deepEqual(codes('libreswan-4'), ['also-undefined']);
  });

  it("takes a strongSwan value with the words after a blank joined in, as starter hands it on, and only the first word elsewhere", () => {
    const text = (dialect: string) => `# ipsec-dialect: ${dialect}\nconn %default\n\tike=aes256-sha256-modp2048, aes128-sha256-modp2048! # two\nconn a\n\tleftsubnet=10.1.0.0/16, "10.2.0.0/16"\n\tright=192.0.2.2\n`;
    const values = (dialect: string) => model({ '/ws/n/ipsec.conf': text(dialect) }, ['/ws/n/ipsec.conf']).nodes[0].effective.get('a')?.values;
    assert.equal(values('strongswan')?.get('leftsubnet')?.value, '10.1.0.0/16, 10.2.0.0/16');
    assert.equal(values('strongswan')?.get('ike')?.value, 'aes256-sha256-modp2048, aes128-sha256-modp2048!');
    assert.equal(values('strongswan')?.get('right')?.value, '192.0.2.2');
    assert.equal(values('libreswan-4')?.get('leftsubnet')?.value, '10.1.0.0/16,');
  });
});
