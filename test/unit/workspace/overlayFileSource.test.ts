import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DiskFileSource, OverlayFileSource } from '../../../server/src/workspace/fileSource';
import { makeTempDir } from '../../tempDir';

/** A gateway folder reached through a symbolic link, as a workspace opened by a linked path is. */
function linkedGateway(): { real: string; linked: string } {
  const root = makeTempDir('ipsec-overlay-');
  const real = path.join(root, 'real', 'etc', 'ipsec.d');
  mkdirSync(real, { recursive: true });
  writeFileSync(path.join(real, 'saved.conf'), 'conn a\n');
  symlinkSync(path.join(root, 'real'), path.join(root, 'linked'));
  return { real: realpathSync.native(real), linked: path.join(root, 'linked', 'etc', 'ipsec.d') };
}

describe('the real path of an open buffer', () => {
  it('is where the file really is, for a saved file and for one not yet written, as for a closed file', () => {
    const { real, linked } = linkedGateway();
    const files = new OverlayFileSource(new DiskFileSource());
    assert.equal(files.realpath(path.join(linked, 'saved.conf')), path.join(real, 'saved.conf'));
    files.set(path.join(linked, 'saved.conf'), 'conn a\n\tleft=192.0.2.1\n');
    files.set(path.join(linked, 'new.conf'), 'conn b\n');
    assert.equal(files.realpath(path.join(linked, 'saved.conf')), path.join(real, 'saved.conf'));
    assert.equal(files.realpath(path.join(linked, 'new.conf')), path.join(real, 'new.conf'));
  });

  it('is the path itself when even its folder does not exist', () => {
    const files = new OverlayFileSource(new DiskFileSource());
    const nowhere = path.join(makeTempDir('ipsec-overlay-'), 'gone', 'x.conf');
    files.set(nowhere, 'conn x\n');
    assert.equal(files.realpath(nowhere), nowhere);
  });
});
