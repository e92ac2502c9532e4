import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badValue } from '../../../server/src/checks/ipsecConf/badValue';
import { readCNumber } from '../../../server/src/checks/ipsecConf/values/strongswanStarter';
import { lint } from '../../helpers';

// Conn values strongSwan's starter reads itself. Each refused case was confirmed with starter 5.9.8
// --conftest ("ignored conn 'a' due to 1 parsing error"), each accepted one with the same build.
function found(setting: string, dialect = 'strongswan-5.9.8'): string[] {
  return lint('ipsec', `# ipsec-dialect: ${dialect}\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${setting}\n`, [badValue]).map((f) => f.severity);
}

describe("values strongSwan's starter reads itself", () => {
  it('mark=, mark_in=, mark_out=: a C number or %unique[-dir], then an optional /mask', () => {
    for (const v of ['abc', '%uniq', '0x1g', '%any', '%same', '%unique-dirx', '08', '0x', '1/2/3', '5/0xzz']) {
      assert.deepEqual(found(`mark=${v}`), ['error'], v);
    }
    for (const v of ['12', '0x12/0xff', '010', '-1', '12/', '/5', '%unique', '%unique/0xff', '%UNIQUE-DIR/0xf', '%unique-dir', '4294967296']) {
      assert.deepEqual(found(`mark=${v}`), [], v);
    }
    assert.deepEqual(found('mark_in=abc'), ['error']);
    assert.deepEqual(found('mark_out=0x1/zz'), ['error']);
    assert.deepEqual(found('mark_in=%unique-dir'), []);
  });

  it('ikedscp= is binary digits ("bad binary value")', () => {
    for (const v of ['12', '2', '46', 'ef']) assert.deepEqual(found(`ikedscp=${v}`), ['error'], v);
    for (const v of ['101110', '000000', '101010101', '-101']) assert.deepEqual(found(`ikedscp=${v}`), [], v);
    // A C library in C23 mode takes 0b101 too; left alone.
    assert.deepEqual(found('ikedscp=0b101'), []);
  });

  it('leftprotoport= numbers, without judging names the machine looks up', () => {
    for (const v of ['-1', '17.0/80', '17/-5', '17/--5', 'tcp/1:2', 'tcp/08', '17/1,2', '17/%']) assert.deepEqual(found(`leftprotoport=${v}`), ['error'], v);
    for (const v of ['tcp/http', '17/%opaque', '%any/%any', '/80', '17/', '0x11/0x50', 'tcp/010', 'udp/500-', '17/1000-2000']) {
      assert.deepEqual(found(`leftprotoport=${v}`), [], v);
    }
    // Refused by 5.9.8 on a Debian machine, but a name or a word starting with digits may be in /etc/protocols or /etc/services (3pc is).
    for (const v of ['tcpx', '17x', '3pc', '17/1-2x', '17/nosuchsvc']) assert.deepEqual(found(`leftprotoport=${v}`), [], v);
    assert.deepEqual(found('rightprotoport=17/1:2'), ['error']);
  });

  it('leftprotoport= with a blank or a brace where a name would be, which no name holds', () => {
    // Refused by 5.9.8: "bad protocol: leftprotoport=icmp two", "bad port: leftprotoport=ssh old", "bad protocol: leftprotoport={icmp}".
    for (const v of ['"icmp two"', '"icmp, 2"', '"tcp/ssh old"', '{icmp}', 'tcp/{ssh}']) assert.deepEqual(found(`leftprotoport=${v}`), ['error'], v);
    assert.match(lint('ipsec', '# ipsec-dialect: strongswan-5\nconn a\n\tleftprotoport="tcp/ssh old"\n', [badValue])[0].message, /"ssh old" is no port strongSwan can find/);
    // Unquoted, # starts a comment: strongSwan reads tcp/http and loads the conn.
    assert.deepEqual(found('leftprotoport=tcp/http#x'), []);
  });

  it('more words after a selector, a mark or a DSCP: strongSwan joins them into one value, which it cannot read, and skips the conn', () => {
    const joined = (setting: string) => lint('ipsec', `# ipsec-dialect: strongswan-5.9.8\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${setting}\n`).filter((f) => f.severity === 'error');
    // Each refused by 5.9.8 ("ignored conn 'a' due to 1 parsing error").
    for (const setting of ['leftprotoport=icmp two words', 'rightprotoport=tcp @#0a', 'leftprotoport=tcp/ssh old', 'mark=5 6', 'ikedscp=101 110']) {
      const errors = joined(setting);
      assert.equal(errors.length, 1, setting);
      assert.match(errors[0].message, /strongSwan joins the words after "=" into one value .* skips the conn/, setting);
    }
    // A value strongSwan joins and reads (a free-text one) stays accepted.
    assert.deepEqual(joined('leftupdown=/usr/local/bin/updown --verbose'), []);
  });

  it('applies to every strongSwan release and to no other daemon', () => {
    assert.deepEqual(found('mark=abc', 'strongswan'), ['error']);
    assert.deepEqual(found('ikedscp=12', 'strongswan'), ['error']);
    assert.deepEqual(found('leftprotoport=17/1:2', 'libreswan-5.4'), []);
  });

  it('only warns about a sign or a bare unit, which strtoul reads', () => {
    const severities = (setting: string) => lint('ipsec', `# ipsec-dialect: strongswan-5.9.8\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\t${setting}\n`, [badValue]).map((f) => f.severity);
    for (const v of ['reqid=+5', 'tfc=+3', 'lifebytes=+5', 'marginpackets=-5', 'ikelifetime=+5m', 'dpddelay=s', 'inactivity=-1h', 'rekeyfuzz=+5%', 'rekeyfuzz=-5%']) assert.deepEqual(severities(v), ['warning'], v);
    // No digits after the sign: refused ("bad duration value", "bad percent value").
    for (const v of ['ikelifetime=+s', 'rekeyfuzz=+%']) assert.deepEqual(severities(v), ['error'], v);
  });

  it('reads numbers where C stops reading them', () => {
    assert.deepEqual(readCNumber('0x1g', 0), { end: 3, value: 1 });
    assert.deepEqual(readCNumber('0x', 0), { end: 1, value: 0 });
    assert.deepEqual(readCNumber('08', 0), { end: 1, value: 0 });
    assert.deepEqual(readCNumber(' -12x', 10), { end: 4, value: -12 });
    assert.deepEqual(readCNumber('abc', 0), { end: 0, value: 0 });
    assert.deepEqual(readCNumber('1012', 2), { end: 3, value: 5 });
  });
});
