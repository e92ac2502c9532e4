import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { libreswanBareNumber } from '../../../server/src/checks/ipsecConf/libreswanBareNumber';
import { lint } from '../../helpers';

const HEAD = '# ipsec-dialect: libreswan-4.10\n';
const bare = (text: string, head = HEAD) => lint('ipsec', head + text, [libreswanBareNumber]).map((f) => ({ severity: f.severity, message: f.message }));
const conn = (line: string) => `conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${line}\n`;

/*
 * Debian's addconn 4.10 refused each of these when the conn was added ("while loading 'a': Invalid
 * id value", "Invalid mark value", …), took them quoted, stopped the file at `conn 5` and
 * `conn %forever` ("syntax error"), and only dropped the setting in conn %default.
 */
describe('libreswan-bare-number', () => {
  it('reports a bare number in a text setting of a conn, which Libreswan 4 refuses', () => {
    for (const line of ['leftid=5', 'leftprotoport=17', 'leftupdown=5', 'leftsubnet=10', 'mark=5', 'mark-out=08', 'leftcert=5', 'policy-label=5', 'leftsourceip=5', 'leftid=%forever']) {
      const found = bare(conn(line));
      assert.deepEqual(found.map((f) => f.severity), ['error'], line);
      assert.match(found[0].message, /Libreswan 4 reads .* as a number, which this text setting cannot hold, and refuses conn a; write /, line);
    }
  });

  it('offers the quoted value, and leaves quoted values, other words and keys that take a number or a loose word alone', () => {
    const [finding] = lint('ipsec', HEAD + conn('mark=5'), [libreswanBareNumber]);
    assert.equal(finding.fixes?.[0].edits[0].newText, '"5"');
    // authby=5 is bad-value's: one report is enough.
    assert.deepEqual(bare(conn('authby=5')), []);
    for (const line of ['leftid="5"', 'mark=0x1', 'mark=-1', 'mark=20/0xffffffff', 'leftid=5a', 'keyingtries=3', 'mtu=1400', 'left=5', 'leftrsasigkey=5', 'ike=3']) {
      assert.deepEqual(bare(conn(line)), [], line);
    }
  });

  it('leaves conn %default alone and reports a conn named by a number', () => {
    assert.deepEqual(bare('conn %default\n\tleftid=5\n'), []);
    for (const name of ['5', '%forever']) assert.deepEqual(bare(`conn ${name}\n\tleft=192.0.2.1\n`).map((f) => f.severity), ['error'], name);
  });

  it('speaks only for a gateway pinned to Libreswan 4: 5.0 and 5.4 added such conns', () => {
    for (const head of ['# ipsec-dialect: libreswan-5\n', '# ipsec-dialect: libreswan\n', '# ipsec-dialect: openswan\n', '']) {
      assert.deepEqual(bare(`conn 5\n\tleft=192.0.2.1\n\tleftid=5\n`, head), [], head);
    }
    assert.equal(bare(conn('leftid=5'), '# ipsec-dialect: libreswan-4\n').length, 1);
  });
});
