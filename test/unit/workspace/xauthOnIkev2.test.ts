import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarize, workspaceFindings } from './workspaceFindings';

const CONF = '/ws/gw/ipsec.conf';
const CODE = 'xauth-on-ikev2';

const conn = (head: string, lines: string) => `${head}conn rw\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n${lines}\tauto=add\n`;
const found = (text: string) => summarize(workspaceFindings({ [CONF]: text }, [CONF]), CODE);

describe('xauth-on-ikev2', () => {
  it('warns at each XAUTH role an IKEv2 conn asks for (Libreswan 5.4 logs "IKEv2 connection ignores" for them; 4.10 and 5.2 add the conn silently)', () => {
    const text = conn('# ipsec-dialect: libreswan-5\n', '\tkeyexchange=ikev2\n\trightxauthserver=yes\n\tleftxauthclient=yes\n');
    assert.deepEqual(found(text), ['gw/ipsec.conf:6 xauth-on-ikev2 warning', 'gw/ipsec.conf:7 xauth-on-ikev2 warning']);
    // A Libreswan conn speaks IKEv2 unless it says otherwise.
    assert.equal(found(conn('# ipsec-dialect: libreswan-4\n', '\tleftxauthserver=yes\n')).length, 1);
  });

  it("advises the setting the gateway's release takes for IKEv1 (Libreswan 4 took no keyexchange= but ike)", () => {
    const advice = (pin: string) => workspaceFindings({ [CONF]: conn(`# ipsec-dialect: ${pin}\n`, '\tleftxauthserver=yes\n') }, [CONF]).find((f) => f.code === CODE)?.message.replace(/.*; say /, '');
    assert.equal(advice('libreswan-4'), 'ikev2=no if the peer needs XAUTH, or drop the setting');
    assert.equal(advice('libreswan-5'), 'keyexchange=ikev1 if the peer needs XAUTH, or drop the setting');
    assert.equal(advice('libreswan'), 'keyexchange=ikev1 (Libreswan 5) or ikev2=no (Libreswan 4) if the peer needs XAUTH, or drop the setting');
  });

  it('is quiet for IKEv1 conns, roles turned off, other daemons and gateways whose daemon is not known', () => {
    assert.deepEqual(found(conn('# ipsec-dialect: libreswan-5\nconfig setup\n\tikev1-policy=accept\n', '\tkeyexchange=ikev1\n\tleftxauthserver=yes\n')), []);
    assert.deepEqual(found(conn('# ipsec-dialect: libreswan-4\n', '\tikev2=no\n\tleftxauthserver=yes\n')), []);
    assert.deepEqual(found(conn('# ipsec-dialect: libreswan-5\n', '\tleftxauthserver=no\n')), []);
    assert.deepEqual(found(conn('# ipsec-dialect: openswan\n', '\tleftxauthserver=yes\n')), []);
    assert.deepEqual(found(conn('', '\tleftxauthserver=yes\n')), []);
  });

  it('reports a role inherited from %default at the conn that inherits it', () => {
    const text = `# ipsec-dialect: libreswan-5\nconn %default\n\tleftxauthclient=yes\n\n${conn('', '')}`;
    assert.deepEqual(found(text), ['gw/ipsec.conf:4 xauth-on-ikev2 warning']);
  });
});
