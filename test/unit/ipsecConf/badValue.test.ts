import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badValue } from '../../../server/src/checks/ipsecConf/badValue';
import type { Finding } from '../../../server/src/checks/finding';
import { lint } from '../../helpers';

const LIBRESWAN_4 = '# ipsec-dialect: libreswan-4\n';
const LIBRESWAN_5 = '# ipsec-dialect: libreswan-5\n';
const LIBRESWAN = '# ipsec-dialect: libreswan\n';
const STRONGSWAN = '# ipsec-dialect: strongswan\n';
const OPENSWAN = '# ipsec-dialect: openswan\n';

function findings(header: string, lines: string, section = 'conn a'): Finding[] {
  return lint('ipsec', `${header}${section}\n${lines.split('\n').map((l) => `\t${l}`).join('\n')}\n`, [badValue]);
}

/** `severity: message` of each finding. */
function check(header: string, lines: string, section?: string): string[] {
  return findings(header, lines, section).map((f) => `${f.severity}: ${f.message}`);
}

function fixOf(header: string, line: string): string | undefined {
  return findings(header, line)[0]?.fixes?.[0]?.edits[0]?.newText;
}

function assertOneError(header: string, line: string, pattern: RegExp, section?: string): void {
  const result = check(header, line, section);
  assert.equal(result.length, 1, `${line}: ${JSON.stringify(result)}`);
  assert.match(result[0], /^error: /);
  assert.match(result[0], pattern);
}

function assertClean(header: string, lines: string, section?: string): void {
  assert.deepEqual(check(header, lines, section), [], lines);
}

describe('bad-value: Libreswan 4 enumerations that take no yes/no spellings', () => {
  // addconn 4.10 --checkconfig: "keyword esn, invalid value: off"; every 4.x release has the same lists (keywords.c).
  it('refuses on/off/true/false where the Libreswan 4 list has only its own words', () => {
    for (const line of ['esn=off', 'ppk=true', 'fragmentation=on', 'send-redirect=n', 'encapsulation=off', 'enable-tcp=false', 'failureshunt=pass', 'negotiationshunt=pass', 'remote-peer-type=ietf']) {
      assertOneError(LIBRESWAN_4, line, /is not one of/);
    }
    assertClean(LIBRESWAN_4, 'esn=either\nppk=permit\nfragmentation=force\nsend-redirect=auto\nencapsulation=auto\nenable-tcp=fallback\nfailureshunt=hold\nnegotiationshunt=hold\nremote-peer-type=cisco');
  });

  it('leaves Libreswan 5, which reads the yes/no spellings, and an unknown release alone', () => {
    assertClean(LIBRESWAN_5, 'esn=off\nppk=true\nfragmentation=on\nsend-redirect=n\nencapsulation=off\nenable-tcp=false');
    assertClean(LIBRESWAN, 'esn=off\nfailureshunt=pass');
  });
});

describe('bad-value: yes/no', () => {
  it('takes each dialect’s spellings', () => {
    assertClean(LIBRESWAN_4, 'pfs=yes\nrekey=no\ncompress=off\nmobike=y');
    assertClean(LIBRESWAN_5, 'pfs=1\nrekey=False\ncompress=On');
    assertClean(STRONGSWAN, 'rekey=no\ncompress=yes\nmobike=no');
  });

  it('a word that is no boolean is an error in every dialect, with a fix to the close one', () => {
    assertOneError('', 'pfs=maybe', /pfs: "maybe" is not a yes\/no value/);
    assertOneError('', 'rekey=yse', /"yse"/);
    assert.equal(fixOf('', 'rekey=yse'), 'yes');
  });

  it('strongSwan only takes yes and no, in lower case; Libreswan 4 matches case too, 5 does not', () => {
    assertOneError(STRONGSWAN, 'mobike=on', /"on" is not a yes\/no value \(write yes, no\)/);
    assertOneError(STRONGSWAN, 'rekey=Yes', /must be written in lower case/);
    assert.equal(fixOf(STRONGSWAN, 'rekey=Yes'), 'yes');
    assertOneError(LIBRESWAN_4, 'pfs=YES', /lower case/);
    assertOneError(LIBRESWAN_4, 'pfs=1', /"1" is not a yes\/no value/);
    assertClean(LIBRESWAN_5, 'pfs=YES');
  });

  it('a quoted boolean is read without its quotes', () => {
    assertClean(LIBRESWAN_4, 'pfs="yes"');
  });
});

describe('bad-value: enums', () => {
  it('an unknown word gets a did-you-mean fix to the closest allowed value', () => {
    assertOneError('', 'auto=strat', /auto: "strat" is not one of/);
    assert.equal(fixOf('', 'auto=strat'), 'start');
    assert.equal(fixOf('', 'auto="strat"'), '"start"');
    assertOneError(LIBRESWAN, 'type=tunel', /"tunel"/);
    assert.equal(fixOf(LIBRESWAN, 'type=tunel'), 'tunnel');
  });

  it('per-dialect words: keyexchange=ikev2 is Libreswan 5 and strongSwan, not Libreswan 4', () => {
    assertOneError(LIBRESWAN_4, 'keyexchange=ikev2', /"ikev2" is not one of ike/);
    assertClean(LIBRESWAN_5, 'keyexchange=ikev2');
    assertClean(STRONGSWAN, 'keyexchange=ikev2');
    assertClean(LIBRESWAN, 'keyexchange=ikev2');
  });

  it('strongSwan compares enum words exactly; Libreswan ignores case', () => {
    assertOneError(STRONGSWAN, 'auto=Add', /"Add"/);
    assertClean(LIBRESWAN_5, 'auto=Add');
  });

  it('one value only', () => {
    assertOneError(LIBRESWAN_4, 'type=tunnel,transport', /takes one value/);
    assertOneError(STRONGSWAN, 'authby=psk,pubkey', /"psk,pubkey"/);
  });

  it('Libreswan 4 and Openswan read a bare number for any keyword', () => {
    assertClean(LIBRESWAN_4, 'auto=1');
    assertClean(OPENSWAN, 'auto=1');
    assertOneError(LIBRESWAN_5, 'auto=1', /"1" is not one of/);
  });

  it('authby lists: Libreswan takes several, strongSwan one', () => {
    assertClean(LIBRESWAN_5, 'authby=rsasig,null');
    assertOneError(LIBRESWAN_5, 'authby=rsasig,nul', /"nul" is not one of/);
    assert.equal(fixOf(LIBRESWAN_5, 'authby=rsasig,nul'), 'rsasig,null');
  });

  it('values that came with a release: nic-offload=packet (5.0), sendcert=yes (5.3)', () => {
    assertOneError(LIBRESWAN_4, 'nic-offload=packet', /"packet" is not one of no, yes, auto/);
    assertClean(LIBRESWAN_5, 'nic-offload=packet\nleftsendcert=yes');
    assertOneError(LIBRESWAN_4, 'leftsendcert=yes', /"yes" is not one of always, sendifasked, never, alwayssend/);
    assertClean(LIBRESWAN, 'leftsendcert=yes');
  });

  it('Libreswan 4 accept-redirect also takes auto', () => {
    assertClean(LIBRESWAN_4, 'accept-redirect=auto');
    assertOneError(LIBRESWAN_5, 'accept-redirect=auto', /"auto" is not a yes\/no value/);
  });
});

describe('bad-value: numbers, durations, percentages', () => {
  it('numbers and ranges', () => {
    assertClean(LIBRESWAN_5, 'reqid=100\nleftikeport=4500\ntcp-remoteport=4500');
    assertOneError(LIBRESWAN_5, 'reqid=ten', /"ten" is not a whole number/);
    assertOneError(LIBRESWAN_5, 'leftikeport=70000', /70000 is above the largest allowed value, 65535/);
    assertOneError(LIBRESWAN_5, 'nflog-group=0', /below the smallest allowed value, 1/);
  });

  it('special words: keyingtries=%forever, strongSwan tfc=%mtu', () => {
    assertClean(STRONGSWAN, 'keyingtries=%forever\ntfc=%mtu');
    assertOneError(STRONGSWAN, 'keyingtries=forever', /or %forever/);
  });

  it('durations in the forms each daemon reads', () => {
    assertClean('', 'ikelifetime=3600\nrekeymargin=3m\ndpddelay=30s\nikelifetime=8h\nsalifetime=1d');
    assertOneError('', 'ikelifetime=1x', /"x" is not a time unit/);
    assertOneError('', 'ikelifetime=soon', /"soon" is not a duration/);
    assertClean(LIBRESWAN_5, 'ikelifetime=1.5h\nretransmit-interval=500ms\ndpddelay=2 minutes');
    // Libreswan 4's parser.y only notes the value and loads the file (found by test/oracle).
    assert.deepEqual(check(LIBRESWAN_4, 'ikelifetime=1.5h').map((r) => r.split(':')[0]), ['warning']);
    assertOneError(STRONGSWAN, 'ikelifetime=1.5h', /not a duration/);
    assertOneError(STRONGSWAN, 'ikelifetime=1w', /"w" is not a time unit/);
    assertClean(OPENSWAN, 'ikelifetime=1w');
  });

  it('a duration with a misspelt unit gets a fix', () => {
    assert.equal(fixOf(LIBRESWAN_5, 'ikelifetime=8hours'), undefined);
    assert.equal(fixOf(LIBRESWAN_5, 'ikelifetime=8hr'), '8h');
  });

  it('a percentage needs its % sign', () => {
    assertClean('', 'rekeyfuzz=100%');
    assertOneError('', 'rekeyfuzz=100', /"100" needs a % sign/);
    assert.equal(fixOf('', 'rekeyfuzz=100'), '100%');
    assertOneError('', 'rekeyfuzz=10foo', /not a percentage/);
  });
});

describe('bad-value: addresses and subnets', () => {
  it('an IPv4 part above 255 or a prefix longer than the address is an error', () => {
    assertOneError('', 'left=192.0.2.300', /300 in "192.0.2.300" is larger than 255/);
    assertOneError('', 'leftsubnet=10.0.0.0/33', /\/33 is longer than an IPv4 address/);
    assertOneError('', 'leftsubnet=2001:db8::/129', /at most \/128/);
    assertOneError('', 'rightsubnet=10.1.0.0/16,10.2.0.300/24', /larger than 255/);
    // Undecided: Openswan and Libreswan refuse it, strongSwan's charon only skips the entry, and the message says both.
    assertOneError('', 'leftsubnet=10.0.0.0/33', /\(Openswan, Libreswan, strongSwan\); for strongSwan, charon loads the conn all the same: it skips an entry it cannot read/);
    assertOneError(LIBRESWAN, 'leftsourceip=10.0.0.300', /larger than 255/);
  });

  it('malformed IPv6', () => {
    assertOneError('', 'right=2001:db8::1::2', /"::" more than once/);
    assertOneError('', 'right=2001:db8:1:2:3:4:5', /eight groups/);
    assertOneError('', 'right=2001:db8:12345::1', /at most four hex digits/);
  });

  it('special values, names and selectors are left alone', () => {
    assertClean(
      '',
      [
        'left=%defaultroute',
        'right=%any',
        'right=%any6',
        'left=%opportunistic',
        'right=%group',
        'leftid=%fromcert',
        'leftrsasigkey=%cert',
        'rightrsasigkey=%dnsondemand',
        'right=vpn-gw.example.com',
        'right=%opportunisticgroup',
        'leftsubnet=0.0.0.0/0',
        'rightsubnet=::/0',
        'leftsubnet=192.0.2.0/255.255.255.0',
        'left=fe80::1%eth0',
        'leftaddresspool=100.64.0.1-100.64.0.10',
      ].join('\n'),
    );
    assertClean(STRONGSWAN, 'left=192.0.2.1,198.51.100.0/24\nleftsubnet=10.0.0.0/8[tcp/http],10.1.0.1-10.1.0.9\nleftsourceip=%poolname');
    assertClean(LIBRESWAN, 'leftsubnets={10.0.1.0/24 10.0.2.0/24}');
    assertClean(LIBRESWAN, 'leftnexthop=%direct');
    assertClean(STRONGSWAN, 'leftsourceip=%config');
    assertClean(LIBRESWAN, 'virtual-private=%v4:10.0.0.0/8,%v4:!10.1.0.0/16,%v6:fd00::/8', 'config setup');
  });

  it('Libreswan 4 and Openswan need a /prefix on every subnet; Libreswan 5 and strongSwan read a bare address as one host', () => {
    assertOneError(LIBRESWAN_4, 'leftsubnet=192.1.2.45', /"192.1.2.45" has no \/prefix.*192\.1\.2\.45\/32/);
    assertOneError(OPENSWAN, 'rightsubnet=2001:db8::1', /2001:db8::1\/128/);
    assertClean(LIBRESWAN_5, 'leftsubnet=192.1.2.45');
    assertClean(STRONGSWAN, 'leftsubnet=192.1.2.45');
    assertClean(LIBRESWAN, 'leftsubnet=192.1.2.45');
  });

  it('a range with a bad end', () => {
    assertOneError(LIBRESWAN, 'leftaddresspool=10.0.0.1-10.0.0.300', /larger than 255/);
  });
});

describe('bad-value: IDs and protoport', () => {
  it('@#… key IDs must be hex for Libreswan and Openswan', () => {
    assertOneError(LIBRESWAN, 'leftid=@#xyz', /key ID/);
    assertClean(LIBRESWAN, 'leftid=@#0a1b2c\nrightid=@east.example.com\nleftid="C=CH, O=Example, CN=west"\nrightid=%fromcert\nleftid=%any\nrightid=user@example.com');
  });

  it('strongSwan takes an unparsable ID as a host name, so mixed dialects only get a notice', () => {
    assertClean(STRONGSWAN, 'leftid=192.0.2.300');
    assertOneError(LIBRESWAN, 'leftid=192.0.2.300', /an ID without @ is read as an address/);
    const [finding] = check('', 'leftid=192.0.2.300');
    assert.match(finding, /^info: leftid: .*would reject this value.*strongSwan accepts it/);
  });

  it('protocol and port numbers', () => {
    assertClean('', 'leftprotoport=17/1701\nrightprotoport=17/%any\nleftprotoport=tcp/22\nrightprotoport=udp');
    assertOneError('', 'leftprotoport=17/99999', /port 99999 is above 65535/);
    assertOneError('', 'leftprotoport=300/22', /protocol number 300 is above 255/);
    assertClean(STRONGSWAN, 'leftprotoport=tcp/8000-8080\nrightprotoport=%any/%opaque');
  });
});

describe('bad-value: proposals per dialect', () => {
  it('each dialect’s own syntax is clean', () => {
    assertClean(LIBRESWAN, 'ike=aes256-sha2_256;modp2048\nesp=aes_gcm_c-256-null,aes128-sha1;modp1536\nike=aes+3des-sha1+md5-modp2048+dh19');
    assertClean(STRONGSWAN, 'ike=aes256-sha256-modp2048!\nesp=aes128gcm16-ecp256,aes256-sha1\nesp=3des-md5');
    assertClean(OPENSWAN, 'ike=3des-md5-modp1024\nesp=aes128-sha1;modp1024\nike=aes128-sha2_256;modp4096!');
    assertClean('', 'esp=3des-md5');
  });

  it('an algorithm no daemon knows is an error with did-you-mean', () => {
    assertOneError('', 'ike=aes265-sha1', /"aes265" is not an algorithm/);
    assertOneError(LIBRESWAN, 'ike=aes256-sah1', /"sah1" is not an algorithm this daemon knows: did you mean "sha1"\?/);
    assert.equal(fixOf(LIBRESWAN, 'ike=aes256-sah1'), 'aes256-sha1');
  });

  it("leftsourceip= written the strongSwan way: Libreswan 4's addconn refuses the conn", () => {
    // addconn 4.10: "bad value for leftsourceip=%config", "bad value for rightsourceip=10.0.0.0/24".
    assertOneError(LIBRESWAN_4, 'leftsourceip=%config', /"%config" asks for an address the strongSwan way.*leftmodecfgclient=yes.*Libreswan 4 refuses the conn/);
    assertOneError(LIBRESWAN_4, 'rightsourceip=10.0.0.0/24', /strongSwan pool.*rightaddresspool=/);
    assertClean(LIBRESWAN_4, 'leftsourceip=192.0.2.7\nrightsourceip=vpn.example.net');
    assertClean(STRONGSWAN, 'leftsourceip=%config\nrightsourceip=10.3.0.0/24');
  });

  it('syntax of one daemon is an error in another', () => {
    assertOneError(LIBRESWAN, 'ike=aes256-sha256-modp2048!', /trailing "!"/);
    // Libreswan 5.4 reads a leading "!" as a test setup's flag and takes the proposal unchecked (proposals.c, "allowing invalid proposal").
    assertClean('# ipsec-dialect: libreswan-5.4\n', 'ike=!aes--sha1-,aes256-sha2');
    assertClean(LIBRESWAN_5, 'esp=!aes-nosuch');
    assertOneError('# ipsec-dialect: libreswan-5.3\n', 'ike=!aes-sha1', /"!aes"/);
    assertOneError('# ipsec-dialect: libreswan-5.4\n', 'ike=!aes-sha1,aes-nosuch', /"nosuch"/);
    assertOneError(LIBRESWAN, 'esp=aes128gcm16', /"aes128gcm16"/);
    assertOneError(STRONGSWAN, 'ike=aes256-sha2_256;modp2048', /";" is Libreswan syntax/);
    assert.equal(fixOf(STRONGSWAN, 'ike=aes256-sha2_256;modp2048'), 'aes256-sha2_256-modp2048');
    assertOneError(STRONGSWAN, 'ike=AES256-SHA256', /lower case/);
  });

  it('Libreswan: key lengths as words, no blanks, no empty parts', () => {
    assertClean(LIBRESWAN, 'esp=aes-128-sha1');
    assertOneError(LIBRESWAN, 'esp=aes_ccm_a-152-null', /"152" is neither an algorithm nor a key length/);
    assertOneError(LIBRESWAN, 'ike="aes256-sha1, 3des-md5"', /blanks/);
    assert.equal(fixOf(LIBRESWAN, 'ike="aes256-sha1, 3des-md5"'), '"aes256-sha1,3des-md5"');
    assertClean(STRONGSWAN, 'ike="aes256-sha1, 3des-md5"');
    assertOneError(LIBRESWAN, 'ike=aes256-sha1,', /empty proposal/);
    assertOneError(LIBRESWAN, 'ike=aes256--sha1', /empty algorithm/);
  });

  it('when only some plausible daemons reject a proposal it is a notice', () => {
    const [finding] = check('', 'ike=aes256-sha256-modp2048!');
    assert.match(finding, /^info: ike: .*Libreswan would reject this value.*; strongSwan accepts it$/);
  });

  it("gives each daemon's own reason when they refuse a value for different ones", () => {
    // `sha256` is a word Openswan lacks; `;` with nothing after it is an empty DH group to Libreswan; strongSwan has no `;` at all.
    const [finding] = check('', 'ike=aes256-sha256;');
    assert.equal(
      finding,
      'error: ike: "sha256" is not an algorithm this daemon knows: did you mean "sha2_256"? (Openswan); "aes256-sha256;" has an empty algorithm between separators (Libreswan); "sha256;": strongSwan separates every algorithm with "-" (";" is Libreswan syntax) (strongSwan)',
    );
    // One reason shared by every daemon in question is given once, with who refuses it.
    assert.match(check('', 'ike=aes256-shaa1')[0], /^error: ike: [^;]*\(Openswan, Libreswan, strongSwan\)$/);
  });
});

describe('bad-value: what it leaves to other rules', () => {
  it('unknown, removed and ignored keys, and keys in the wrong section, are not judged', () => {
    assertClean(LIBRESWAN_5, 'keyingretries=maybe\nnat_traversal=maybe\ndpdaction=whatever');
    assertClean(LIBRESWAN_5, 'pfs=maybe', 'config setup');
  });

  it('templates and empty values are not judged', () => {
    assertClean(LIBRESWAN, 'leftckaid=@@WEST_CKAID@@\nleft=${WEST_IP}\npfs=');
  });

  it('never lets fix-all swap one algorithm for another of similar spelling', () => {
    const findings = lint('ipsec', `${LIBRESWAN_5}conn a\n\tesp=aes128-sha513\n`, [badValue]);
    assert.equal(findings.length, 1);
    const fix = findings[0].fixes?.[0];
    assert.ok(fix, 'the did-you-mean is still offered');
    assert.notEqual(fix.preferred, true);
  });
});

describe('bad-value: values Libreswan 5.3 and 5.4 load anyway (a sweep of one wrong value per conn key, added to their plutos)', () => {
  const LIBRESWAN_532 = '# ipsec-dialect: libreswan-5.3.2\n';
  const LIBRESWAN_54 = '# ipsec-dialect: libreswan-5.4\n';

  it("is a warning for an old key name 5.3.2's addconn skips as it skips the new one", () => {
    for (const line of ['keylife=5x', 'aggrmode=maybe', 'send-no-esp-tfc=maybe']) {
      assert.deepEqual(findings(LIBRESWAN_532, line).map((f) => f.severity), ['warning'], line);
    }
  });

  it('is a warning where pluto took the value and added the conn, and stays an error where addconn refuses the file', () => {
    for (const [header, line] of [[LIBRESWAN_532, 'mtu=abc'], [LIBRESWAN_54, 'mtu=abc'], [LIBRESWAN_532, 'sendca=bogusword'], [LIBRESWAN_54, 'ipsec-max-bytes=abc'], [LIBRESWAN_54, 'compress=maybe'], [LIBRESWAN_54, 'iptfs-init-delay=5x']]) {
      const found = findings(header, line);
      assert.deepEqual(found.map((f) => f.severity), ['warning'], `${header}${line}`);
      assert.match(found[0].message, /; this Libreswan release hands it to pluto, which adds the conn all the same$/);
    }
    assert.deepEqual(findings(LIBRESWAN_4, 'compress=maybe').map((f) => f.severity), ['error']);
    // 5.4's pluto reads sendca= itself and refused the conn.
    assert.deepEqual(findings(LIBRESWAN_54, 'sendca=bogusword').map((f) => f.severity), ['error']);
  });
});

describe('bad-value: redirect targets', () => {
  it('is a warning on an address that cannot be one: pluto 4.10, 5.2, 5.3.2 and 5.4 added the conn and read it only on a redirect', () => {
    for (const header of [LIBRESWAN_4, '# ipsec-dialect: libreswan-5.2\n', '# ipsec-dialect: libreswan-5.4\n']) {
      const found = findings(header, 'redirect-to=10.3.0.300\naccept-redirect-to=10.3.0.300');
      assert.deepEqual(found.map((f) => f.severity), ['warning', 'warning'], header);
      assert.match(found[0].message, /; pluto adds the conn all the same and reads the address only when it redirects$/);
    }
  });
});

describe('bad-value: strongSwan 6 proposals', () => {
  const STRONGSWAN_6 = '# ipsec-dialect: strongswan-6\n';
  const STRONGSWAN_5 = '# ipsec-dialect: strongswan-5.9.8\n';

  it('reads ML-KEM and additional key exchanges in 6.x and wherever the release is not known', () => {
    for (const header of [STRONGSWAN_6, STRONGSWAN, '# ipsec-dialect: strongswan-6.0.2\n']) {
      assertClean(header, 'ike=aes256-sha256-x25519-ke1_mlkem768-ke2_mlkem1024!\nesp=aes256gcm16-mlkem768');
    }
  });

  it('reads none as an additional key exchange, which makes that exchange optional (key_exchange.c takes any key exchange word after ke1_)', () => {
    assertClean(STRONGSWAN_6, 'ike=aes256-sha256-x25519-ke1_mlkem768-ke2_none!\nesp=aes256gcm16-ke1_modpnone');
  });

  it('refuses them where every release the gateway may run predates 6.0, and says from when they are read', () => {
    assertOneError(STRONGSWAN_5, 'ike=aes256-sha256-x25519-ke1_mlkem768', /"ke1_mlkem768" is read from strongSwan 6\.0\.0 on, not by strongSwan 5\.9\.8/);
    assertOneError('# ipsec-dialect: strongswan-5\n', 'esp=aes256gcm16-mlkem768', /"mlkem768" is read from strongSwan 6\.0\.0 on, not by strongSwan 5$/);
  });

  it('refuses the NTRU and NewHope groups 6.0 dropped only where the gateway runs 6.x', () => {
    assertOneError(STRONGSWAN_6, 'ike=aes256-sha256-ntru128', /"ntru128" is read only before strongSwan 6\.0\.0, not by strongSwan 6/);
    assertClean(STRONGSWAN_5, 'ike=aes256-sha256-ntru128');
    assertClean(STRONGSWAN, 'ike=aes256-sha256-newhope128');
  });

  it('still refuses a misspelt key exchange after the prefix', () => {
    assertOneError(STRONGSWAN_6, 'ike=aes256-sha256-x25519-ke1_mlkem786', /"ke1_mlkem786" is not an algorithm this daemon knows/);
  });
});

describe('bad-value: Libreswan ML-KEM', () => {
  it('is read from 5.4 on; a gateway pinned to an older release gets an error that says so', () => {
    assertClean('# ipsec-dialect: libreswan-5.4\n', 'ike=aes_gcm256-sha2_512+sha2_256-ml_kem_768');
    assertClean(LIBRESWAN_5, 'ike=aes_gcm256-sha2_512+sha2_256-ml_kem_768');
    assertClean(LIBRESWAN, 'ike=aes_gcm256-sha2_512+sha2_256-mlkem768');
    assertOneError('# ipsec-dialect: libreswan-5.2\n', 'ike=aes_gcm256-sha2_512+sha2_256-ml_kem_768', /"ml_kem_768" is read from Libreswan 5\.4 on, not by Libreswan 5\.2/);
    assertOneError(LIBRESWAN_4, 'ike=aes-sha2-mlkem768', /"mlkem768" is read from Libreswan 5\.4 on, not by Libreswan 4$/);
  });
});

describe('bad-value: strongSwan authentication rounds', () => {
  it('takes the methods its stroke plugin reads, as written', () => {
    assertClean(STRONGSWAN, 'leftauth=pubkey\nrightauth=eap-mschapv2\nleftauth2=xauth-pam\nrightauth2=any');
    assertClean(STRONGSWAN, 'leftauth=rsa/pss-sha256\nrightauth=ike:pubkey-sha384\nleftauth2=psk\nrightauth2=ecdsa-384');
    assertClean('# ipsec-dialect: strongswan-5.9.8\n', 'leftauth=bliss');
  });

  it("warns of a method it does not know: it logs it and accepts any method, a peer's included", () => {
    const found = check(STRONGSWAN, 'rightauth=ed25519');
    assert.deepEqual(found, ['warning: rightauth: "ed25519" is no authentication method strongSwan knows (pubkey, rsa, ecdsa, psk, eap-…, xauth-…, any); strongSwan logs it and accepts any authentication method for that round']);
    assert.deepEqual(check('# ipsec-dialect: strongswan-6\n', 'leftauth=bliss').map((f) => f.split(':')[0]), ['warning']);
    assert.equal(fixOf(STRONGSWAN, 'rightauth=EAP-tls'), 'eap-tls');
    assert.equal(fixOf(STRONGSWAN, 'leftauth=PSK'), 'psk');
  });

  it('says nothing for the other daemons, which read these keys themselves', () => {
    assertClean(LIBRESWAN_5, 'leftauth=rsasig\nrightauth=secret');
  });
});

describe('bad-value: values holding a look-alike blank', () => {
  it('leaves them to nonascii-whitespace, since a no-break space or a BOM is no separator to the daemon', () => {
    // Judged with JavaScript's idea of a blank, the subnet would have been called a list, which Openswan refuses.
    assert.deepEqual(check(OPENSWAN, 'rightsubnet=10.0.0.0/24\ufeff'), []);
    assert.deepEqual(check('', 'pfs=yes\u00a0no'), []);
    assert.equal(check(OPENSWAN, 'rightsubnet=10.0.0.0/24,10.1.0.0/24').length, 1, 'a real list still is one');
  });
});

describe('bad-value: a file whose values tell its daemon', () => {
  it("makes no notices about the daemons the file's values rule out, and still reports what that daemon refuses", () => {
    const road = 'left=%any\nleftsubnet=0.0.0.0/0,::/0\nright=%any\nrightsourceip=10.8.0.0/16\nike=aes256-sha256-modp2048!\nesp=aes256-sha256!';
    assertClean('', road);
    // Judged as strongSwan alone: charon skips the entry, so a warning, where three daemons in question made it an error.
    assert.deepEqual(check('', `${road}\nrightsubnet=10.999.0.0/16`).map((f) => f.split(';')[0]), ['warning: rightsubnet: 999 in "10.999.0.0" is larger than 255']);
    // One value alone does not decide: Openswan's conn with Libreswan's sha2 keeps its notice.
    assert.deepEqual(check('', 'esp=aes128-sha2\nleft=192.168.44.102'), ['info: esp: Openswan, strongSwan would reject this value ("sha2" is not an algorithm this daemon knows: did you mean "sha"?); Libreswan accepts it']);
  });
});
