import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { completeDocument } from '../../../server/src/features/completion';
import type { FileKind } from '../../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { caret } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';

const KEYS = {
  '/ws/fr/etc/ipsec.d/certs/fr.pem': 'x',
  '/ws/fr/etc/ipsec.d/certs/dk.der': 'x',
  '/ws/fr/etc/ipsec.d/certs/old/ignored.pem': 'x',
  '/ws/fr/etc/ipsec.d/cacerts/epsos-ca.pem': 'x',
  '/ws/fr/etc/ipsec.d/private/fr.key': 'x',
};

/** Completion at the caret of one file in a small gateway tree. */
function completeIn(files: Record<string, string>, filePath: string, kind: FileKind, textWithCaret: string): string[] {
  const { text, offset } = caret(textWithCaret);
  const memory = new MemoryFiles({ ...KEYS, ...files, [filePath]: text });
  const index = new WorkspaceIndex(memory);
  const confs = Object.keys(files).filter((name) => name.endsWith('/etc/ipsec.conf'));
  const model = index.model(confs);
  const document = index.document(filePath, kind);
  assert.ok(document, filePath);
  return completeDocument(document, document.source.positionAt(offset), model, pathToFileURL(filePath).href).map((entry) => entry.label);
}

const OPENSWAN_CONF = { '/ws/fr/etc/ipsec.conf': '# ipsec-dialect: openswan\nconfig setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n' };

describe('certificate and key file names', () => {
  it('offers the files of the node\'s ipsec.d/certs after leftcert= and rightcert=', () => {
    const labels = completeIn(OPENSWAN_CONF, '/ws/fr/etc/ipsec.d/dk.conf', 'ipsec', 'conn dk\n\tleftcert=fr.pem\n\trightcert=|\n');
    assert.deepEqual(labels, ['dk.der', 'fr.pem'], 'files only, no sub-folders');
  });

  it('offers nothing for leftcert where the dialect takes an NSS nickname (Libreswan)', () => {
    const libreswan = { '/ws/fr/etc/ipsec.conf': '# ipsec-dialect: libreswan-5\nconfig setup\n\tlogfile=/var/log/pluto.log\ninclude /etc/ipsec.d/*.conf\n' };
    assert.deepEqual(completeIn(libreswan, '/ws/fr/etc/ipsec.d/dk.conf', 'ipsec', 'conn dk\n\tleftcert=|\n'), []);
  });

  it('offers the CA folder for strongSwan\'s cacert= in a ca section, but not for leftca= (a distinguished name)', () => {
    const strongswan = { '/ws/fr/etc/ipsec.conf': '# ipsec-dialect: strongswan\nconfig setup\n\tcharondebug="ike 1"\nca epsos\n\tcacert=|\n' };
    assert.deepEqual(completeIn({}, '/ws/fr/etc/ipsec.conf', 'ipsec', strongswan['/ws/fr/etc/ipsec.conf']), ['epsos-ca.pem']);
    assert.deepEqual(completeIn(OPENSWAN_CONF, '/ws/fr/etc/ipsec.d/dk.conf', 'ipsec', 'conn dk\n\tleftca=|\n'), []);
  });

  it('offers conn names of the whole node after also=', () => {
    const files = { ...OPENSWAN_CONF, '/ws/fr/etc/ipsec.d/base.conf': 'conn epsos-base\n\tauthby=rsasig\n' };
    assert.deepEqual(completeIn(files, '/ws/fr/etc/ipsec.d/dk.conf', 'ipsec', 'conn dk\n\talso=|\n'), ['epsos-base']);
  });

  it('offers the node\'s private keys after ": RSA " in ipsec.secrets, and nothing after PSK', () => {
    assert.deepEqual(completeIn(OPENSWAN_CONF, '/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', ': RSA |\n'), ['fr.key']);
    assert.deepEqual(completeIn(OPENSWAN_CONF, '/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', '@fr.example : rsa f|\n'), ['fr.key']);
    assert.deepEqual(completeIn(OPENSWAN_CONF, '/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', ': PSK |\n'), []);
    assert.deepEqual(completeIn(OPENSWAN_CONF, '/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', ': RSA fr.key |\n'), [], 'the passphrase is not a file');
  });

  it('finds the ipsec.d folder next to a secrets file that belongs to no node', () => {
    assert.deepEqual(completeIn({}, '/ws/fr/etc/ipsec.secrets', 'ipsec-secrets', ': RSA |\n'), ['fr.key']);
  });
});
