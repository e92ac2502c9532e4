import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dialectStatusFor } from '../../../server/src/features/dialectStatus';
import { dialectOf } from '../../../server/src/workspace/fileDialect';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { parse } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';

const FILES = {
  '/ws/fr/etc/ipsec.conf': 'config setup\n\tnat_traversal=yes\ninclude /etc/ipsec.d/*.conf\n',
  '/ws/fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=192.0.2.2\n',
  '/ws/de/etc/ipsec.conf': 'config setup\n\tcharondebug="ike 1"\n',
  // Only generic keys; the values say strongSwan: Libreswan refuses the `!` lists, Openswan the pool and the list of subnets.
  '/ws/rw/etc/ipsec.conf': 'conn rw\n\tleft=%any\n\tleftsubnet=0.0.0.0/0,::/0\n\tright=%any\n\trightsourceip=10.8.0.0/16\n\tike=aes256-sha256-modp2048!\n\tesp=aes256-sha256!\n\tauto=add\n',
};

describe('dialect status', () => {
  const model = new WorkspaceIndex(new MemoryFiles(FILES)).model(['/ws/fr/etc/ipsec.conf', '/ws/de/etc/ipsec.conf', '/ws/rw/etc/ipsec.conf']);

  it('names the daemon whose values the files use, and why, when their keys fit every daemon', () => {
    const status = dialectStatusFor(model, 'file:///ws/rw/etc/ipsec.conf');
    assert.equal(status?.label, 'IPsec: strongSwan');
    assert.match(status?.tooltip ?? '', /Libreswan refuses ike=aes256-sha256-modp2048!/);
    const loose = parse('ipsec', FILES['/ws/rw/etc/ipsec.conf']);
    assert.equal(dialectStatusFor(model, 'file:///elsewhere/ipsec.conf', loose)?.label, 'IPsec: strongSwan');
  });

  it("names the dialect of the gateway that includes the file", () => {
    assert.equal(dialectStatusFor(model, 'file:///ws/fr/etc/ipsec.d/dk.conf')?.label, 'IPsec: Openswan');
    assert.equal(dialectStatusFor(model, 'file:///ws/de/etc/ipsec.conf')?.label, 'IPsec: strongSwan');
  });

  it("names the gateway's dialect for a file in its folder that no include reads (yet)", () => {
    assert.equal(dialectStatusFor(model, 'file:///ws/fr/etc/ipsec.d/draft.conf.new')?.label, 'IPsec: Openswan');
  });

  it('judges a file outside every gateway by itself', () => {
    assert.equal(dialectStatusFor(model, 'file:///elsewhere/ipsec.conf', parse('ipsec', 'config setup\n\tcharondebug="ike 1"\n'))?.label, 'IPsec: strongSwan');
    assert.equal(dialectStatusFor(model, 'file:///elsewhere/ipsec.conf', parse('ipsec', 'conn a\n\tleft=192.0.2.1\n'))?.label, 'IPsec: dialect?');
    assert.equal(dialectStatusFor(model, 'file:///elsewhere/psk.txt'), undefined);
  });

  it('applies the dialect setting to a file outside every gateway, unless the file names its own', () => {
    const pinned = new WorkspaceIndex(new MemoryFiles(FILES), { dialect: 'libreswan-5' }).model(['/ws/fr/etc/ipsec.conf', '/ws/de/etc/ipsec.conf']);
    const loose = parse('ipsec', 'config setup\n\tcharondebug="ike 1"\n');
    assert.equal(dialectStatusFor(pinned, 'file:///elsewhere/ipsec.conf', loose)?.label, 'IPsec: Libreswan 5');
    assert.equal(dialectOf(pinned, 'file:///elsewhere/ipsec.conf', loose)?.choice?.source, 'setting');
    const own = parse('ipsec', '# ipsec-dialect: openswan\nconn a\n');
    assert.equal(dialectOf(pinned, 'file:///elsewhere/ipsec.conf', own)?.choice?.dialect, 'openswan');
    assert.equal(dialectOf(model, 'file:///elsewhere/ipsec.conf', loose), undefined, 'without a setting the file decides for itself');
  });
});
