import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WorkspaceState } from '../../../server/src/lsp/workspaceState';
import { DiskFileSource } from '../../../server/src/workspace/fileSource';
import { fixturePath } from '../../helpers';
import { makeTempDir } from '../../tempDir';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The disk, noting every certificate it hands out. */
class WatchedDisk extends DiskFileSource {
  readonly reads = new Map<string, number>();
  readonly handedOut: Array<WeakRef<Buffer>> = [];
  readonly listed: string[] = [];

  override listWithFiles(dirPath: string) {
    this.listed.push(dirPath);
    return super.listWithFiles(dirPath);
  }

  override readBytes(filePath: string): Buffer | undefined {
    const bytes = super.readBytes(filePath);
    if (bytes && filePath.endsWith('.der')) {
      this.reads.set(filePath, (this.reads.get(filePath) ?? 0) + 1);
      this.handedOut.push(new WeakRef(bytes));
    }
    return bytes;
  }
}

describe('what the server keeps of a workspace', () => {
  it('reads each certificate once, across edits, and keeps none of their bytes', async () => {
    const root = makeTempDir('ipsec-state-');
    try {
      const etc = path.join(root, 'gw', 'etc');
      mkdirSync(path.join(etc, 'ipsec.d', 'certs'), { recursive: true });
      mkdirSync(path.join(etc, 'ipsec.d', 'cacerts'), { recursive: true });
      copyFileSync(fixturePath('certs', 'gateway.der'), path.join(etc, 'ipsec.d', 'certs', 'gateway.der'));
      copyFileSync(fixturePath('certs', 'test-ca.der'), path.join(etc, 'ipsec.d', 'cacerts', 'test-ca.der'));
      const conf = path.join(etc, 'ipsec.conf');
      writeFileSync(conf, 'conn peer\n\tleft=192.0.2.1\n\tleftid=@gw.test.example\n\tleftcert=gateway.der\n\tright=192.0.2.2\n\tauto=add\n');
      const disk = new WatchedDisk();
      const state = new WorkspaceState(undefined, disk);
      state.indexFolders([root], {});
      state.allFindings();
      const text = readFileSync(conf, 'utf8');
      for (let i = 0; i < 3; i++) {
        state.opened(pathToFileURL(conf).href, `${text}# edit ${i}\n`);
        state.allFindings();
      }
      assert.deepEqual([...disk.reads.values()], [1, 1], `certificates read: ${JSON.stringify([...disk.reads])}`);
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      assert.equal(disk.handedOut.filter((ref) => ref.deref() !== undefined).length, 0, 'a certificate read from disk is still held');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('takes the folder listings from its walk of the workspace instead of listing each folder again', () => {
    const root = makeTempDir('ipsec-state-');
    try {
      const etc = path.join(root, 'gw', 'etc');
      mkdirSync(path.join(etc, 'ipsec.d', 'certs'), { recursive: true });
      copyFileSync(fixturePath('certs', 'gateway.der'), path.join(etc, 'ipsec.d', 'certs', 'gateway.der'));
      writeFileSync(path.join(etc, 'ipsec.conf'), 'include /etc/ipsec.d/*.conf\n');
      writeFileSync(path.join(etc, 'ipsec.d', 'peer.conf'), 'conn peer\n\tleft=192.0.2.1\n\tleftcert=gateway.der\n\tright=192.0.2.2\n\tauto=add\n');
      const disk = new WatchedDisk();
      const state = new WorkspaceState(undefined, disk);
      state.indexFolders([root], {});
      state.allFindings();
      // Only the cacerts and crls folders the walk could not see (they do not exist) are asked for.
      assert.deepEqual(disk.listed.sort(), [path.join(etc, 'ipsec.d', 'cacerts'), path.join(etc, 'ipsec.d', 'crls')], 'folders listed a second time, or above the workspace');
      assert.deepEqual([...disk.reads.keys()], [path.join(etc, 'ipsec.d', 'certs', 'gateway.der')], 'the include glob and the certificate were found from the walk');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a file opened outside the folders searched', () => {
  it('brings its gateway into the model, and keeps it there when the folders are searched again', () => {
    const root = makeTempDir('ipsec-state-open-');
    const etc = path.join(root, 'de', 'etc');
    mkdirSync(path.join(etc, 'ipsec.d'), { recursive: true });
    writeFileSync(path.join(etc, 'ipsec.conf'), 'conn common\n\tleft=192.0.2.10\n\tauthby=secret\n\ninclude /etc/ipsec.d/*.conf\n');
    const connFile = path.join(etc, 'ipsec.d', 'fr.conf');
    const text = 'conn fr\n\talso=comon\n\tright=198.51.100.20\n\tauto=add\n';
    writeFileSync(connFile, text);
    const state = new WorkspaceState();
    const uri = pathToFileURL(connFile).href;
    state.opened(uri, text);
    const codes = (): string[] => state.findingsFor(uri).map((f) => f.code);
    assert.deepEqual(state.model().nodes.map((node) => node.confPath), [path.join(etc, 'ipsec.conf')]);
    assert.deepEqual(codes(), ['also-undefined']);
    state.forgetDiscovered();
    assert.deepEqual(state.model().nodes.map((node) => node.confPath), [path.join(etc, 'ipsec.conf')]);
    assert.deepEqual(codes(), ['also-undefined']);
  });
});
