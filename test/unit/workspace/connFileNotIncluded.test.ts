import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';
import { summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'conn-file-not-included';
const SETUP = 'config setup\n\tprotostack=netkey\n';
const IT = 'conn it\n\tleft=192.0.2.1\n\tright=198.51.100.7\n\tauthby=secret\n\tauto=start\n';

describe('conn-file-not-included', () => {
  it('reports a conn file in ipsec.d that no include reads, on its first header', () => {
    const findings = workspaceFindings({ '/ws/gw/etc/ipsec.conf': SETUP, '/ws/gw/etc/ipsec.d/it.conf': `# Italy\n${IT}` }, ['/ws/gw/etc/ipsec.conf']);
    assert.deepEqual(summarize(findings, CODE), ['gw/etc/ipsec.d/it.conf:1 conn-file-not-included warning']);
    const message = findings.find((f) => f.code === CODE)?.message ?? '';
    assert.match(message, /ipsec\.d\/it\.conf is not read/);
    assert.match(message, /conn "it" never loads/);
    assert.match(message, /include \/etc\/ipsec\.d\/\*\.conf/);
  });

  it('is quiet when a glob or a named include reads the file, for both node layouts', () => {
    const glob = workspaceFindings({ '/ws/gw/etc/ipsec.conf': `${SETUP}include /etc/ipsec.d/*.conf\n`, '/ws/gw/etc/ipsec.d/it.conf': IT }, ['/ws/gw/etc/ipsec.conf']);
    assert.deepEqual(summarize(glob, CODE), []);
    const named = workspaceFindings({ '/ws/dk/ipsec.conf': `${SETUP}include ipsec.d/it.conf\n`, '/ws/dk/ipsec.d/it.conf': IT }, ['/ws/dk/ipsec.conf']);
    assert.deepEqual(summarize(named, CODE), []);
  });

  it('counts a file read through another included file, and ignores files without sections, other names and hidden files', () => {
    const findings = workspaceFindings(
      {
        '/ws/gw/etc/ipsec.conf': `${SETUP}include /etc/ipsec.d/server.conf\n`,
        '/ws/gw/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.1\ninclude /etc/ipsec.d/peers.conf\n',
        '/ws/gw/etc/ipsec.d/peers.conf': IT,
        '/ws/gw/etc/ipsec.d/notes.conf': '# parked for later\n',
        '/ws/gw/etc/ipsec.d/it.conf.off': IT,
        '/ws/gw/etc/ipsec.d/.it.conf': IT,
      },
      ['/ws/gw/etc/ipsec.conf'],
    );
    assert.deepEqual(summarize(findings, CODE), []);
  });

  it('does not judge files an include names by pattern but finds nowhere in the workspace (another path layout)', () => {
    const findings = workspaceFindings({ '/ws/gw/etc/ipsec.conf': `${SETUP}include /usr/local/etc/ipsec.d/*.conf\n`, '/ws/gw/etc/ipsec.d/it.conf': IT }, ['/ws/gw/etc/ipsec.conf']);
    assert.deepEqual(summarize(findings, CODE), []);
    const otherPattern = workspaceFindings({ '/ws/gw/etc/ipsec.conf': `${SETUP}include /usr/local/etc/ipsec.d/*.cnf\n`, '/ws/gw/etc/ipsec.d/it.conf': IT }, ['/ws/gw/etc/ipsec.conf']);
    assert.deepEqual(summarize(otherPattern, CODE), ['gw/etc/ipsec.d/it.conf:0 conn-file-not-included warning']);
  });

  it('lists several conns and does not judge an ipsec.conf that is not where the gateway /etc is', () => {
    const findings = workspaceFindings(
      {
        '/ws/gw/etc/ipsec.conf': SETUP,
        '/ws/gw/etc/ipsec.d/peers.conf': `${IT}conn fr\n\tright=203.0.113.9\nconn dk\n\tright=203.0.113.10\nconn se\n\tright=203.0.113.11\n`,
        '/ws/gw/etc/ipsec.d/t1/ipsec.conf': SETUP,
      },
      ['/ws/gw/etc/ipsec.conf', '/ws/gw/etc/ipsec.d/t1/ipsec.conf'],
    );
    assert.deepEqual(summarize(findings, CODE), ['gw/etc/ipsec.d/peers.conf:0 conn-file-not-included warning']);
    assert.match(findings.find((f) => f.code === CODE)?.message ?? '', /conns "it", "fr", "dk", … never load/);
  });

  it('offers the glob when ipsec.conf reads nothing from ipsec.d, else the file by name, appended to ipsec.conf', () => {
    const fixOf = (files: Record<string, string>) => {
      const byUri = checkWorkspace(new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/gw/etc/ipsec.conf']));
      const finding = (byUri.get('file:///ws/gw/etc/ipsec.d/it.conf') ?? []).find((f) => f.code === CODE);
      return finding?.fixes?.[0];
    };
    const glob = fixOf({ '/ws/gw/etc/ipsec.conf': 'config setup', '/ws/gw/etc/ipsec.d/it.conf': IT });
    assert.equal(glob?.preferred, undefined);
    assert.deepEqual(glob?.edits, [{ uri: 'file:///ws/gw/etc/ipsec.conf', range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, newText: '\ninclude /etc/ipsec.d/*.conf\n' }]);
    const named = fixOf({ '/ws/gw/etc/ipsec.conf': `${SETUP}include /etc/ipsec.d/fr.conf\n`, '/ws/gw/etc/ipsec.d/fr.conf': 'conn fr\n\tright=203.0.113.9\n', '/ws/gw/etc/ipsec.d/it.conf': IT });
    assert.equal(named?.edits[0].newText, 'include /etc/ipsec.d/it.conf\n');
    assert.deepEqual(named?.edits[0].range.start, { line: 3, character: 0 });
  });

  it('applying the fix makes the conn part of the gateway', () => {
    const files = new MemoryFiles({ '/ws/gw/etc/ipsec.conf': SETUP, '/ws/gw/etc/ipsec.d/it.conf': IT });
    const index = new WorkspaceIndex(files);
    assert.equal(index.model(['/ws/gw/etc/ipsec.conf']).nodes[0].effective.has('it'), false);
    files.set('/ws/gw/etc/ipsec.conf', `${SETUP}include /etc/ipsec.d/*.conf\n`);
    index.forget('/ws/gw/etc/ipsec.conf');
    const node = index.model(['/ws/gw/etc/ipsec.conf']).nodes[0];
    assert.equal(node.effective.has('it'), true);
    assert.deepEqual(node.unincluded, []);
  });

  it('follows edits to the unread file: a node is rebuilt when the file gains its first section', () => {
    const files = new MemoryFiles({ '/ws/gw/etc/ipsec.conf': SETUP, '/ws/gw/etc/ipsec.d/it.conf': '# later\n' });
    const index = new WorkspaceIndex(files);
    assert.equal(checkWorkspace(index.model(['/ws/gw/etc/ipsec.conf'])).get('file:///ws/gw/etc/ipsec.d/it.conf')?.length ?? 0, 0);
    files.set('/ws/gw/etc/ipsec.d/it.conf', IT);
    index.forget('/ws/gw/etc/ipsec.d/it.conf');
    const codes = (checkWorkspace(index.model(['/ws/gw/etc/ipsec.conf'])).get('file:///ws/gw/etc/ipsec.d/it.conf') ?? []).map((f) => f.code);
    assert.deepEqual(codes, [CODE]);
  });

  it("tells the peer that the conn for it sits in a file its gateway never reads, without offering to write it again", () => {
    const findings = workspaceFindings(
      {
        '/ws/a/ipsec.conf': 'conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n',
        '/ws/b/ipsec.conf': 'conn c\n\tleft=192.0.2.2\n\tright=192.0.2.3\n',
        '/ws/b/ipsec.d/a.conf': 'conn to-a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n',
      },
      ['/ws/a/ipsec.conf', '/ws/b/ipsec.conf'],
    );
    assert.deepEqual(summarize(findings, 'peer-missing-conn'), ['a/ipsec.conf:2 peer-missing-conn error']);
    assert.match(findings.find((f) => f.code === 'peer-missing-conn')?.message ?? '', /has conn to-a for this gateway \(192\.0\.2\.1\) in a\.conf, but no include of its ipsec\.conf reads that file/);
    assert.deepEqual(summarize(findings, CODE), ['b/ipsec.d/a.conf:0 conn-file-not-included warning']);
    const byUri = checkWorkspace(
      new WorkspaceIndex(
        new MemoryFiles({
          '/ws/a/ipsec.conf': 'conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n',
          '/ws/b/ipsec.conf': 'conn c\n\tleft=192.0.2.2\n\tright=192.0.2.3\n',
          '/ws/b/ipsec.d/a.conf': 'conn to-a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n',
        }),
      ).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']),
    );
    const missing = (byUri.get('file:///ws/a/ipsec.conf') ?? []).find((f) => f.code === 'peer-missing-conn');
    assert.deepEqual(missing?.fixes ?? [], []);
    assert.equal(missing?.related?.[0].uri, 'file:///ws/b/ipsec.d/a.conf');
  });
});
