import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unknownKeyword } from '../../../server/src/checks/ipsecConf/unknownKeyword';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectFiles } from '../../../server/src/workspace/collectFiles';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import { lint } from '../../helpers';
import { makeTempDir } from '../../tempDir';

const check = (text: string) => lint('ipsec', text, [unknownKeyword]).map((f) => `${f.severity}: ${f.message}`);

describe('unknown-keyword', () => {
  it('a misspelt key is an error with did-you-mean in every dialect', () => {
    const [finding] = check('conn a\n\tkeyingretries=3\n');
    assert.match(finding, /^error: .*"keyingretries".*did you mean "keyingtries"\?/);
  });

  it('nat_traversal is fine for Openswan (detected) but refused by Libreswan 4', () => {
    assert.deepEqual(check('config setup\n\tnat_traversal=yes\n'), []);
    const [finding] = check('# ipsec-dialect: libreswan-4\nconfig setup\n\tnat_traversal=yes\n');
    assert.match(finding, /^error: Libreswan 4 .*"nat_traversal"/);
  });

  it('spells out a character that shows as nothing, so the key in the message is not the one it seems', () => {
    const [finding] = check('conn a\n\tri\u200bght=192.0.2.1\n\tle\u00adft=192.0.2.2\n');
    assert.match(finding, /^error: .*"ri<U\+200B>ght": did you mean "right"\?$/);
    assert.match(check('conn a\n\tle\u00adft=192.0.2.2\n')[0], /"le<U\+00AD>ft"/);
  });

  it('strongSwan skips unknown keys: a warning, not an error', () => {
    const [finding] = check('# ipsec-dialect: strongswan\nconn a\n\tkeyingretries=3\n');
    assert.match(finding, /^warning: .*ignores the line/);
  });

  it('when the dialect is unknown and one daemon accepts the key, only a notice', () => {
    const [finding] = check('conn a\n\tleft=192.0.2.1\n\tkeyexchange=ikev2\n');
    assert.ok(finding === undefined || finding.startsWith('info: '), finding);
  });

  it('known keys and also= get nothing', () => {
    assert.deepEqual(check('conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tleftid=@a\n\talso=b\n\tauto=add\n'), []);
  });
});

describe('unknown-keyword judged in the gateway dialect', () => {
  it('a comment in ipsec.conf sets the dialect for the files it includes', () => {
    const root = makeTempDir('ipsec-dialect-');
    mkdirSync(path.join(root, 'etc', 'ipsec.d'), { recursive: true });
    writeFileSync(path.join(root, 'etc', 'ipsec.conf'), '# ipsec-dialect: libreswan-4\nconfig setup\n\tlogfile=/tmp/pluto.log\ninclude /etc/ipsec.d/*.conf\n');
    writeFileSync(path.join(root, 'etc', 'ipsec.d', 'peer.conf'), 'conn peer\n\tright=192.0.2.2\n\tdisablearrivalcheck=no\n');
    const reports = lintWorkspace(collectFiles([root]).files);
    const peer = reports.find((r) => r.filePath.endsWith('peer.conf'));
    assert.deepEqual(peer?.findings.map((f) => `${f.severity} ${f.code}`), ['error unknown-keyword']);
    assert.match(peer?.findings[0].message ?? '', /Libreswan 4/);
  });
});
