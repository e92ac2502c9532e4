import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strongswanJoinsWords } from '../../../server/src/checks/ipsecConf/dialectParsers';
import { unexpectedText } from '../../../server/src/checks/ipsecConf/syntax';
import { lint } from '../../helpers';

const conn = (dialect: string | undefined, line: string): string =>
  `${dialect ? `# ipsec-dialect: ${dialect}\n` : ''}config setup\n\tuniqueids=yes\n\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${line}\n\tauto=add\n`;

describe("strongSwan's starter joins the words of a value", () => {
  it('reads words and quoted strings up to a comment as one value, and nothing with "=" or an open quote', () => {
    assert.equal(strongswanJoinsWords('2,mgr 2,ike 3'), true);
    assert.equal(strongswanJoinsWords('192.0.2.6,192.0.2.5   # backups'), true);
    assert.equal(strongswanJoinsWords('"with space" more'), true);
    assert.equal(strongswanJoinsWords('@#0a0b more'), true);
    assert.equal(strongswanJoinsWords('right=192.0.2.2'), false);
    assert.equal(strongswanJoinsWords('"open'), false);
    assert.equal(strongswanJoinsWords('x "a=b"'), true);
  });

  it('no unexpected-text for strongSwan when the extra words have no "="', () => {
    assert.deepEqual(lint('ipsec', conn('strongswan', '\trightsubnet=10.1.0.0/16, 10.2.0.0/16'), [unexpectedText]), []);
    const setup = '# ipsec-dialect: strongswan\nconfig setup\n\tcharondebug=dmn 2,mgr 2,ike 3\n';
    assert.deepEqual(lint('ipsec', setup, [unexpectedText]), []);
  });

  it('still an error for strongSwan when a second statement follows, and for Libreswan and Openswan always', () => {
    const two = lint('ipsec', conn('strongswan', '\tleftid=@a rightid=@b'), [unexpectedText]);
    assert.deepEqual(two.map((f) => [f.code, f.severity]), [['unexpected-text', 'error']]);
    for (const dialect of ['libreswan-5', 'openswan']) {
      const words = lint('ipsec', conn(dialect, '\trightsubnet=10.1.0.0/16, 10.2.0.0/16'), [unexpectedText]);
      assert.deepEqual(words.map((f) => [f.code, f.severity]), [['unexpected-text', 'error']], dialect);
    }
  });

  it('a warning that names the daemons that refuse it when the dialect is not known', () => {
    const [finding] = lint('ipsec', conn(undefined, '\trightsubnet=10.1.0.0/16, 10.2.0.0/16'), [unexpectedText]);
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /strongSwan joins the words into one value; Openswan and Libreswan do not load the file/);
  });
});
