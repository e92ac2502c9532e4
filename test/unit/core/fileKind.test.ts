import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFileKind } from '../../../server/src/model/fileKind';
import { kindOf } from '../../../server/src/lsp/documentStore';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { refineKindByContent, sniffFileKind } from '../../../server/src/model/sniffKind';

describe('file kind detection', () => {
  const cases: Array<[string, string | undefined]> = [
    ['/etc/ipsec.conf', 'ipsec'],
    ['/etc/ipsec.d/dk.conf', 'ipsec'],
    ['/node/etc/ipsec.d/sub/x.conf', 'ipsec'],
    ['/etc/ipsec.conf.d/peers', 'ipsec'],
    ['/etc/ipsec.secrets', 'ipsec-secrets'],
    ['/etc/ipsec.d/extra.secrets', 'ipsec-secrets'],
    ['/etc/racoon/racoon.conf', 'racoon'],
    ['/etc/racoon/remote.conf', 'racoon'],
    // What a racoon.conf includes: racoon.d/*.conf, /var/run/racoon/*.conf.
    ['/etc/racoon/racoon.d/peer.conf', 'racoon'],
    ['/var/run/racoon/192.0.2.7.conf', 'racoon'],
    ['/etc/racoon/a/b/deep.conf', undefined],
    // Debian's racoon-tool has a format of its own.
    ['/etc/racoon/racoon-tool.conf', undefined],
    ['/etc/racoon/psk.txt', 'racoon-psk'],
    ['/tmp/psk.txt', undefined],
    ['/etc/ipsec-tools.conf', 'setkey'],
    ['/etc/racoon/setkey.sh', 'setkey'],
    ['/etc/racoon/setkey.conf', 'setkey'],
    ['/x/policy.setkey', 'setkey'],
    ['/etc/sysctl.conf', undefined],
    ['C:\\gw\\ipsec.conf.d\\peers', 'ipsec'],
    ['/ETC/IPSEC.D/DK.CONF', 'ipsec'],
    ['/etc/ipsec.d/certs/gw.der', undefined],
    ['/etc/ipsec.d/private/gw.key', undefined],
    ['/etc/ipsec.conf.d/sub/peers', undefined],
    ['/etc/ipsec.d/notes', undefined],
  ];
  for (const [file, kind] of cases) {
    it(`${file} → ${kind ?? 'not ours'}`, () => assert.equal(detectFileKind(file), kind));
  }

  it("leaves racoon-tool.conf alone in the server even when the editor's racoon/*.conf association calls it racoon", () => {
    assert.equal(kindOf(TextDocument.create('file:///etc/racoon/racoon-tool.conf', 'racoon', 1, 'global:\n  log: notify\n')), undefined);
    assert.equal(kindOf(TextDocument.create('file:///etc/racoon/remote.conf', 'racoon', 1, 'remote anonymous {}\n')), 'racoon');
  });

  it('recognises a setkey shebang on any file name', () => {
    assert.equal(detectFileKind('/etc/policies', '#!/sbin/setkey -f'), 'setkey');
    assert.equal(detectFileKind('/etc/policies', '#!/bin/sh'), undefined);
  });

  it('sniffs the kind from content for files named by hand', () => {
    assert.equal(sniffFileKind('# x\nconn west\n\tleft=1.2.3.4\n'), 'ipsec');
    assert.equal(sniffFileKind('@a @b : PSK "x"\n'), 'ipsec-secrets');
    assert.equal(sniffFileKind('remote anonymous {\n\texchange_mode main;\n}\n'), 'racoon');
    assert.equal(sniffFileKind('spdadd 10.0.0.1 10.0.0.2 any -P out none;\n'), 'setkey');
    assert.equal(sniffFileKind('[global]\nport = 1701\n'), undefined);
  });

  it("takes an ipsec.conf of setkey commands for setkey's (FreeBSD's and NetBSD's /etc/ipsec.conf), in the CLI and the editor", () => {
    const freebsd = '# /etc/ipsec.conf, loaded by rc.d/ipsec\nflush;\nspdflush;\nspdadd 10.1.0.0/16 10.2.0.0/16 any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\n';
    assert.equal(refineKindByContent('ipsec', freebsd), 'setkey');
    assert.equal(kindOf(TextDocument.create('file:///etc/ipsec.conf', 'ipsec', 1, freebsd)), 'setkey');
    assert.equal(refineKindByContent('ipsec', 'config setup\n\nconn a\n\tleft=192.0.2.1\n'), 'ipsec');
    assert.equal(refineKindByContent('ipsec', 'add 192.0.2.1 192.0.2.2 esp 0x100 -E aes-cbc 0x00;\nconn a\n'), 'ipsec', 'an ipsec.conf section keeps it ipsec.conf');
    assert.equal(refineKindByContent('ipsec', 'spdadd\n'), 'ipsec', 'nothing setkey would run');
    assert.equal(refineKindByContent('racoon', freebsd), 'racoon');
  });
});
