import assert from 'node:assert/strict';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CachingFileSource } from '../../../server/src/workspace/cachingFileSource';
import { collectFiles } from '../../../server/src/workspace/collectFiles';
import { DiskFileSource, type DirectoryListing } from '../../../server/src/workspace/fileSource';
import { makeTempDir } from '../../tempDir';

describe('CachingFileSource', () => {
  const root = makeTempDir('ipsec-cache-');
  const certs = path.join(root, 'certs');
  mkdirSync(path.join(certs, 'sub'), { recursive: true });
  writeFileSync(path.join(certs, 'a.der'), 'x');
  symlinkSync(path.join(certs, 'a.der'), path.join(certs, 'link.der'));
  symlinkSync(path.join(certs, 'nowhere.der'), path.join(certs, 'dangling.der'));

  it('answers isFile from folder listings, resolving links, and sees new files once told', () => {
    const files = new CachingFileSource(new DiskFileSource());
    assert.equal(files.isFile(path.join(certs, 'a.der')), true);
    assert.equal(files.isFile(path.join(certs, 'missing.der')), false);
    assert.equal(files.isFile(path.join(certs, 'sub')), false);
    assert.equal(files.isFile(path.join(certs, 'link.der')), true);
    assert.equal(files.isFile(path.join(certs, 'dangling.der')), false);
    assert.equal(files.isFile(path.join(root, 'no-such-dir', 'a.der')), false);
    writeFileSync(path.join(certs, 'new.der'), 'y');
    assert.equal(files.isFile(path.join(certs, 'new.der')), false, 'cached until invalidated');
    files.invalidate(path.join(certs, 'new.der'));
    assert.equal(files.isFile(path.join(certs, 'new.der')), true);
  });

  it('reads bytes and text of regular files only', () => {
    const files = new CachingFileSource(new DiskFileSource());
    assert.equal(files.readBytes(path.join(certs, 'a.der'))?.toString(), 'x');
    assert.equal(files.readBytes(path.join(certs, 'sub')), undefined);
    const read = files.read(path.join(certs, 'sub'));
    assert.equal(read.ok, false);
  });

  it('reads certificates past the cache: the same bytes each time, none kept, a kept copy still served', () => {
    const disk = new DiskFileSource();
    const reads: string[] = [];
    const counting = Object.assign(Object.create(disk) as DiskFileSource, {
      readBytes: (p: string, knownRegular?: boolean) => {
        reads.push(p);
        return disk.readBytes(p, knownRegular);
      },
    });
    const files = new CachingFileSource(counting);
    const cert = path.join(certs, 'a.der');
    assert.equal(files.readBytesUncached(cert)?.toString(), 'x');
    assert.equal(files.readBytesUncached(cert)?.toString(), 'x');
    assert.equal(reads.length, 2, 'nothing kept, so read again');
    const kept = files.readBytes(cert);
    assert.equal(reads.length, 3);
    assert.equal(files.readBytesUncached(cert), kept);
    assert.equal(reads.length, 3, 'a copy the cache keeps for others is served');
    assert.equal(files.readBytesUncached(path.join(certs, 'sub')), undefined);
  });

  it('finds real paths through listed folders with one lookup per unlisted folder, links still resolved', () => {
    const real = makeTempDir('ipsec-real-');
    mkdirSync(path.join(real, 'node', 'etc', 'ipsec.d'), { recursive: true });
    writeFileSync(path.join(real, 'node', 'etc', 'ipsec.d', 'a.conf'), 'conn a\n');
    const elsewhere = makeTempDir('ipsec-elsewhere-');
    writeFileSync(path.join(elsewhere, 'b.conf'), 'conn b\n');
    symlinkSync(elsewhere, path.join(real, 'node', 'etc', 'linked'));
    symlinkSync(path.join(elsewhere, 'b.conf'), path.join(real, 'node', 'etc', 'ipsec.d', 'b.conf'));
    const disk = new DiskFileSource();
    const asked: string[] = [];
    const counting = Object.assign(Object.create(disk) as DiskFileSource, {
      realpath: (p: string) => {
        asked.push(p);
        return disk.realpath(p);
      },
    });
    const files = new CachingFileSource(counting);
    const listings = new Map<string, DirectoryListing>();
    collectFiles([real], real, { listings });
    for (const [dir, listing] of listings) files.seed(dir, listing);
    const etc = path.join(real, 'node', 'etc');
    for (const p of [path.join(etc, 'ipsec.d', 'a.conf'), path.join(etc, 'ipsec.d'), path.join(etc, 'ipsec.d', 'b.conf'), path.join(etc, 'linked', 'b.conf')]) {
      assert.equal(files.realpath(p), realpathSync.native(p), p);
    }
    // The walked root once, then only the linked file and the file in the linked folder (the walk did not enter it).
    assert.deepEqual(asked.sort(), [real, path.join(etc, 'ipsec.d', 'b.conf'), path.join(etc, 'linked', 'b.conf')].sort());
  });
});
