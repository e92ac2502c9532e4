import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { describeNotRead } from '../../../server/src/cli/run';
import { WorkspaceState } from '../../../server/src/lsp/workspaceState';
import { CachingFileSource } from '../../../server/src/workspace/cachingFileSource';
import { DiskFileSource } from '../../../server/src/workspace/fileSource';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import type { ReadResult } from '../../../server/src/workspace/readConfigFile';
import { makeTempDir } from '../../tempDir';

/** The disk, as a user who may not read files whose name ends so (tests run as root, who may read anything). */
class DeniedDisk extends DiskFileSource {
  constructor(private readonly ending: string) {
    super();
  }

  override read(filePath: string, knownRegular = false): ReadResult {
    return filePath.endsWith(this.ending) ? { ok: false, reason: 'cannot be read: permission denied', denied: true } : super.read(filePath, knownRegular);
  }
}

/** A certificate gateway whose ipsec.secrets names the key: only root may read that file on a gateway. */
function gateway(): string {
  const root = makeTempDir('ipsec-denied-');
  mkdirSync(path.join(root, 'gw', 'etc', 'ipsec.d'), { recursive: true });
  writeFileSync(path.join(root, 'gw', 'etc', 'ipsec.conf'), 'config setup\n\ninclude /etc/ipsec.d/*.conf\n');
  writeFileSync(path.join(root, 'gw', 'etc', 'ipsec.d', 'peer.conf'), 'conn peer\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tright=192.0.2.2\n\trightid=@b.example\n\tauthby=secret\n\tauto=add\n');
  writeFileSync(path.join(root, 'gw', 'etc', 'ipsec.secrets'), '@a.example @b.example : PSK "0123456789abcdef0123"\n');
  return root;
}

describe('files the user may not read', () => {
  it('are remembered with why until they change', () => {
    const files = new CachingFileSource(new DeniedDisk('ipsec.secrets'));
    assert.equal(files.read('/gw/etc/ipsec.secrets').ok, false);
    assert.equal(files.read('/gw/etc/nothing.conf').ok, false);
    assert.deepEqual(files.notReadForPermission(), ['/gw/etc/ipsec.secrets']);
    assert.deepEqual(files.notRead(), [{ filePath: '/gw/etc/ipsec.secrets', reason: 'cannot be read: permission denied' }], 'a missing file is no refused one');
    files.invalidate('/gw/etc/ipsec.secrets');
    assert.deepEqual(files.notReadForPermission(), []);
  });

  it("are named once by a CLI run that needed them, and cause no finding of their own (a named ipsec.conf's secrets)", () => {
    const root = gateway();
    const conf = path.join(root, 'gw', 'etc', 'ipsec.conf');
    const told: string[] = [];
    const reports = lintWorkspace([{ filePath: conf, kind: 'ipsec', explicit: true }], {
      base: new DeniedDisk('ipsec.secrets'),
      contextOfNamedFiles: true,
      onNotRead: (files) => told.push(describeNotRead(files, root)),
    });
    assert.deepEqual(reports.map((r) => [path.relative(root, r.filePath), r.findings.map((f) => f.code)]), [
      ['gw/etc/ipsec.conf', []],
      ['gw/etc/ipsec.d/peer.conf', []],
    ]);
    assert.deepEqual(told, ['could not read, so left out of the checks: gw/etc/ipsec.secrets (cannot be read: permission denied)']);
  });

  it('are not named again when the run reports them itself', () => {
    const root = gateway();
    const secrets = path.join(root, 'gw', 'etc', 'ipsec.secrets');
    let told = 0;
    const reports = lintWorkspace([{ filePath: secrets, kind: 'ipsec-secrets', explicit: true }], { base: new DeniedDisk('ipsec.secrets'), contextOfNamedFiles: true, onNotRead: () => told++ });
    assert.match(reports[0].fatal ?? '', /permission denied/);
    assert.equal(told, 0);
  });

  it('are named in the server\'s note after indexing', () => {
    const root = gateway();
    const state = new WorkspaceState(undefined, new DeniedDisk('ipsec.secrets'));
    state.indexFolders([root], {});
    assert.match(state.notReadNote() ?? '', /^1 file\(s\) could not be read, the editor's user not being allowed to: .*gw\/etc\/ipsec\.secrets\. The checks across files leave them out\.$/);
    const readable = new WorkspaceState(undefined, new DiskFileSource());
    readable.indexFolders([root], {});
    readable.opened(pathToFileURL(path.join(root, 'gw', 'etc', 'ipsec.conf')).href, 'config setup\n');
    assert.equal(readable.notReadNote(), undefined);
  });
});
