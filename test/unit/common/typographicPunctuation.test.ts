import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { typographicPunctuation } from '../../../server/src/checks/common/typographicPunctuation';
import { lint } from '../../helpers';

const at = (kind: Parameters<typeof lint>[0], text: string): string[] =>
  lint(kind, text, [typographicPunctuation]).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.severity} ${f.fixes?.[0]?.edits[0].newText}`);

describe('typographic-punctuation', () => {
  it('reports curly quotes and dashes in ipsec.conf values, each with its ASCII replacement', () => {
    assert.deepEqual(at('ipsec', 'conn a\n\tleftid=\u201c@vpn.example\u201d\n\tike=aes256\u2013sha1\n\trightid=\u2018@x\u2019\n'), [
      '1:8 warning "',
      '1:21 warning "',
      '2:11 warning -',
      '3:9 warning \'',
      '3:12 warning \'',
    ]);
    const [finding] = lint('ipsec', 'conn a\n\tike=aes256\u2014sha1\n', [typographicPunctuation]);
    assert.equal(finding.message, 'em dash (U+2014) is not a hyphen to the daemon, which reads it as part of the text (pasted from a document?): type - instead');
    assert.notEqual(finding.fixes?.[0].preferred, true);
  });

  it('leaves comments, straight-quoted text and apostrophes inside names alone', () => {
    assert.deepEqual(at('ipsec', '# \u201cquoted\u201d \u2013 note\nconn a\n\trightid="C=IE, O=Caf\u00e9 \u2013 O\u2019Brien"\n\tleftid=@o\u2019brien.example # \u2014\n'), []);
  });

  it('in secrets files reports only the curly double quotes around a key', () => {
    assert.deepEqual(at('ipsec-secrets', ': PSK \u201cpass\u2013word\u201d\n'), ['0:6 warning "', '0:16 warning "']);
    assert.deepEqual(at('ipsec-secrets', ': PSK "pass\u201dword"\n@a @b : PSK 0sAAAA\n'), []);
    assert.deepEqual(at('racoon-psk', '192.0.2.1 \u201ckey\u2019s\u201d\n'), ['0:10 warning "', '0:16 warning "']);
    // A "#" inside a psk.txt key is part of it; only a whole line starting with "#" is a comment.
    assert.deepEqual(at('racoon-psk', '192.0.2.1 k#y\u201d\n# \u201cnote\u201d\n'), ['0:13 warning "']);
  });

  it('is silent on plain ASCII configurations', () => {
    assert.deepEqual(at('ipsec', 'config setup\n\tprotostack=netkey\n\nconn a\n\tleftid="@vpn.example"\n\tike=aes256-sha1\n'), []);
  });
});
