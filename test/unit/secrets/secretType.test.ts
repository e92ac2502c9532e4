import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { secretType } from '../../../server/src/checks/secrets/secretType';
import type { Finding } from '../../../server/src/checks/finding';
import { collectFiles } from '../../../server/src/workspace/collectFiles';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import { lint } from '../../helpers';
import { makeTempDir } from '../../tempDir';

const run = (text: string): Finding[] => lint('ipsec-secrets', text, [secretType]);
const check = (text: string) => run(text).map((f) => `${f.severity}: ${f.message}`);

describe('secret-type', () => {
  it('a misspelt type is an error with did-you-mean and a fix', () => {
    const found = run('@west @east : PKS "s3cret value"\n');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /"PKS" is not a secret type: did you mean "PSK" or "PPKS"\?/);
    assert.deepEqual(found[0].fixes?.map((f) => f.edits[0].newText), ['PSK', 'PPKS']);
    const [xauth] = run('carol : XATUH "pw"\n');
    assert.deepEqual(xauth.fixes?.map((f) => [f.edits[0].newText, f.preferred]), [['XAUTH', true]]);
  });

  it('never repeats a secret: an unquoted secret after ":" is not echoed', () => {
    const [message] = check('@west @east : Tr0ub4dor&3horse\n');
    assert.match(message, /^error: the word after ":" is not a secret type/);
    assert.ok(!message.includes('Tr0ub4dor'), message);
    for (const m of check('# ipsec-dialect: libreswan\n: RSA /etc/ipsec.d/private/key.pem "passphrase-here"\n')) assert.ok(!m.includes('passphrase-here'), m);
  });

  it('known types of each dialect are fine, in any case where the daemon ignores case', () => {
    assert.deepEqual(check('@a @b : PSK "x"\n@c : XAUTH "y"\n'), []);
    assert.deepEqual(check('# ipsec-dialect: libreswan\n@a @b : psk "x"\n@a @b : PPKS "id" "key"\n'), []);
    assert.deepEqual(check('# ipsec-dialect: strongswan\n: RSA key.pem\ncarol : EAP "x"\n: P12 bundle.p12 %prompt\n'), []);
  });

  it('with the dialect known, a type it does not read is reported', () => {
    assert.deepEqual(check('# ipsec-dialect: strongswan\n@a @b : PPKS "id" "key"\n'), ['error: strongSwan does not read PPKS entries (strongSwan stops reading the file here)']);
    assert.match(check('# ipsec-dialect: libreswan\ncarol : EAP "x"\n')[0], /^warning: Libreswan does not read EAP entries/);
    assert.deepEqual(check('# ipsec-dialect: strongswan\n@a @b : psk "x"\n'), ['error: strongSwan only knows the type in capitals, PSK (strongSwan stops reading the file here)']);
  });

  it('but not when another plausible daemon reads it', () => {
    assert.deepEqual(check('carol : EAP "x"\n@a @b : PPKS "id" "key"\n: RSA key.pem\n'), []);
  });

  it('RSA key forms: strongSwan has no inline key, Libreswan no key files', () => {
    assert.match(check('# ipsec-dialect: strongswan\n: RSA {\n\tModulus: 0x00\n\t}\n')[0], /^error: strongSwan reads RSA keys from a file/);
    assert.match(check('# ipsec-dialect: libreswan-4\n: RSA /etc/ipsec.d/private/host.key\n')[0], /^warning: Libreswan skips RSA entries that name a key file/);
    assert.deepEqual(check('# ipsec-dialect: libreswan-4\n: RSA {\n\tModulus: 0x00\n\t}\n'), []);
    assert.deepEqual(check('# ipsec-dialect: openswan\n: RSA {\n\tModulus: 0x00\n\t}\n: RSA host.key\n'), []);
  });

  it('BLISS keys: read from strongSwan 5.2.2 until 6.0 dropped them (stroke_cred.c)', () => {
    assert.deepEqual(check('# ipsec-dialect: strongswan-5.9.8\n: BLISS host.bliss\n'), []);
    assert.deepEqual(check('# ipsec-dialect: strongswan\n: BLISS host.bliss\n'), []);
    assert.deepEqual(check('# ipsec-dialect: strongswan-6\n: BLISS host.bliss\n'), ['error: strongSwan 6 does not read BLISS entries: strongSwan 6.0 dropped the BLISS scheme (strongSwan stops reading the file here)']);
  });

  it('the old typeless form is only a notice while the daemon is not known, since Openswan reads it (secretsPskFormat.test.ts has the rest)', () => {
    assert.deepEqual(run('@a @b : "secret"\n').map((f) => f.severity), ['info']);
  });
});

describe('secret-type judged in the gateway dialect', () => {
  it('ipsec.secrets takes the dialect of its ipsec.conf', () => {
    const root = makeTempDir('ipsec-secrets-dialect-');
    mkdirSync(path.join(root, 'etc'), { recursive: true });
    writeFileSync(path.join(root, 'etc', 'ipsec.conf'), 'config setup\n\tcharondebug="ike 1"\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n');
    writeFileSync(path.join(root, 'etc', 'ipsec.secrets'), '@a @b : PPKS "id" "key"\n');
    const reports = lintWorkspace(collectFiles([root]).files);
    const secrets = reports.find((r) => r.filePath.endsWith('ipsec.secrets'));
    assert.deepEqual(secrets?.findings.filter((f) => f.code === 'secret-type').map((f) => f.severity), ['error']);
  });
});
