import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { hoverDocument } from '../../../server/src/features/hover';
import type { FileKind } from '../../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fixturePath } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';

const cert = (name: string) => readFileSync(fixturePath('certs', name));
const NOW = new Date('2030-06-01T00:00:00Z');
const CONF = '/ws/gw/etc/ipsec.conf';
const PEER = '/ws/gw/etc/ipsec.d/peer.conf';
const RACOON = '/ws/h/etc/racoon/racoon.conf';
const KEY_MARKER = 'MARKER-PRIVATE-KEY-BYTES-7f3a';

/** Hover text at the first character of `needle` in the file, after the model is built from `files`. */
function hoverAt(files: Record<string, string | Buffer>, filePath: string, kind: FileKind, needle: string): string {
  const index = new WorkspaceIndex(new MemoryFiles(files), { now: () => NOW });
  const racoonConfs = Object.keys(files).filter((name) => name.endsWith('/racoon.conf'));
  const model = index.model(Object.keys(files).filter((name) => name.endsWith('/etc/ipsec.conf')), [], racoonConfs);
  const document = index.document(filePath, kind);
  assert.ok(document, filePath);
  const offset = document.source.text.indexOf(needle);
  assert.ok(offset >= 0, needle);
  return hoverDocument(document, offset + 1, model)?.markdown ?? '';
}

function gateway(peer: string, extra: Record<string, string | Buffer> = {}): Record<string, string | Buffer> {
  return {
    [CONF]: 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
    [PEER]: peer,
    '/ws/gw/etc/ipsec.d/certs/gateway.der': cert('gateway.der'),
    '/ws/gw/etc/ipsec.d/certs/expired.der': cert('expired.der'),
    '/ws/gw/etc/ipsec.d/certs/not-yet-valid.der': cert('not-yet-valid.der'),
    ...extra,
  };
}

describe('hover on certificate names', () => {
  it('shows subject, issuer, validity, fingerprint, SANs and the issuing CA of leftcert', () => {
    const text = hoverAt(gateway('conn peer\n\tleftcert=gateway.der\n', { '/ws/gw/etc/ipsec.d/cacerts/test-ca.der': cert('test-ca.der') }), PEER, 'ipsec', 'gateway.der');
    assert.match(text, /^\*\*Certificate\*\* `\/etc\/ipsec\.d\/certs\/gateway\.der`/);
    assert.match(text, /Subject: `O=ipsec-lint tests, CN=gw\.test\.example`/);
    assert.match(text, /Issuer: `O=ipsec-lint tests, CN=ipsec-lint Test CA`/);
    assert.match(text, /Valid from 2025-01-01 00:00 UTC until 2045-01-01 00:00 UTC: expires in 5328 days/);
    assert.ok(text.includes(`SHA-256 fingerprint: \`${new X509Certificate(cert('gateway.der')).fingerprint256}\``), text);
    assert.match(text, /Subject alternative names: `DNS:gw\.test\.example`/);
    assert.match(text, /Public key: RSA 2048 bits/);
    assert.match(text, /Issued by `\/etc\/ipsec\.d\/cacerts\/test-ca\.der`, a CA in \/etc\/ipsec\.d\/cacerts\./);
  });

  it('says when a certificate expired or is not valid yet', () => {
    const files = gateway('conn a\n\tleftcert=expired.der\n\trightcert=not-yet-valid.der\n');
    assert.match(hoverAt(files, PEER, 'ipsec', 'expired.der'), /until 2020-01-01 00:00 UTC: \*\*expired\*\* 3804 days ago/);
    assert.match(hoverAt(files, PEER, 'ipsec', 'not-yet-valid.der'), /\*\*not yet valid\*\* \(starts in 3501 days\)/);
  });

  it('says no CA of the gateway issued it, even when a CA only has the right name', () => {
    const files = gateway('conn peer\n\trightcert=gateway.der\n', { '/ws/gw/etc/ipsec.d/cacerts/lookalike.der': cert('lookalike-ca.der') });
    assert.match(hoverAt(files, PEER, 'ipsec', 'gateway.der'), /No CA in \/etc\/ipsec\.d\/cacerts issued it/);
  });

  it('reads strongSwan cacert= in ipsec.d/cacerts and calls a root self-signed', () => {
    const files = gateway('ca test\n\tcacert=test-ca.der\n\tauto=add\n', { '/ws/gw/etc/ipsec.d/cacerts/test-ca.der': cert('test-ca.der') });
    const text = hoverAt(files, PEER, 'ipsec', 'test-ca.der');
    assert.match(text, /`\/etc\/ipsec\.d\/cacerts\/test-ca\.der`/);
    assert.match(text, /Self-signed: it is its own CA\./);
    assert.match(text, /Subject alternative names: none/);
  });

  it('explains a missing file, a file that is not a certificate and an NSS nickname', () => {
    const files = gateway('conn a\n\tleftcert=gone.der\n\trightcert=junk.pem\n\tleftid=x\nconn b\n\tleftcert=MyGatewayNick\n', { '/ws/gw/etc/ipsec.d/certs/junk.pem': 'no certificate here' });
    assert.match(hoverAt(files, PEER, 'ipsec', 'gone.der'), /`\/etc\/ipsec\.d\/certs\/gone\.der`\n\nThis file does not exist/);
    assert.match(hoverAt(files, PEER, 'ipsec', 'junk.pem'), /This file is not a DER or PEM X\.509 certificate/);
    assert.match(hoverAt(files, PEER, 'ipsec', 'MyGatewayNick'), /Certificate nickname[\s\S]*NSS database/);
  });

  it('leaves other values to the keyword hover', () => {
    const files = gateway('conn a\n\tleftcert=gateway.der\n\tauto=add\n');
    assert.doesNotMatch(hoverAt(files, PEER, 'ipsec', 'add'), /Certificate/);
  });

  it('hovers racoon certificate_type and ca_type files, and never shows the private key', () => {
    const files = {
      [RACOON]: 'path certificate "/etc/racoon/certs";\nremote anonymous {\n\tcertificate_type x509 "gateway.der" "key.pem";\n\tca_type x509 "test-ca.der";\n}\n',
      '/ws/h/etc/racoon/certs/gateway.der': cert('gateway.der'),
      '/ws/h/etc/racoon/certs/test-ca.der': cert('test-ca.der'),
      '/ws/h/etc/racoon/certs/key.pem': `-----BEGIN PRIVATE KEY-----\n${KEY_MARKER}\n-----END PRIVATE KEY-----\n`,
    };
    const certificate = hoverAt(files, RACOON, 'racoon', 'gateway.der');
    assert.match(certificate, /`\/etc\/racoon\/certs\/gateway\.der`/);
    assert.match(certificate, /Issued by `\/etc\/racoon\/certs\/test-ca\.der`, a CA in the `ca_type` files of this racoon\.conf\./);
    const key = hoverAt(files, RACOON, 'racoon', 'key.pem');
    assert.match(key, /\*\*Private key\*\* `\/etc\/racoon\/certs\/key\.pem`[\s\S]*never shown/);
    assert.ok(!key.includes(KEY_MARKER) && !key.includes('BEGIN'), key);
    assert.match(hoverAt(files, RACOON, 'racoon', 'test-ca.der'), /Self-signed/);
  });
});

describe('hover on a certificate name and the gateway CRLs', () => {
  const crlFixture = (name: string) => readFileSync(fixturePath('crls', name));
  const withCrl = (crl: string) =>
    gateway('conn peer\n\tleftcert=gw-a.der\n\trightcert=gw-b.der\n', {
      '/ws/gw/etc/ipsec.d/certs/gw-a.der': crlFixture('gw-a.der'),
      '/ws/gw/etc/ipsec.d/certs/gw-b.der': crlFixture('gw-b.der'),
      '/ws/gw/etc/ipsec.d/cacerts/ca.der': crlFixture('ca.der'),
      [`/ws/gw/etc/ipsec.d/crls/${crl}`]: crlFixture(crl),
    });

  it('says when a list of the gateway revokes the certificate, and since when', () => {
    const text = hoverAt(withCrl('revokes-b.crl'), PEER, 'ipsec', 'gw-b.der');
    assert.match(text, /\*\*Revoked\*\* since \d{4}-\d\d-\d\d: `\/etc\/ipsec\.d\/crls\/revokes-b\.crl` lists it/);
  });

  it("says a certificate is not on its CA's list, with the list's next update", () => {
    const text = hoverAt(withCrl('revokes-b.crl'), PEER, 'ipsec', 'gw-a.der');
    assert.match(text, /Not revoked by its CA's list `\/etc\/ipsec\.d\/crls\/revokes-b\.crl`, next update \d{4}-\d\d-\d\d\./);
    assert.doesNotMatch(text, /Revoked/);
  });

  it('says nothing of revocation without a list from its CA', () => {
    const text = hoverAt(withCrl('lookalike-revokes-b.crl'), PEER, 'ipsec', 'gw-b.der');
    assert.doesNotMatch(text, /revoked/i);
  });
});
