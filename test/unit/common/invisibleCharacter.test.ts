import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invisibleCharacter } from '../../../server/src/checks/common/invisibleCharacter';
import { lint } from '../../helpers';

const SOFT_HYPHEN = '\u00ad';
const ZWNJ = '\u200c';

const at = (kind: Parameters<typeof lint>[0], text: string): string[] =>
  lint(kind, text, [invisibleCharacter]).map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.severity} ${f.fixes?.[0]?.preferred === true ? 'fix-all' : 'asked'}`);

describe('invisible-character', () => {
  it('reports a soft hyphen or a joiner inside a keyword, an ID and a conn name, with a fix that deletes it', () => {
    const text = `conn fr${ZWNJ}\n\tri${SOFT_HYPHEN}ght=192.0.2.2\n\trightid=@vpn.fr${ZWNJ}${ZWNJ}.example\n`;
    assert.deepEqual(at('ipsec', text), ['0:7-8 warning fix-all', '1:3-4 warning fix-all', '2:16-18 warning fix-all']);
    const [finding] = lint('ipsec', text, [invisibleCharacter]);
    assert.equal(finding.message, 'zero-width non-joiner (U+200C) shows as nothing, but the daemon reads it as part of the word (copied from a web page or a chat?): delete it');
    assert.equal(finding.fixes?.[0].edits[0].newText, '');
  });

  it('offers the fix inside quotes without applying it in fix-all, and leaves comments alone', () => {
    assert.deepEqual(at('ipsec', `conn a\n\tleftid="CN=a${ZWNJ}b" # note${SOFT_HYPHEN}\n# ${ZWNJ}\n`), ['1:13-14 warning asked']);
  });

  it('reads secrets, racoon, psk.txt and setkey files, never naming the key', () => {
    const [secret] = lint('ipsec-secrets', `@a @b : PSK "pass${SOFT_HYPHEN}word"\n`, [invisibleCharacter]);
    assert.ok(secret && !secret.message.includes('pass'));
    assert.deepEqual(at('racoon', `remote 192.0.2.1${ZWNJ} {\n\texchange_mode main;\n}\n`), ['0:16-17 warning fix-all']);
    // A "#" inside a psk.txt key is part of the key.
    assert.deepEqual(at('racoon-psk', `192.0.2.1 k#y${SOFT_HYPHEN}\n# ${SOFT_HYPHEN}\n`), ['0:13-14 warning fix-all']);
    assert.deepEqual(at('setkey', `spdadd 10.0.0.0/24 10.1.0.0/24${'\u2060'} any -P out ipsec esp/tunnel/192.0.2.1-192.0.2.2/require;\n`), ['0:30-31 warning fix-all']);
  });

  it('is silent on ASCII and on ordinary non-ASCII text', () => {
    assert.deepEqual(at('ipsec', 'conn a\n\tleftid="C=DE, O=Müller & Söhne, CN=Łódź"\n\tleft=192.0.2.1\n'), []);
  });
});
