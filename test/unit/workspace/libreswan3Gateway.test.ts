import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { knownLibreswan, libreswanIkeVersion, libreswanIkeVersionOn, libreswanMajors } from '../../../server/src/workspace/libreswanIkeVersion';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { fixturePath } from '../../helpers';
import { MemoryFiles } from './memoryFiles';
import { LIBRESWAN_4, summarize, workspaceFindings } from './workspaceFindings';

const CONF = '/ws/gw/ipsec.conf';
const LIBRESWAN_3 = '# ipsec-dialect: libreswan-3.25\n';
const conn = (lines: string) => `conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n${lines}\tauto=add\n`;
const found = (text: string, code: string) => summarize(workspaceFindings({ [CONF]: text }, [CONF]), code);

/** The one conn of a one-gateway workspace, with its node. */
function onlyConn(text: string) {
  const model = new WorkspaceIndex(new MemoryFiles({ [CONF]: text })).model([CONF]);
  const node = model.nodes[0];
  const effective = [...node.effective.values()][0];
  return { node, conn: effective };
}

describe('a gateway pinned to Libreswan 3', () => {
  it('reads only the ikev2= words every 3.x release reads as one version (permit, propose and the default meant both before 3.28)', () => {
    const version = (lines: string) => {
      const { node, conn: c } = onlyConn(LIBRESWAN_3 + conn(lines));
      return libreswanIkeVersion(c, libreswanMajors(node.dialect));
    };
    assert.equal(version('\tikev2=never\n'), 1);
    assert.equal(version('\tikev2=no\n'), 1);
    assert.equal(version('\tikev2=insist\n'), 2);
    assert.equal(version('\tikev2=permit\n'), undefined);
    assert.equal(version('\tikev2=propose\n'), undefined);
    assert.equal(version(''), undefined);
    // 3.x took no keyexchange= but ike.
    assert.equal(version('\tkeyexchange=ikev1\n'), undefined);
    assert.equal(version('\tkeyexchange=ike\n\tikev2=never\n'), 1);
  });

  it('reads a conn pinned to 3.28 to 3.32 as one version: IKEv2 unless ikev2= says never, no or permit', () => {
    const version = (pin: string, lines: string) => {
      const { node, conn: c } = onlyConn(`# ipsec-dialect: ${pin}\n` + conn(lines));
      return libreswanIkeVersionOn(c, node.dialect);
    };
    for (const pin of ['libreswan-3.28', 'libreswan-3.32']) {
      assert.equal(version(pin, ''), 2, pin);
      for (const word of ['never', 'no', 'permit']) assert.equal(version(pin, `\tikev2=${word}\n`), 1, `${pin} ${word}`);
      for (const word of ['propose', 'yes', 'insist', 'always']) assert.equal(version(pin, `\tikev2=${word}\n`), 2, `${pin} ${word}`);
      assert.equal(version(pin, '\tkeyexchange=ikev1\n'), undefined, pin);
    }
    // Up to 3.27, and for a pin that names no release, the default and permit meant both versions.
    for (const pin of ['libreswan-3.27', 'libreswan-3.3', 'libreswan-3']) {
      assert.equal(version(pin, ''), undefined, pin);
      assert.equal(version(pin, '\tikev2=permit\n'), undefined, pin);
      assert.equal(version(pin, '\tikev2=never\n'), 1, pin);
      assert.equal(version(pin, '\tikev2=insist\n'), 2, pin);
    }
  });

  it('warns of XAUTH on a 3.28+ conn without ikev2=, advising ikev2=no (3.x took no keyexchange=ikev1)', () => {
    const findings = workspaceFindings({ [CONF]: '# ipsec-dialect: libreswan-3.32\n' + conn('\tleftxauthserver=yes\n') }, [CONF]).filter((f) => f.code === 'xauth-on-ikev2');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /say ikev2=no if the peer needs XAUTH/);
    assert.deepEqual(found('# ipsec-dialect: libreswan-3.32\n' + conn('\tikev2=permit\n\tleftxauthserver=yes\n'), 'xauth-on-ikev2'), []);
  });

  it('adds IKEv1 conns: 3.x had no ikev1-policy, so libreswan-conn-refused says nothing', () => {
    assert.deepEqual(found(LIBRESWAN_3 + conn('\tikev2=never\n'), 'libreswan-conn-refused'), []);
    assert.deepEqual(found(LIBRESWAN_4 + conn('\tikev2=never\n'), 'libreswan-conn-refused'), ['gw/ipsec.conf:5 libreswan-conn-refused warning']);
  });

  it('leaves what 4.x and 5.x pluto refuse to the releases it was seen with', () => {
    const transportTfc = conn('\ttype=transport\n\ttfc=1000\n');
    assert.deepEqual(found(LIBRESWAN_4 + transportTfc, 'libreswan-conn-refused'), ['gw/ipsec.conf:6 libreswan-conn-refused error']);
    assert.deepEqual(found(LIBRESWAN_3 + transportTfc, 'libreswan-conn-refused'), []);
  });

  it('does not take a conn without ikev2= for IKEv2 when it asks for XAUTH', () => {
    assert.deepEqual(found(LIBRESWAN_3 + conn('\tleftxauthserver=yes\n'), 'xauth-on-ikev2'), []);
    assert.deepEqual(found(LIBRESWAN_3 + conn('\tikev2=insist\n\tleftxauthserver=yes\n'), 'xauth-on-ikev2'), ['gw/ipsec.conf:6 xauth-on-ikev2 warning']);
  });

  it("does not apply 4.x's built-in proposals", () => {
    const { node, conn: c } = onlyConn(LIBRESWAN_3 + conn('\tikev2=insist\n'));
    assert.equal(knownLibreswan({ node, conn: c }), undefined);
    const modelled = onlyConn(LIBRESWAN_4 + conn('\tikev2=insist\n'));
    assert.equal(knownLibreswan(modelled)?.version, 2);
  });

  it("reads its authby= as any daemon's, not by 4.x's rule of one signing method", () => {
    const a = 'conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tright=192.0.2.2\n\trightid=@b.example\n';
    const b = 'conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tright=192.0.2.1\n\trightid=@a.example\n\tauthby=ecdsa\n';
    const pair = (head: string) =>
      summarize(workspaceFindings({ '/ws/a/ipsec.conf': `${head}${a}\tauthby=rsasig,ecdsa\n`, '/ws/b/ipsec.conf': `${head}${b}` }, ['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']), 'peer-authby-mismatch');
    assert.equal(pair(LIBRESWAN_4).length, 2);
    assert.deepEqual(pair(LIBRESWAN_3), []);
  });

  it('does not judge which method its certificate is signed with', () => {
    const files = (head: string) => ({
      '/ws/gw/etc/ipsec.conf': `${head}conn peer\n\tleft=192.0.2.1\n\tleftcert=gw.der\n\tright=192.0.2.2\n`,
      '/ws/gw/etc/ipsec.d/certs/gw.der': readFileSync(fixturePath('certs', 'ec-gateway.der')),
      '/ws/gw/etc/ipsec.d/cacerts/ca.der': readFileSync(fixturePath('certs', 'test-ca.der')),
    });
    const codes = (head: string) => summarize(workspaceFindings(files(head), ['/ws/gw/etc/ipsec.conf']), 'cert-key-type-authby');
    assert.equal(codes(LIBRESWAN_4).length, 1);
    assert.deepEqual(codes(LIBRESWAN_3), []);
  });
});
