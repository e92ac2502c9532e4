import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';

const CONF = `path pre_shared_key "/etc/racoon/psk.txt";
path certificate "/etc/racoon/certs";
remote 192.0.2.2 {
\texchange_mode main;
\tproposal {
\t\tencryption_algorithm aes;
\t\thash_algorithm sha1;
\t\tauthentication_method pre_shared_key;
\t\tdh_group modp2048;
\t}
}
remote 192.0.2.3 {
\tcertificate_type x509 "cert.pem" "key.pem";
\tca_type x509 "cacert.pem";
\tproposal {
\t\tencryption_algorithm aes;
\t\thash_algorithm sha1;
\t\tauthentication_method rsasig;
\t\tdh_group modp2048;
\t}
}
`;

describe("racoon.conf kept in a folder of its own, with psk.txt and certs beside it", () => {
  it("reads racoon's /etc/racoon paths next to racoon.conf when the usual place holds nothing", () => {
    const files = { '/ws/server/racoon.conf': CONF, '/ws/server/psk.txt': '192.0.2.2\texample-only\n', '/ws/server/certs/cert.pem': 'x', '/ws/server/certs/key.pem': 'x', '/ws/server/certs/cacert.pem': 'x' };
    const model = new WorkspaceIndex(new MemoryFiles(files)).model([], [], ['/ws/server/racoon.conf']);
    const [host] = model.racoonHosts;
    assert.equal(host.pskPath.resolved, '/ws/server/psk.txt');
    assert.equal(host.certificatePath.resolved, '/ws/server/certs');
    assert.deepEqual([...checkWorkspace(model).values()].flat().map((f) => f.code), []);
  });

  it('keeps the usual place when it holds the file, and the folder of a racoon.conf that sits in racoon/', () => {
    const model = (files: Record<string, string>, conf: string) => new WorkspaceIndex(new MemoryFiles(files)).model([], [], [conf]).racoonHosts[0];
    assert.equal(model({ '/ws/server/racoon.conf': CONF, '/ws/server/psk.txt': 'a b\n', '/ws/server/racoon/psk.txt': 'a b\n' }, '/ws/server/racoon.conf').pskPath.resolved, '/ws/server/racoon/psk.txt');
    assert.equal(model({ '/ws/a/etc/racoon/racoon.conf': CONF }, '/ws/a/etc/racoon/racoon.conf').pskPath.resolved, '/ws/a/etc/racoon/psk.txt');
  });
});

describe('racoon paths outside /etc', () => {
  it('are named as written when the host folder stands for /etc alone', () => {
    const conf = CONF.replace('"/etc/racoon/psk.txt"', '"/usr/local/etc/racoon/psk.txt"').replace('"/etc/racoon/certs"', '"/usr/local/etc/racoon/cert"');
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/racoon.conf': conf })).model([], [], ['/ws/a/racoon.conf']);
    const messages = [...checkWorkspace(model).values()].flat().map((f) => f.message);
    assert.match(messages[0], /^\/usr\/local\/etc\/racoon\/psk\.txt is not in this workspace/);
    assert.match(messages[1], /no files in \/usr\/local\/etc\/racoon\/cert .*add \/usr\/local\/etc\/racoon\/cert\/cert\.pem/);
    assert.ok(messages.every((m) => !m.includes('/etc/usr')), messages.join('\n'));
  });
});

function findings(files: Record<string, string>) {
  const model = new WorkspaceIndex(new MemoryFiles(files)).model([], [], ['/ws/a/etc/racoon/racoon.conf']);
  return [...checkWorkspace(model).values()].flat().map((f) => `${f.code}: ${f.message}`);
}

describe('racoon host checks', () => {
  it('reads the paths and remotes of racoon.conf', () => {
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/etc/racoon/racoon.conf': CONF })).model([], [], ['/ws/a/etc/racoon/racoon.conf']);
    const [host] = model.racoonHosts;
    assert.equal(host.pskPath.resolved, '/ws/a/etc/racoon/psk.txt');
    assert.deepEqual(host.remotes.map((r) => [r.name, r.usesPsk, r.files.length]), [['192.0.2.2', true, 0], ['192.0.2.3', false, 3]]);
  });

  it('a complete host has no findings', () => {
    assert.deepEqual(
      findings({
        '/ws/a/etc/racoon/racoon.conf': CONF,
        '/ws/a/etc/racoon/psk.txt': '192.0.2.2\texample-only\n',
        '/ws/a/etc/racoon/certs/cert.pem': 'x',
        '/ws/a/etc/racoon/certs/key.pem': 'x',
        '/ws/a/etc/racoon/certs/cacert.pem': 'x',
      }),
      [],
    );
  });

  it('reports a missing psk line and missing certificate files, and notes a psk.txt or certificate folder the workspace does not keep', () => {
    const severities = (files: Record<string, string>) => {
      const model = new WorkspaceIndex(new MemoryFiles(files)).model([], [], ['/ws/a/etc/racoon/racoon.conf']);
      return [...checkWorkspace(model).values()].flat().map((f) => `${f.code} ${f.severity}`);
    };
    assert.deepEqual(severities({ '/ws/a/etc/racoon/racoon.conf': CONF }), ['racoon-psk-missing info', 'racoon-file-missing info', 'racoon-file-missing info', 'racoon-file-missing info']);
    assert.match(findings({ '/ws/a/etc/racoon/racoon.conf': CONF })[0], /\/etc\/racoon\/psk\.txt is not in this workspace, so the keys of 1 remote\(s\) that authenticate with a pre-shared key are not checked/);
    assert.deepEqual(severities({ '/ws/a/etc/racoon/racoon.conf': CONF, '/ws/a/etc/racoon/psk.txt': '192.0.2.2\texample-only\n', '/ws/a/etc/racoon/certs/cert.pem': 'x' }), [
      'racoon-file-missing error',
      'racoon-file-missing error',
    ]);
    const noLine = findings({ '/ws/a/etc/racoon/racoon.conf': CONF, '/ws/a/etc/racoon/psk.txt': '192.0.2.9\tother\n' });
    assert.match(noLine[0], /racoon-psk-missing: remote 192\.0\.2\.2 uses a pre-shared key, but \/etc\/racoon\/psk\.txt has no line for 192\.0\.2\.2/);
  });

  it('finds an IPv6 peer only under the one spelling racoon looks it up by, and offers to rewrite another', () => {
    const v6 = CONF.replace('remote 192.0.2.2 {', 'remote 2001:DB8:0::2 {').replace(/remote 192\.0\.2\.3 \{[\s\S]*$/, '');
    const files = (psk: string) => ({ '/ws/a/etc/racoon/racoon.conf': v6, '/ws/a/etc/racoon/psk.txt': psk });
    assert.deepEqual(findings(files('2001:db8::2\texample-only\n')), []);
    assert.deepEqual(findings(files('2001:DB8::2\texample-only\n')), [
      'racoon-psk-missing: racoon looks the key for remote 2001:DB8:0::2 up as "2001:db8::2" and compares the text, so this line, written "2001:DB8::2", is not found: write 2001:db8::2',
    ]);
    assert.deepEqual(findings(files('2001:db8::9\texample-only\n')), [
      'racoon-psk-missing: remote 2001:DB8:0::2 uses a pre-shared key, but /etc/racoon/psk.txt has no line for 2001:db8::2: add "2001:db8::2<TAB>key"',
    ]);
    const model = new WorkspaceIndex(new MemoryFiles(files('2001:0db8:0:0::2\texample-only\n'))).model([], [], ['/ws/a/etc/racoon/racoon.conf']);
    const [rewrite] = [...checkWorkspace(model).values()].flat();
    assert.equal(rewrite.range.start.line, 0);
    assert.deepEqual(rewrite.fixes?.[0].edits[0].newText, '2001:db8::2');
  });

  it('looks a named remote up by its remote_address, and aggressive mode by the peer identifier', () => {
    const named = (body: string) => `path pre_shared_key "/etc/racoon/psk.txt";\nremote "peer1" {\n${body}\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n}\n`;
    const psk = '192.0.2.5\texample-only\n';
    assert.deepEqual(findings({ '/ws/a/etc/racoon/racoon.conf': named('\tremote_address 192.0.2.5;\n'), '/ws/a/etc/racoon/psk.txt': psk }), []);
    // Without remote_address racoon matches the peer some other way: not judged.
    assert.deepEqual(findings({ '/ws/a/etc/racoon/racoon.conf': named(''), '/ws/a/etc/racoon/psk.txt': psk }), []);
    assert.deepEqual(findings({ '/ws/a/etc/racoon/racoon.conf': named('\tremote_address 192.0.2.6;\n'), '/ws/a/etc/racoon/psk.txt': psk }), [
      'racoon-psk-missing: remote "peer1" (192.0.2.6) uses a pre-shared key, but /etc/racoon/psk.txt has no line for 192.0.2.6: add "192.0.2.6<TAB>key"',
    ]);
    const byId = CONF.replace('exchange_mode main;', 'exchange_mode aggressive;\n\tpeers_identifier fqdn "vpn.example";').replace(/remote 192\.0\.2\.3 \{[\s\S]*$/, '');
    assert.deepEqual(findings({ '/ws/a/etc/racoon/racoon.conf': byId, '/ws/a/etc/racoon/psk.txt': 'vpn.example\texample-only\n' }), []);
  });
});

describe('racoon-include-missing', () => {
  const MINIMAL = 'path pre_shared_key "/etc/racoon/psk.txt";\n';
  const includeFindings = (files: Record<string, string>) => {
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/etc/racoon/psk.txt': '', ...files })).model([], [], ['/ws/a/etc/racoon/racoon.conf']);
    return [...checkWorkspace(model).values()].flat().filter((f) => f.code === 'racoon-include-missing').map((f) => `${f.severity} ${f.range.start.line}: ${f.message}`);
  };

  it('is quiet when the include, as a glob, under path include or absolute, finds a file', () => {
    assert.deepEqual(includeFindings({ '/ws/a/etc/racoon/racoon.conf': `${MINIMAL}include "/etc/racoon/racoon.d/*.conf";\n`, '/ws/a/etc/racoon/racoon.d/peer.conf': '' }), []);
    assert.deepEqual(includeFindings({ '/ws/a/etc/racoon/racoon.conf': `${MINIMAL}path include "/etc/racoon";\ninclude "peers.conf";\n`, '/ws/a/etc/racoon/peers.conf': '' }), []);
  });

  it("warns where racoon's glob finds nothing (\"glob found no matches\"), and notes a folder the workspace keeps nothing in", () => {
    assert.deepEqual(includeFindings({ '/ws/a/etc/racoon/racoon.conf': `${MINIMAL}path include "/etc/racoon";\ninclude "ipsec.conf";\n` }), [
      'warning 2: no file matches /etc/racoon/ipsec.conf: racoon finds nothing to include ("glob found no matches") and refuses the configuration',
    ]);
    assert.deepEqual(includeFindings({ '/ws/a/etc/racoon/racoon.conf': `${MINIMAL}include "/var/run/racoon/*.conf";\n` }), [
      'info 1: /var/run/racoon/*.conf is not checked, since the workspace keeps no files in /var/run/racoon (put in place on the host?)',
    ]);
  });

  it('warns about a relative include with no path include before it: racoon looks for "(null)/name"', () => {
    const [found] = includeFindings({ '/ws/a/etc/racoon/racoon.conf': `${MINIMAL}include "peers.conf";\npath include "/etc/racoon";\n`, '/ws/a/etc/racoon/peers.conf': '' });
    assert.match(found, /^warning 1: racoon reads "peers\.conf" under path include, which is not set before this line/);
  });
});

describe('racoon built for /usr/local (FreeBSD)', () => {
  it("takes its compiled-in paths under /usr/local/etc/racoon, where the port installs them", () => {
    const conf = CONF.replace(/^path .*\n/gm, '');
    const files = { '/ws/bsd/usr/local/etc/racoon/racoon.conf': conf, '/ws/bsd/usr/local/etc/racoon/psk.txt': '192.0.2.2\texample-only\n', '/ws/bsd/usr/local/etc/racoon/certs/cert.pem': 'x', '/ws/bsd/usr/local/etc/racoon/certs/key.pem': 'x', '/ws/bsd/usr/local/etc/racoon/certs/cacert.pem': 'x' };
    const model = new WorkspaceIndex(new MemoryFiles(files)).model([], [], ['/ws/bsd/usr/local/etc/racoon/racoon.conf']);
    const [host] = model.racoonHosts;
    assert.deepEqual([host.pskPath.written, host.pskPath.resolved], ['/usr/local/etc/racoon/psk.txt', '/ws/bsd/usr/local/etc/racoon/psk.txt']);
    assert.equal(host.certificatePath.resolved, '/ws/bsd/usr/local/etc/racoon/certs');
    assert.deepEqual([...checkWorkspace(model).values()].flat().map((f) => f.code), []);
  });
});
