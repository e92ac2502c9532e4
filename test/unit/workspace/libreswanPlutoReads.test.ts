import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workspaceFindings } from './workspaceFindings';

const CODE = 'libreswan-conn-refused';
const CONF = '/ws/gw/ipsec.conf';
const ACCEPT_IKEV1 = 'config setup\n\tikev1-policy=accept\n';
const conf = (head: string, body: string) => `${head}conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${body.split('|').map((line) => `\t${line}\n`).join('')}\tauto=add\n`;

/** What libreswan-conn-refused says of values pluto reads itself (the SEEN table of libreswanConnRefused.test.ts holds the verdicts). */
describe('libreswan-conn-refused: values pluto reads itself', () => {
  it('reads DPD times where Libreswan 5 reads them, marks from 5.3, and an end method only when addconn kept it', () => {
    const message = (release: string, body: string) => workspaceFindings({ [CONF]: conf(`# ipsec-dialect: libreswan-${release}\n${ACCEPT_IKEV1}`, body) }, [CONF]).filter((f) => f.code === CODE).map((f) => f.message);
    assert.match(message('5.2', 'authby=secret|dpddelay=30x')[0], /refuses to add it: dpddelay=30x: "30x" is no duration this release's pluto reads here \(a number with us, ms, s, m, h, d or w/);
    assert.match(message('5.4', 'authby=secret|dpddelay=30x')[0], /refuses to add it: dpddelay=30x: "x" is not a time unit/);
    assert.match(message('5.0', 'authby=secret|dpddelay=1.5m')[0], /\(a number with ms, s, m, h, d or w, or none for seconds\)/);
    assert.match(message('5.4', 'authby=secret|ikev2=no|dpddelay=30|ikev1-dpdtimeout=5x')[0], /ikev1-dpdtimeout=5x: /);
    assert.deepEqual(message('5.4', 'authby=secret|ikev2=no|dpddelay=30|dpdtimeout=5x|ikev1-dpdtimeout=5x'), [], 'both names at once: not judged');
    assert.deepEqual(message('5.2', 'authby=secret|dpddelay=30s|dpdtimeout=2.5m'), []);
    assert.match(message('5.3', 'authby=secret|mark=0xzz')[0], /mark=0xzz: "xzz" after the number is no part of a mark/);
    assert.match(message('5.4', 'authby=secret|mark-out=1/0x1ffffffff')[0], /mark-out=1\/0x1ffffffff: a mask lies between 0 and 0xffffffff/);
    assert.deepEqual(message('5.2', 'authby=secret|mark=0xzz'), [], '5.2 logs it and adds the conn');
    // 5.0 to 5.2's addconn skipped the word ("keyword ignored") and pluto added the conn (seen with 5.0 and 5.2).
    assert.deepEqual(message('5.2', 'authby=secret|leftauth=bogusword'), []);
    assert.equal(message('5.2', 'authby=secret|leftauth=secret').length, 1);
  });

});
