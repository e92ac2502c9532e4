import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strongswanMoreWords } from '../../../server/src/parsing/ipsecConf/strongswanWords';
import { unexpectedText } from '../../../server/src/checks/ipsecConf/syntax';
import { lint } from '../../helpers';

const conn = (dialect: string | undefined, line: string): string =>
  `${dialect ? `# ipsec-dialect: ${dialect}\n` : ''}config setup\n\tuniqueids=yes\n\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${line}\n\tauto=add\n`;

describe("strongSwan's starter joins the words of a value", () => {
  it('reads words and quoted strings up to a comment as one value, and nothing with "=" or an open quote', () => {
    assert.deepEqual(strongswanMoreWords('2,mgr 2,ike 3'), ['2,mgr', '2,ike', '3']);
    assert.deepEqual(strongswanMoreWords('192.0.2.6,192.0.2.5   # backups'), ['192.0.2.6,192.0.2.5']);
    assert.deepEqual(strongswanMoreWords('"with space" more'), ['with space', 'more']);
    assert.deepEqual(strongswanMoreWords('@#0a0b more'), ['@#0a0b', 'more']);
    assert.equal(strongswanMoreWords('right=192.0.2.2'), undefined);
    assert.equal(strongswanMoreWords('"open'), undefined);
    assert.deepEqual(strongswanMoreWords('x "a=b"'), ['x', 'a=b']);
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

  it('an error where strongSwan reads the key as one word or number: the joined value is not one (starter: "bad value")', () => {
    const conn = lint('ipsec', `# ipsec-dialect: strongswan\nconn a\n\tleft=192.0.2.1\n\tauto=add x y\n`, [unexpectedText]);
    assert.deepEqual(conn.map((f) => f.severity), ['error']);
    assert.match(conn[0].message, /auto: strongSwan joins the words after "=" into one value \("add x y"\), which is not a value it reads here, and skips the conn/);
    const setup = lint('ipsec', `# ipsec-dialect: strongswan\nconfig setup\n\tstrictcrlpolicy=yes old\n`, [unexpectedText]);
    assert.match(setup[0].message, /and does not load the file/);
    const also = lint('ipsec', `# ipsec-dialect: strongswan\nconn base\n\tleft=192.0.2.1\n\nconn a\n\talso=base other\n`, [unexpectedText]);
    assert.match(also[0].message, /also: strongSwan joins the words after "=" into one section name \("base other"\), which no section has, and does not load the file/);
    // Unknown dialect: every plausible daemon refuses, so the plain error.
    assert.deepEqual(lint('ipsec', 'conn a\n\tleft=192.0.2.1\n\tauto=add x\n', [unexpectedText]).map((f) => f.severity), ['error']);
  });
});
