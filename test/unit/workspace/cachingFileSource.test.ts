import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CachingFileSource } from '../../../server/src/workspace/cachingFileSource';
import { DiskFileSource } from '../../../server/src/workspace/fileSource';

describe('CachingFileSource', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ipsec-cache-'));
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
});
