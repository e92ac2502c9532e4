import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wrongSection } from '../../../server/src/checks/ipsecConf/wrongSection';
import { lint } from '../../helpers';

const check = (text: string) => lint('ipsec', text, [wrongSection]).map((f) => `${f.severity}: ${f.message}`);

describe('wrong-section', () => {
  it('a config setup key in a conn is an error, naming where it belongs', () => {
    const [finding, ...rest] = check('conn a\n\tleft=192.0.2.1\n\tprotostack=netkey\n');
    assert.deepEqual(rest, []);
    assert.match(finding, /^error: "protostack" belongs in config setup, not in a conn section/);
  });

  it('a conn key in config setup is an error in every dialect', () => {
    assert.deepEqual(check('config setup\n\tleftid=@west\n'), ['error: "leftid" belongs in a conn section, not in config setup (Openswan refuses the file)']);
    assert.match(check('# ipsec-dialect: strongswan\nconfig setup\n\tauto=add\n')[0], /^error: .*strongSwan will not start/);
  });

  it('strongSwan drops the conn; Libreswan 5.3 and later refuse the file', () => {
    assert.match(check('# ipsec-dialect: strongswan\nconn a\n\tuniqueids=yes\n')[0], /^error: .*strongSwan skips the whole conn section/);
    assert.match(check('# ipsec-dialect: libreswan-5\nconn a\n\tprotostack=xfrm\n')[0], /^error: .*Libreswan 5 refuses the file/);
  });

  it('Libreswan 4 and Openswan only drop a setup key found in a conn: a warning', () => {
    assert.match(check('# ipsec-dialect: libreswan-4\nconn a\n\tprotostack=netkey\n')[0], /^warning: .*Libreswan 4 ignores the line/);
    assert.match(check('# ipsec-dialect: openswan\nconn a\n\tnat_traversal=yes\n')[0], /^warning: "nat_traversal" belongs in config setup/);
    assert.match(check('# ipsec-dialect: libreswan-4\nconfig setup\n\tleftid=@west\n')[0], /^error: /);
  });

  it('a key some release allows in this section is not reported (plutodebug in a conn, Libreswan 5.1 to 5.2)', () => {
    assert.deepEqual(check('# ipsec-dialect: libreswan-5\nconn a\n\tplutodebug=all\n'), []);
  });

  it('when the dialect is unknown and one daemon allows the key here, only a notice', () => {
    // strongSwan ignores plutodebug, but in a conn it drops the conn (starter: "unsupported keyword 'plutodebug' in conn").
    assert.deepEqual(check('conn a\n\tplutodebug=all\n'), ['info: Openswan, strongSwan only take "plutodebug" in config setup; Libreswan also allows it here']);
  });

  it('a key only one daemon knows is judged by that daemon', () => {
    assert.match(check('conn a\n\tleft=192.0.2.1\n\tcachecrls=yes\n')[0], /^error: "cachecrls" belongs in config setup, not in a conn section \(strongSwan skips the whole conn section\)/);
    assert.deepEqual(check('ca x\n\tauto=add\n\tcacert=x.pem\n'), []);
  });

  it('keys right where they belong, unknown keys and ignored keys get nothing', () => {
    assert.deepEqual(check('config setup\n\tprotostack=netkey\n\tplutodebug=none\nconn a\n\tleft=192.0.2.1\n\tleftid=@a\n\tkeyingretries=3\n'), []);
    assert.deepEqual(check('# ipsec-dialect: libreswan-5\nconn a\n\tdpdaction=clear\n'), []);
  });
});
