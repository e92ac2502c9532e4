import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarize, workspaceFindings } from './workspaceFindings';

const CODE = 'libreswan-conn-refused';
const CONF = '/ws/gw/ipsec.conf';
const ACCEPT_IKEV1 = 'config setup\n\tikev1-policy=accept\n';

/**
 * Conn bodies and whether each pluto added them, with ikev1-policy=accept: Libreswan 4.10's (Debian),
 * and 5.2's, 5.3.2's and 5.4's (built from source), seen in runs ("failed to add connection" or
 * "added … connection").
 */
const SEEN: ReadonlyArray<readonly [body: string, added410: boolean, added52: boolean, added532: boolean, added54: boolean]> = [
  ['leftauth=rsasig|authby=secret', false, false, false, false],
  ['authby=secret|leftid=%fromcert', false, false, false, false],
  ['type=transport|tfc=100|authby=secret', false, false, false, false],
  ['type=transport|vti-interface=vti0|authby=secret', false, false, false, false],
  ['authby=never', false, false, false, false],
  ['type=passthrough|authby=secret', false, false, true, true],
  ['type=passthrough', false, true, true, true],
  ['type=reject|authby=rsasig', false, false, true, true],
  ['ikev2=no|mobike=yes|authby=secret', false, false, false, false],
  ['ikev2=no|narrowing=yes|authby=secret', false, true, true, false],
  ['ikev2=no|enable-tcp=yes|authby=secret', false, false, false, false],
  ['tcp-remoteport=500|enable-tcp=yes|authby=secret', false, false, false, false],
  ['leftprotoport=tcp/%any|rightprotoport=tcp/%any|authby=secret', false, false, false, false],
  ['phase2=ah|tfc=100|authby=secret', false, false, false, false],
  ['rightid=%fromcert|authby=secret', false, false, false, false],
  ['leftid=%fromcert|leftauth=null|rightauth=null', false, false, false, false],
  ['enable-tcp=yes|authby=secret', true, true, true, true],
  ['enable-tcp=fallback|tcp-remoteport=4500|authby=secret', true, true, true, true],
  ['type=passthrough|authby=never', true, true, true, true],
  ['authby=never|type=drop', true, true, true, true],
  ['leftid=%fromcert|authby=rsasig', true, true, true, true],
  ['type=transport|tfc=0|authby=secret', true, true, true, true],
  ['leftprotoport=tcp/%any|rightprotoport=tcp/80|authby=secret', true, true, true, true],
  ['leftauth=secret|rightauth=secret', true, true, true, true],
  ['ikev2=no|mobike=no|authby=secret', true, true, true, true],
  ['ikev2=no|enable-tcp=no|authby=secret', true, true, true, true],
  ['ikev2=no|narrowing=no|authby=secret', true, false, false, true],
  ['leftauth=rsasig|rightauth=rsasig|authby=secret', false, false, false, false],
  ['leftauth=ecdsa|rightauth=ecdsa|authby=rsasig', false, false, false, false],
  ['leftauth=rsasig|rightauth=secret|authby=secret', false, false, false, false],
  ['leftauth=rsasig|rightauth=rsasig|authby=rsasig,ecdsa', true, true, true, true],
  ['leftauth=ecdsa|rightauth=rsasig', true, true, true, true],
  ['leftauth=rsasig|rightauth=rsasig|authby=rsa-sha1', true, true, true, true],
  ['leftauth=secret|rightauth=secret|authby=rsasig', true, true, true, true],
  ['leftauth=rsasig|rightauth=rsasig|authby=rsa-sha2', true, true, true, true],
  ['leftauth=ecdsa|rightauth=ecdsa|authby=ecdsa-sha2_256', true, true, true, true],
  ['leftauth=null|rightauth=null|authby=rsasig', true, true, true, true],
  ['aggressive=yes|authby=secret', true, false, false, false],
  ['esp=aes256-sha256|phase2=ah|authby=secret', false, false, true, false],
  ['phase2=ah|ah=sha2_256|authby=secret', true, true, true, true],
  ['phase2=ah|esp=sha2_256|authby=secret', true, true, true, false],
  ['phase2=ah|phase2alg=sha1|authby=secret', true, true, true, true],
  ['leftsubnet=10.1.0.0/24|leftsourceip=10.2.0.1|authby=secret', true, false, false, false],
  ['rightsubnet=10.1.0.0/24|rightsourceip=10.1.0.7|authby=secret', true, true, true, true],
  ['rightsourceip=192.0.2.2|authby=secret', true, true, true, true],
  ['rightsourceip=192.0.2.9|authby=secret', true, false, false, false],
  // 4.10's addconn adds nothing, without a word, for subnets= when the other end has no subnet (read as added before session 38).
  ['leftsubnets={10.1.0.0/24 10.3.0.0/24}|leftsourceip=10.9.0.1|authby=secret', false, true, true, true],
  ['leftsubnets=10.1.0.0/24|authby=secret', false, true, true, true],
  ['rightsubnets=10.1.0.0/24,10.3.0.0/24|authby=secret', false, true, true, true],
  ['leftsubnets=10.1.0.0/24|rightsubnet=10.2.0.0/24|authby=secret', true, true, true, true],
  // IKEv1 Quick Mode PFS with an elliptic group: "ESP DH algorithm 'dh19' is not supported by IKEv1" before 5.4.
  ['ikev2=no|esp=aes128-sha1;dh19|authby=secret', false, false, false, true],
  ['ikev2=no|phase2alg=aes128-sha1;ecp_384|authby=secret', false, false, false, true],
  ['ikev2=no|esp=aes128-sha1;modp2048|authby=secret', true, true, true, true],
  ['ikev2=no|ike=aes128-sha1;dh19|authby=secret', true, true, true, true],
  ['esp=aes128-sha1;dh19|authby=secret', true, true, true, true],
  ['ikev2=no|aggressive=yes|ike=aes-sha1;modp2048|authby=secret', true, true, true, true],
  ['phase2=esp|ah=sha2_256|authby=secret', false, false, true, false],
  ['ah=sha1|authby=secret', false, false, true, true],
  ['type=passthrough|authby=secret|phase2=ah|esp=aes', false, false, true, true],
  ['type=drop|authby=null', false, false, true, true],
  ['rightaddresspool=10.9.0.1-10.9.0.9|narrowing=no|authby=secret', true, false, false, false],
  ['rightaddresspool=10.9.0.1-10.9.0.9|narrowing=yes|authby=secret', true, true, true, true],
  ['phase2=ah|ah=aes-sha1|authby=secret', false, false, false, false],
  ['phase2=ah|phase2alg=aes-sha1|authby=secret', false, false, false, false],
  ['esp=sha1|authby=secret', false, false, false, false],
  ['type=passthrough|authby=never|phase2=ah|esp=aes', false, true, true, true],
  ['keylife=1h|salifetime=1h|authby=secret', true, true, true, true],
  ['phase2=esp|ah=aes-sha1|authby=secret', true, true, true, false],
  ['dpddelay=5x|authby=secret', true, false, false, false],
  ['ikev2=no|dpddelay=5|dpdtimeout=5x|authby=secret', true, false, false, false],
  ['ikev2=no|dpdtimeout=5x|authby=secret', true, true, true, true],
  ['ikev2=no|dpddelay=5x|authby=secret', true, true, true, true],
  ['dpddelay=5|dpdtimeout=5x|authby=secret', true, true, true, true],
  ['mark=0xzz|authby=secret', true, true, false, false],
  ['mark=20/0xf|authby=secret', true, true, false, false],
  ['mark-in=0b101|mark-out=-1/0xffffffff|authby=secret', true, true, true, true],
  ['type=passthrough|authby=never|mark=0xzz', true, true, true, true],
  ['aggressive=y|authby=secret', true, false, false, false],
  ['aggrmode=on|authby=secret', true, false, false, false],
  ['dpddelay=2minutes|authby=secret', true, false, false, true],
  ['dpddelay=1.5m|authby=secret', true, true, true, true],
  ['retransmit-interval=2seconds|authby=secret', true, true, false, true],
  ['hostaddrfamily=ipv6|authby=secret', true, true, false, false],
  ['hostaddrfamily=ipv4|authby=secret', true, true, true, true],
  ['clientaddrfamily=ipv6|authby=secret', true, false, true, true],
  ['rekeymargin=2d|authby=secret', true, false, false, false],
  ['rekeymargin=2days|authby=secret', true, true, true, false],
  ['rekeymargin=11h|authby=secret', true, true, true, true],
  ['rekeymargin=13h|authby=secret', true, false, false, false],
  ['rekeymargin=13h|rekeyfuzz=50%|authby=secret', true, true, true, true],
  ['type=passthrough|authby=never|rekeymargin=2d', true, true, true, true],
];

/**
 * The same conns added to the pluto of releases built from their tags later the same day: each as
 * a column of SEEN, but for the conns listed (whether it added them).
 */
const LIKE: ReadonlyArray<readonly [release: string, like: '5.2' | '5.3.2', differs: Readonly<Record<string, boolean>>]> = [
  ['5.0', '5.2', { 'rightsourceip=192.0.2.2|authby=secret': false, 'ikev2=no|narrowing=yes|authby=secret': false, 'ikev2=no|narrowing=no|authby=secret': true, 'rightaddresspool=10.9.0.1-10.9.0.9|narrowing=no|authby=secret': true, 'dpddelay=1.5m|authby=secret': false }],
  ['5.1', '5.2', { 'ikev2=no|narrowing=yes|authby=secret': false, 'ikev2=no|narrowing=no|authby=secret': true, 'rightaddresspool=10.9.0.1-10.9.0.9|narrowing=no|authby=secret': true, 'dpddelay=1.5m|authby=secret': false }],
  ['5.3', '5.3.2', {}],
  ['5.3.1', '5.3.2', {}],
];

const conf = (head: string, body: string) => `${head}conn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n${body.split('|').map((line) => `\t${line}\n`).join('')}\tauto=add\n`;
const refused = (head: string, body: string) => summarize(workspaceFindings({ [CONF]: conf(head, body) }, [CONF]), CODE);

describe('libreswan-conn-refused', () => {
  for (const [column, release] of ['4.10', '5.2', '5.3.2', '5.4'].entries()) {
    it(`agrees with what Libreswan ${release} pluto added and refused`, () => {
      for (const row of SEEN) {
        const added = row[column + 1];
        assert.deepEqual(refused(`# ipsec-dialect: libreswan-${release}\n${ACCEPT_IKEV1}`, row[0]).length > 0, !added, `${release}: ${row[0]}`);
      }
    });
  }

  for (const [release, like, differs] of LIKE) {
    it(`agrees with what Libreswan ${release} pluto added and refused (as ${like} but for ${Object.keys(differs).length} conns)`, () => {
      const column = (['4.10', '5.2', '5.3.2', '5.4'] as const).indexOf(like) + 1;
      for (const row of SEEN) {
        const added = differs[row[0]] ?? row[column];
        assert.deepEqual(refused(`# ipsec-dialect: libreswan-${release}\n${ACCEPT_IKEV1}`, row[0]).length > 0, !added, `${release}: ${row[0]}`);
      }
    });
  }

  it('refuses a source address without a subnet for 5.0 alone where it is the host address, and for any 5.x otherwise', () => {
    const hostAddress = 'rightsourceip=192.0.2.2|authby=secret';
    const found = workspaceFindings({ [CONF]: conf(`# ipsec-dialect: libreswan-5.0\n${ACCEPT_IKEV1}`, hostAddress) }, [CONF]).filter((f) => f.code === CODE);
    assert.equal(found.length, 1);
    assert.match(found[0].message, /rightsourceip=192\.0\.2\.2 without rightsubnet=.*5\.0 wants a subnet/);
    assert.deepEqual(refused(`# ipsec-dialect: libreswan-5\n${ACCEPT_IKEV1}`, hostAddress), [], '5.1 on take it');
    const otherAddress = 'rightsourceip=192.0.2.9|authby=secret';
    assert.equal(refused(`# ipsec-dialect: libreswan-5\n${ACCEPT_IKEV1}`, otherAddress).length, 1, 'every 5.x refuses it');
    assert.equal(refused(`# ipsec-dialect: libreswan-5.0\n${ACCEPT_IKEV1}`, otherAddress).length, 1, 'reported once');
    assert.deepEqual(refused(`# ipsec-dialect: libreswan\n${ACCEPT_IKEV1}`, otherAddress), [], '4.x takes it');
  });

  it('judges a lone end method by release: refused before 5.3, and by every release where it mixes NULL with the pre-shared key authby= gives', () => {
    const lone = 'leftauth=null|authby=rsasig';
    assert.equal(refused(`# ipsec-dialect: libreswan-5.2\n`, lone).length, 1);
    assert.deepEqual(refused(`# ipsec-dialect: libreswan-5.3\n`, lone), [], '5.3 on take rsasig from authby= for the right end');
    assert.deepEqual(refused(`# ipsec-dialect: libreswan\n`, lone), [], 'releases differ');
    for (const release of ['libreswan', 'libreswan-4.10', 'libreswan-5.4']) {
      const found = workspaceFindings({ [CONF]: conf(`# ipsec-dialect: ${release}\n`, 'leftauth=null|authby=secret') }, [CONF]).filter((f) => f.code === CODE);
      assert.equal(found.length, 1, release);
      assert.match(found[0].message, /leftauth=null with authby=secret and no rightauth= \(before 5\.3 .*from 5\.3 rightauth= takes secret from authby=/, release);
    }
    assert.deepEqual(refused(`# ipsec-dialect: libreswan-5.4\n${ACCEPT_IKEV1}`, 'leftauth=null|authby=secret|type=passthrough'), [], 'a shunt');
  });

  it('refuses authby=eddsa on 5.3 (its pluto: "authby=eddsa is unknown"), not on 5.4, nor earlier, where addconn refuses it (bad-value)', () => {
    for (const release of ['5.3', '5.3.1', '5.3.2']) assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n`, 'authby=rsasig,eddsa').length, 1, release);
    for (const release of ['5.2', '5.4', '4.10']) assert.deepEqual(refused(`# ipsec-dialect: libreswan-${release}\n`, 'authby=eddsa'), [], release);
    assert.deepEqual(refused(`# ipsec-dialect: libreswan-5.3\n`, 'authby=eddsa|type=passthrough'), [], 'a shunt');
  });

  it("refuses strongSwan's leftsourceip= (%config, a pool): 4.10's addconn and 5.2's pluto both did", () => {
    // 4.10: "bad value for leftsourceip=%config" (a bad-value there); 5.2: "leftsourceip=%config invalid".
    for (const body of ['leftsourceip=%config', 'rightsourceip=10.0.0.0/24', 'leftsourceip=%config4']) {
      const found = workspaceFindings({ [CONF]: conf('# ipsec-dialect: libreswan-5.2\n', `authby=secret|${body}`) }, [CONF]).filter((f) => f.code === CODE);
      assert.equal(found.length, 1, body);
      assert.match(found[0].message, /Libreswan reads an address here/, body);
      assert.deepEqual(refused(`# ipsec-dialect: libreswan\n`, `authby=secret|${body}`).length, 1, `${body}, any release`);
      assert.deepEqual(refused(`# ipsec-dialect: libreswan-4.10\n`, `authby=secret|${body}`), [], `${body}: bad-value's for 4.x alone`);
      assert.deepEqual(refused(`# ipsec-dialect: strongswan-5.9.8\n`, `authby=secret|${body}`), [], `${body}: strongSwan's own`);
    }
    // Both added these.
    for (const body of ['leftsourceip=192.0.2.1', 'leftsubnet=10.1.0.0/24|leftsourceip=10.1.0.1']) assert.deepEqual(refused(`# ipsec-dialect: libreswan-5.2\n`, `authby=secret|${body}`), [], body);
  });

  it("refuses strongSwan's words in leftsubnet=, as 5.2's pluto did (4.10's addconn: bad-value)", () => {
    // 5.2: "leftsubnet=%dynamic invalid", "leftsubnet=10.0.0.0/24[udp] invalid"; added: a bare address, two subnets.
    const seen: ReadonlyArray<readonly [string, boolean]> = [
      ['leftsubnet=%dynamic', false],
      ['rightsubnet=%DYNAMIC', false],
      ['leftsubnet=10.0.0.0/24,%dynamic', false],
      ['leftsubnet=%any', false],
      ['leftsubnet=%priv', false],
      ['leftsubnet=10.0.0.0/24[udp]', false],
      ['leftsubnet=10.0.0.1', true],
      ['leftsubnet=10.0.0.0/24,10.1.0.0/16', true],
      ['ikev2=no|leftsubnet=vhost:%priv,%no', true],
    ];
    for (const [body, added] of seen) assert.equal(refused(`# ipsec-dialect: libreswan-5.2\n${ACCEPT_IKEV1}`, `authby=secret|${body}`).length === 0, added, body);
    const brackets = workspaceFindings({ [CONF]: conf('# ipsec-dialect: libreswan-5\n', 'authby=secret|leftsubnet=10.0.0.0/24[tcp/80]') }, [CONF]).filter((f) => f.code === CODE);
    assert.match(brackets[0].message, /in brackets are strongSwan's way; move them to leftprotoport=/);
    assert.deepEqual(refused('# ipsec-dialect: libreswan-4.10\n', 'authby=secret|leftsubnet=%dynamic'), [], "4.x alone: bad-value's");
    assert.deepEqual(refused('# ipsec-dialect: strongswan-5.9.8\n', 'authby=secret|leftsubnet=%dynamic'), []);
  });

  it('refuses nic-offload=packet on anything but plain ESP in transport mode, as 5.2 did (4.10 knows no such value)', () => {
    const seen: ReadonlyArray<readonly [string, boolean]> = [
      ['nic-offload=packet', false],
      ['type=transport|nic-offload=packet|compress=yes', false],
      ['type=transport|nic-offload=packet', true],
      ['type=transport|nic-offload=crypto', true],
      ['nic-offload=crypto', true],
    ];
    for (const [body, added] of seen) assert.equal(refused('# ipsec-dialect: libreswan-5.2\n', `authby=secret|${body}`).length === 0, added, body);
    const [finding] = workspaceFindings({ [CONF]: conf('# ipsec-dialect: libreswan-5\n', 'authby=secret|nic-offload=packet') }, [CONF]).filter((f) => f.code === CODE);
    assert.match(finding.message, /nic-offload=packet with type=tunnel \(the default\)/);
  });

  it('refuses with Libreswan 5 an end that asks for its address while the other end hands out a pool to it, as 5.0 to 5.4 did', () => {
    const pool = 'rightaddresspool=10.0.0.1-10.0.0.9';
    const seen: ReadonlyArray<readonly [string, boolean]> = [
      [`${pool}|leftmodecfgclient=yes`, false],
      [`${pool}|leftcat=yes`, false],
      ['leftaddresspool=10.0.0.1-10.0.0.9|leftmodecfgclient=yes', true],
      [`${pool}|rightmodecfgclient=yes`, true],
      [`${pool}|leftmodecfgserver=yes|rightmodecfgclient=yes`, true],
    ];
    for (const [body, added] of seen) assert.equal(refused('# ipsec-dialect: libreswan-5.2\n', `authby=secret|${body}`).length === 0, added, body);
    // 4.10 adds it; 5.0 and 5.1 refuse it too ("both leftmodecfgclient=yes and rightaddresspool= defined").
    assert.deepEqual(refused('# ipsec-dialect: libreswan-4.10\n', `authby=secret|${pool}|leftmodecfgclient=yes`), []);
    for (const release of ['5.0', '5.1', '5']) assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n`, `authby=secret|${pool}|leftmodecfgclient=yes`).length, 1, release);
  });

  it('judges narrowing= on IKEv1 only where every release the gateway may run reads it one way', () => {
    const body = (value: string) => `ikev2=no|narrowing=${value}|authby=secret`;
    for (const release of ['4', '5.0', '5.1', '5.4']) assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n${ACCEPT_IKEV1}`, body('yes')).length, 1, release);
    for (const release of ['5.2', '5.3', '5.3.2']) assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n${ACCEPT_IKEV1}`, body('no')).length, 1, release);
    for (const release of ['5', '']) {
      const head = `# ipsec-dialect: libreswan${release ? `-${release}` : ''}\n${ACCEPT_IKEV1}`;
      assert.deepEqual(refused(head, body('yes')), [], release);
      assert.deepEqual(refused(head, body('no')), [], release);
    }
  });

  it('agrees with both plutos on the integrity of AEAD and other ciphers', () => {
    // Seen with 4.10 and 5.2 alike.
    const seen: ReadonlyArray<readonly [string, boolean]> = [
      ['esp=aes-none', false],
      ['esp=aes-null', false],
      ['esp=null-none', false],
      ['esp=3des-none', false],
      ['esp=aes-sha1,aes-none', false],
      ['esp=aes_gcm-sha1', false],
      ['ike=aes-none', false],
      ['phase2alg=aes-none', false],
      ['esp=aes_gcm-null', true],
      ['esp=aes_gcm256', true],
      ['esp=null-sha1', true],
      ['ike=aes_gcm-sha2', true],
      // After ";" none is the DH group: no PFS (the add-time oracle caught this as a false error).
      ['esp=aes;none', true],
      ['esp=aes-sha2;none', true],
    ];
    for (const head of ['# ipsec-dialect: libreswan-4.10\n', '# ipsec-dialect: libreswan-5.2\n']) {
      for (const [body, added] of seen) assert.equal(refused(`${head}${ACCEPT_IKEV1}`, `authby=secret|${body}`).length === 0, added, `${head}${body}`);
    }
    const [found] = workspaceFindings({ [CONF]: conf('# ipsec-dialect: libreswan-5\n', 'authby=secret|esp=aes256-none') }, [CONF]).filter((f) => f.code === CODE);
    assert.equal(found.message, "conn a: Libreswan's pluto refuses to add it: esp=aes256-none gives a non-AEAD ESP cipher no integrity algorithm; name one, such as sha2_256");
  });

  it('reports a DH group where Libreswan reads the integrity or PRF, before 5.4', () => {
    // Seen with 4.10 and 5.2: "ESP integrity algorithm 'modp2048' is not recognized", "IKE PRF algorithm 'modp2048' …".
    const seen: ReadonlyArray<readonly [string, boolean]> = [
      ['esp=aes-modp2048', false],
      ['esp=aes-dh14', false],
      ['ike=aes-modp2048', false],
      ['ike=aes_gcm-modp2048', false],
      ['esp=aes-sha2-modp2048', true],
      ['esp=aes_gcm-null-modp2048', true],
      ['esp=aes_gcm;modp2048', true],
      ['ike=aes-sha2-modp2048', true],
    ];
    for (const release of ['4.10', '5.2']) {
      for (const [body, added] of seen) assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n`, `authby=secret|${body}`).length === 0, added, `${release} ${body}`);
    }
    assert.deepEqual(refused('# ipsec-dialect: libreswan\n', 'authby=secret|esp=aes-modp2048'), []);
  });

  it('reports an additional key exchange in a proposal for releases before 5.4 only', () => {
    // 4.10 and 5.2: "IKE proposal contains unexpected 'addke1=ml_kem_768'" (corpus runs); 5.4 reads it.
    const body = 'authby=secret|ike=aes_gcm256-sha2_512;dh19;addke1=ml_kem_768';
    for (const release of ['4.10', '5.2', '5']) assert.deepEqual(refused(`# ipsec-dialect: libreswan-${release}\n`, body).length, release === '5' ? 0 : 1, release);
    assert.deepEqual(refused('# ipsec-dialect: libreswan-5.4\n', body), []);
    // 5.2: "IKE DH algorithm 'ke=ml_kem_768' is not recognized" (a pluto-add run over the corpus).
    const ke = workspaceFindings({ [CONF]: conf('# ipsec-dialect: libreswan-5.2\n', 'authby=secret|ike=aes;ke=ml_kem_768') }, [CONF]).filter((f) => f.code === CODE);
    assert.equal(ke.length, 1);
    assert.match(ke[0].message, /names its key exchange the 5\.4 way \(ke=ml_kem_768\)/);
    assert.deepEqual(refused('# ipsec-dialect: libreswan-5.4\n', 'authby=secret|ike=aes;ke=ml_kem_768'), []);
  });

  it('reports Aggressive Mode without ike= for Libreswan 5 only, and a PSK end with a NULL one for both', () => {
    // Seen: 4.10 adds aggressive=yes without ike=, 5.2 refuses it ("cannot specify aggressive mode without ike="); both refuse the mix.
    const aggressive = 'authby=secret|keyexchange=ikev1|aggressive=yes';
    assert.deepEqual(refused(`# ipsec-dialect: libreswan-5.2\n${ACCEPT_IKEV1}`, aggressive).length, 1);
    assert.deepEqual(refused(`# ipsec-dialect: libreswan-5.2\n${ACCEPT_IKEV1}`, `${aggressive}|ike=aes128-sha1;modp2048`), []);
    assert.deepEqual(refused(`# ipsec-dialect: libreswan-4.10\n${ACCEPT_IKEV1}`, 'authby=secret|ikev2=no|aggressive=yes'), []);
    for (const release of ['4.10', '5.2']) {
      assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n`, 'leftauth=null|rightauth=secret').length, 1, release);
      assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n`, 'leftauth=secret|rightauth=null|authby=secret,null').length, 1, release);
    }
  });

  it('judges families as each major does: 4.6 to 4.15 a lone subnet against the hosts, 5.x each end\'s traffic, pools included', () => {
    // Seen with 4.10, 5.0 and 5.2: 4.10 adds an IPv6 pool between IPv4 hosts and refuses an IPv6 rightsubnet= there
    // ("host protocol IPv4 conflicts with client protocol IPv6"); 5.x the other way round ("address family of
    // leftaddresspool=… conflicts with right=…").
    const pool = 'authby=secret|leftaddresspool=2001:db8:0:3:1::/97';
    const subnet = 'authby=secret|leftaddresspool=2001:db8:0:5:1::/97|rightsubnet=2001:db8:9::/64';
    assert.deepEqual(refused('# ipsec-dialect: libreswan-4.10\n', pool), []);
    assert.equal(refused('# ipsec-dialect: libreswan-4.10\n', subnet).length, 1);
    assert.equal(refused('# ipsec-dialect: libreswan-5.2\n', pool).length, 1);
    assert.deepEqual(refused('# ipsec-dialect: libreswan-5.2\n', subnet), []);
    assert.deepEqual(refused('# ipsec-dialect: libreswan-4.10\n', 'authby=secret|leftaddresspool=10.0.3.1-10.0.3.9'), []);
    // 4.0 to 4.5 are not judged, so neither is a gateway on any 4.x.
    assert.deepEqual(refused('# ipsec-dialect: libreswan-4\n', subnet), []);
  });

  it('reports a next hop that pluto does not read from 5.3 on', () => {
    // Seen with 5.3.2 and 5.4 ("leftnexthop=YourGwIP invalid"); 5.0 to 5.2's addconn refuse these itself (bad-value).
    for (const release of ['5.3.2', '5.4']) {
      for (const value of ['YourGwIP', '%any', '%eth0']) assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n`, `authby=secret|leftnexthop=${value}`).length, 1, `${release} ${value}`);
      for (const value of ['%direct', '%defaultroute', '%DefaultRoute', '192.1.2.1']) assert.deepEqual(refused(`# ipsec-dialect: libreswan-${release}\n`, `authby=secret|leftnexthop=${value}`), [], `${release} ${value}`);
    }
    assert.deepEqual(refused('# ipsec-dialect: libreswan-5.2\n', 'authby=secret|leftnexthop=YourGwIP'), []);
  });

  it('reports leftauth=eaponly without an EAP method', () => {
    // Seen with 4.10, 5.0 and 5.4: "leftauth/rightauth can only be 'eaponly' when using leftautheap/rightautheap is not 'none'".
    for (const release of ['4.10', '5.2', '5.4']) {
      const head = `# ipsec-dialect: libreswan-${release}\n`;
      assert.equal(refused(head, 'leftauth=eaponly|rightauth=secret').length, 1, release);
      assert.equal(refused(head, 'leftauth=eaponly|leftautheap=none|rightauth=secret').length, 1, release);
      assert.deepEqual(refused(head, 'leftauth=eaponly|leftautheap=tls|rightauth=secret'), [], release);
    }
  });

  it('warns of DH groups a default build leaves out: MODP-1024 and groups 22 to 24 (USE_DH2…), and MODP-768', () => {
    // Debian's 4.10: pluto "IKE DH algorithm 'modp1024' is not supported" (negotiation run); algparse of 4.10 and of the 5.2 built from source the same for dh22 to dh24, modp768 and ESP's modp1024.
    const seen: ReadonlyArray<readonly [string, boolean]> = [
      ['ike=aes256-sha1-modp1024', false],
      ['ike=aes256-sha1;dh22', false],
      ['ike=aes256-sha1-dh23', false],
      ['ike=aes256-sha1-dh24', false],
      ['ike=aes256-sha1-modp768', false],
      ['esp=aes256-sha1;modp1024', false],
      ['phase2alg=aes256-sha1;modp1024', false],
      ['ike=aes256-sha2_256-modp2048,aes128-sha1-modp1024', false],
      ['ike=aes256-sha1-modp1536', true],
      ['ike=aes256-sha1-modp2048', true],
      ['esp=aes256-sha1;modp2048', true],
    ];
    for (const release of ['4.10', '5', '']) {
      for (const [body, added] of seen) {
        const found = workspaceFindings({ [CONF]: conf(`# ipsec-dialect: libreswan${release ? `-${release}` : ''}\n`, `authby=secret|${body}`) }, [CONF]).filter((f) => f.code === CODE);
        assert.deepEqual(found.map((f) => f.severity), added ? [] : ['warning'], `${release} ${body}`);
      }
    }
    const [found] = workspaceFindings({ [CONF]: conf('# ipsec-dialect: libreswan-4\n', 'authby=secret|ike=aes256-sha1-modp1024') }, [CONF]).filter((f) => f.code === CODE);
    assert.match(found.message, /^conn a: Libreswan's pluto refuses to add it: ike=aes256-sha1-modp1024 names MODP-1024 \(DH group 2\), which Libreswan from 4\.0 builds only when asked to \(USE_DH2\)/);
    assert.deepEqual(refused('# ipsec-dialect: strongswan\n', 'authby=secret|ike=aes256-sha1-modp1024!'), []);
  });

  it('names the setting and why, on the line that sets it', () => {
    const found = workspaceFindings({ [CONF]: conf('# ipsec-dialect: libreswan-4\n', 'type=transport|tfc=100|authby=secret') }, [CONF]).filter((f) => f.code === CODE);
    assert.deepEqual(summarize(found), ['gw/ipsec.conf:5 libreswan-conn-refused error']);
    assert.match(found[0].message, /conn a: Libreswan's pluto refuses to add it: tfc= \(traffic flow confidentiality padding\) with type=transport/);
  });

  it('leaves the Libreswan 4 only cases out for Libreswan 5 and unpinned releases, keeps the others', () => {
    for (const head of [`# ipsec-dialect: libreswan-5\n${ACCEPT_IKEV1}`, `# ipsec-dialect: libreswan\n${ACCEPT_IKEV1}`]) {
      assert.deepEqual(refused(head, 'type=passthrough'), [], head);
      assert.deepEqual(refused(head, 'tcp-remoteport=0|enable-tcp=yes|authby=secret'), [], head);
      assert.equal(refused(head, 'authby=never').length, 1, head);
      assert.equal(refused(head, 'ikev2=no|mobike=yes|authby=secret').length, 1, head);
    }
  });

  it('speaks on a shunt with another authby= only for releases before 5.3, which alone refuse it', () => {
    for (const release of ['4', '5.0', '5.2']) assert.equal(refused(`# ipsec-dialect: libreswan-${release}\n`, 'type=drop|authby=null').length, 1, release);
    for (const release of ['5', '5.3', '5.4']) assert.deepEqual(refused(`# ipsec-dialect: libreswan-${release}\n`, 'type=drop|authby=null'), [], release);
  });

  it('names the list 5.4 refuses beside phase2=, and the one 5.3 refuses beside phase2alg=', () => {
    const message = (release: string, body: string) => workspaceFindings({ [CONF]: conf(`# ipsec-dialect: libreswan-${release}\n`, body) }, [CONF]).filter((f) => f.code === CODE).map((f) => f.message);
    assert.deepEqual(message('5.4', 'authby=secret|esp=aes-sha1|ah=sha1'), ["conn a: Libreswan's pluto refuses to add it: ah= with ESP, taken without phase2= (Libreswan 5.4 refuses the other protocol's list); drop ah= or set phase2=ah"]);
    assert.deepEqual(message('5.4', 'authby=secret|ah=sha1|phase2alg=sha1'), ["conn a: Libreswan's pluto refuses to add it: phase2alg= beside ah= (both give the AH list); keep only ah="]);
    assert.deepEqual(message('5.3', 'authby=secret|phase2=esp|esp=aes-sha1|phase2alg=aes-sha1'), ["conn a: Libreswan's pluto refuses to add it: phase2alg= beside esp= (both give the ESP list); keep only esp="]);
    assert.deepEqual(message('5.3', 'authby=secret|esp=aes-sha1|phase2alg=aes-sha1'), []);
    assert.match(message('4.10', 'authby=secret|ah=sha1')[0], /ah=sha1 puts the integrity algorithm sha1 where ESP's cipher goes \(before 5.3 ah= is another name for esp=/);
    assert.match(message('5.2', 'authby=secret|rightaddresspool=10.9.0.1-10.9.0.9|narrowing=no')[0], /narrowing=no with rightaddresspool= \(the address it leases narrows the selectors\); drop narrowing=no/);
  });

  it('says nothing for other daemons or an unknown one, nor for conns that are not loaded', () => {
    assert.deepEqual(refused('# ipsec-dialect: strongswan\n', 'leftauth=eap'), []);
    assert.deepEqual(refused('', 'leftauth=eap'), []);
    const ignored = `# ipsec-dialect: libreswan-4\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=never\n\tauto=ignore\n`;
    assert.deepEqual(summarize(workspaceFindings({ [CONF]: ignored }, [CONF]), CODE), []);
  });
});
