import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { racoonRules } from '../../../server/src/checks/racoon';
import { racoonAggressiveDhGroup } from '../../../server/src/checks/racoon/aggressiveDhGroup';
import type { Finding } from '../../../server/src/checks/finding';
import { isIpv6, isLooseIpv4, isStrictIpv4, numericAddressProblem } from '../../../server/src/knowledge/racoon/numericAddress';
import { lint } from '../../helpers';

// Every file below was run through `racoon -t -f FILE` of ipsec-tools (the racoon-ipsec-tools fork,
// built with its default options, on Linux with glibc); the comment on each test gives what it said.

const PROPOSAL = 'proposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method pre_shared_key; dh_group 2; }';
const PHASE2 = '{ encryption_algorithm aes; authentication_algorithm hmac_sha1; compression_algorithm deflate; }';

/** Every finding of every racoon rule on the text, as `line code covered-text severity`. */
function found(text: string): string[] {
  const lines = text.split('\n');
  return lint('racoon', text, racoonRules).map((f: Finding) => {
    const { start, end } = f.range;
    const covered = start.line === end.line ? lines[start.line].slice(start.character, end.character) : '(multi-line)';
    return `${start.line} ${f.code} ${covered} ${f.severity}`;
  });
}

function remote(body: string, header = 'anonymous'): string {
  return `remote ${header} {\n\texchange_mode main;\n${body}\n\t${PROPOSAL}\n}\n`;
}

function sainfo(header: string, body = ''): string {
  return `sainfo ${header} {\n\tencryption_algorithm aes;\n\tauthentication_algorithm hmac_sha1;\n\tcompression_algorithm deflate;\n${body}}\n`;
}

function proposalWith(statement: string): string {
  return `remote anonymous {\n\texchange_mode main;\n\tproposal { ${statement} hash_algorithm sha1; authentication_method pre_shared_key; dh_group 2; }\n}\n`;
}

describe('racoon.conf refusals found with racoon itself', () => {
  // racoon -t: "algorithm mismatched 1" (proposal) and "algorithm mismatched" (sainfo): IDEA and RC5
  // are in its tables only when configured with --enable-idea / --enable-rc5, off by default.
  it('idea, rc5 and 3idea are refused in a default build, with or without a key length', () => {
    assert.deepEqual(found(proposalWith('encryption_algorithm idea;')), ['2 racoon-bad-value idea error']);
    assert.deepEqual(found(proposalWith('encryption_algorithm rc5 128;')), ['2 racoon-bad-value rc5 error']);
    assert.deepEqual(found(sainfo('anonymous', '\tencryption_algorithm aes, idea;\n')), ['4 racoon-bad-value idea error']);
    assert.deepEqual(found(sainfo('anonymous', '\tencryption_algorithm 3idea, aes;\n')), ['4 racoon-bad-value 3idea error']);
    assert.deepEqual(found(sainfo('anonymous', '\tencryption_algorithm rc5;\n')), ['4 racoon-bad-value rc5 error']);
    const [finding] = lint('racoon', proposalWith('encryption_algorithm idea;'), racoonRules);
    assert.match(finding.message, /--enable-idea/);
  });

  // racoon -t: all accepted.
  it('the ciphers a default build has stay quiet', () => {
    for (const cipher of ['des', '3des', 'blowfish 448', 'cast128', 'aes 256', 'rijndael', 'camellia 128']) {
      assert.deepEqual(found(proposalWith(`encryption_algorithm ${cipher};`)), [], cipher);
    }
    assert.deepEqual(found(sainfo('anonymous', '\tencryption_algorithm des_iv64, des_iv32, twofish, null_enc, camellia, cast128, blowfish;\n')), []);
  });

  // racoon -t: 'getaddrinfo(…): Name or service not known' for each, and '"10" syntax error' for the bare number.
  it('an address getaddrinfo cannot read, in a sainfo id, a remote, remote_address and listen', () => {
    const ids = ['10.0.0.300', '1.2.3.4.5', '09.0.0.1', '10.0.0.1.', '10..0.1', 'abc', '2001:db8:::1', '1:2:3:4:5:6:7:8:9', '12345::1', '::ffff:10.0.0.300', '::ffff:010.0.0.1', '::10.0.1', '10'];
    for (const id of ids) {
      assert.deepEqual(found(sainfo(`address ${id} any anonymous`)), [`0 racoon-bad-value ${id} error`], id);
    }
    assert.deepEqual(found(sainfo('address 10.0.0.1 any address 10.0.0.999 any')), ['0 racoon-bad-value 10.0.0.999 error']);
    assert.deepEqual(found(sainfo('address 10.0.0.1-10.0.0.300 any anonymous')), ['0 racoon-bad-value 10.0.0.1-10.0.0.300 error']);
    assert.deepEqual(found(sainfo('subnet 10.0.0.256/24 any anonymous')), ['0 racoon-bad-value 10.0.0.256/24 error']);
    assert.deepEqual(found(remote('', '10.0.0.300 [500]')), ['0 racoon-bad-value 10.0.0.300 error']);
    assert.deepEqual(found(remote('\tremote_address 10.0.0.300;', '"peer"')), ['2 racoon-bad-value 10.0.0.300 error']);
    assert.deepEqual(found('listen {\n\tisakmp 10.0.0.300 [500];\n\tisakmp_natt 1.2.3.4.5 [4500];\n\tisakmp 10 [500];\n}\n'), [
      '1 racoon-bad-value 10.0.0.300 error',
      '2 racoon-bad-value 1.2.3.4.5 error',
      '3 racoon-bad-value 10 error',
    ]);
    const [finding] = lint('racoon', remote('', '10.0.0.300'), racoonRules);
    assert.match(finding.message, /300 is over 255/);
  });

  // racoon -t: all accepted (inet_aton's short and octal forms, an IPv4 tail, a zone it cannot
  // check from the file, the one-part end of a range, a prefix longer than the address).
  it('what getaddrinfo reads stays quiet', () => {
    const ids = ['10.0.0', '10.0.300', '010.0.0.1', '::ffff:10.0.0.1', 'fe80::1%lo', 'fe80::1%nosuch', '10.0.0.1-20', '10.0.0.1/33', '2001:db8::/129', '2001:db8::1-2001:db8::9'];
    for (const id of ids) assert.deepEqual(found(sainfo(`address ${id} any anonymous`)), [], id);
    assert.deepEqual(found(remote('', '10.0.0')), []);
    assert.deepEqual(found('listen {\n\tisakmp ::1 [500];\n\tisakmp 0.0.0.0 [500];\n\tisakmp 1:2:3:4:5:6:7:: [500];\n\tisakmp ::1.2.3.4 [500];\n\tisakmp 0377.0.0.1 [500];\n\tisakmp 10.16777215 [500];\n}\n'), []);
  });

  // racoon -t: 'getaddrinfo(…): Name or service not known' for the first four; accepted after.
  it('racoon-empty-identifier: a sainfo `from` id without a value crashes racoon (segmentation fault)', () => {
    for (const type of ['asn1dn', 'address', 'keyid']) assert.deepEqual(found(sainfo(`anonymous from ${type}`)), [`0 racoon-empty-identifier ${type} error`]);
    // "No fqdn": refused rather than a crash, with its own message.
    assert.match(lint('racoon', sainfo('anonymous from fqdn'), racoonRules)[0].message, /needs the name itself/);
    // my_identifier asn1dn without a value takes the certificate's subject: fine.
    assert.deepEqual(found(remote('\tmy_identifier asn1dn;')).filter((f) => f.includes('empty-identifier')), []);
  });

  it('racoon-empty-identifier: an address identifier that is a host name or no valid address', () => {
    assert.deepEqual(found(remote('\tmy_identifier address "gw.example.com";')), ['2 racoon-empty-identifier "gw.example.com" error']);
    assert.deepEqual(found(remote('\tpeers_identifier address "10.0.0.300";')), ['2 racoon-empty-identifier "10.0.0.300" error']);
    assert.deepEqual(found(remote('\tmy_identifier address abc;')), ['2 racoon-empty-identifier abc error']);
    assert.deepEqual(found(sainfo('anonymous from address 10.0.0.300')), ['0 racoon-empty-identifier 10.0.0.300 error']);
    for (const value of ['"10.0.0"', '"2001:db8::1"', '"fe80::1%lo"', '10.0.0.1']) {
      assert.deepEqual(found(remote(`\tmy_identifier address ${value};`)), [], value);
    }
    assert.deepEqual(found(sainfo('anonymous from address "2001:db8::1"')), []);
  });

  // racoon -t: '"10" syntax error': all digits make a number token, which no identifier takes.
  it('a bare number is no address, not even as an identifier', () => {
    assert.deepEqual(found(remote('\tmy_identifier address 10;')), ['2 racoon-bad-value 10 error']);
  });
});

describe('racoon.conf mode_cfg and listen values found with racoon itself', () => {
  // racoon -t: 'bad IPv4 network address.', '… netmask address.', '… DNS address.', '… SPLIT address.'
  it('mode_cfg addresses go through inet_pton: four plain decimal parts, IPv4 only', () => {
    const text = 'mode_cfg {\n\tnetwork4 10.0.0;\n\tnetwork4 010.0.0.1;\n\tnetmask4 255.255.255.256;\n\tnetmask4 ::1;\n\tdns4 10.0.0.01;\n\tsplit_network include 10.0.0/24;\n\tsplit_network include 10.0.0.300/24;\n}\n';
    assert.deepEqual(found(text), [
      '1 racoon-bad-value 10.0.0 error',
      '2 racoon-bad-value 010.0.0.1 error',
      '3 racoon-bad-value 255.255.255.256 error',
      '4 racoon-bad-value ::1 error',
      '5 racoon-bad-value 10.0.0.01 error',
      '6 racoon-bad-value 10.0.0/24 error',
      '7 racoon-bad-value 10.0.0.300/24 error',
    ]);
    // racoon -t: accepted.
    assert.deepEqual(found('mode_cfg {\n\tnetwork4 0.0.0.0;\n\tnetmask4 255.255.255.0;\n\tdns4 10.0.0.1, 10.0.0.2, 10.0.0.3;\n\twins4 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4;\n\tsplit_network local_lan 10.0.0.0/24, 10.1.0.0/33;\n}\n'), []);
  });

  // racoon -t (the fork): 'No more than 3 DNS' at the 4th, 'No more than 4 WINS' at the 5th, counted
  // over all lines and blocks. ipsec-tools 0.8.2 tests one entry too late (writing the extra one past
  // its table), hence a warning for one too many and an error beyond.
  it('more DNS or WINS servers than racoon has room for', () => {
    assert.deepEqual(found('mode_cfg {\n\tdns4 10.0.0.1, 10.0.0.2;\n}\nmode_cfg {\n\tdns4 10.0.0.3, 10.0.0.4;\n}\n'), ['4 racoon-bad-value 10.0.0.4 warning']);
    assert.deepEqual(found('mode_cfg {\n\tdns4 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5;\n}\n'), ['1 racoon-bad-value 10.0.0.4 error']);
    assert.deepEqual(found('mode_cfg {\n\tnbns4 10.0.0.1, 10.0.0.2, 10.0.0.3;\n\twins4 10.0.0.4, 10.0.0.5;\n}\n'), ['2 racoon-bad-value 10.0.0.5 warning']);
    assert.deepEqual(found('mode_cfg {\n\twins4 10.0.0.1, 10.0.0.2, 10.0.0.3, 10.0.0.4, 10.0.0.5, 10.0.0.6;\n}\n'), ['1 racoon-bad-value 10.0.0.5 error']);
  });

  // racoon -t: 'Mode 0… is invalid' for 0999, 0778, 0780 and 1000; accepted for 0777, 660 and 0.
  it('an admin socket mode with a digit over 7 or over 777', () => {
    const socket = (mode: string): string => `listen {\n\tadminsock "/var/racoon/racoon.sock" "root" "root" ${mode};\n}\n`;
    for (const mode of ['0999', '0778', '0780', '1000']) assert.deepEqual(found(socket(mode)), [`1 racoon-bad-value ${mode} error`], mode);
    for (const mode of ['0777', '660', '0']) assert.deepEqual(found(socket(mode)), [], mode);
  });

  // racoon -t (the fork): 'admin socket path "…" is not allowed' for the first three; accepted after.
  // ipsec-tools 0.8.2 takes any path, hence a warning.
  it('an admin socket path the fork refuses is a warning', () => {
    const socket = (path: string): string => `listen {\n\tadminsock "${path}";\n}\n`;
    for (const path of ['/tmp/x', '/var/racoon/../racoon.sock', '/var/run/.sock']) {
      assert.deepEqual(found(socket(path)), [`1 racoon-bad-value "${path}" warning`], path);
    }
    for (const path of ['/var/run/racoon.socket', '/var/run/x.sock', 'racoon.sock']) assert.deepEqual(found(socket(path)), [], path);
  });
});

describe('racoon-aggressive-dh-group', () => {
  const proposal = (group: string): string => `\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method pre_shared_key; dh_group ${group}; }`;
  const aggressive = (modes: string, ...groups: string[]): string => `remote 10.0.0.7 {\n${modes}\n${groups.map(proposal).join('\n')}\n}\n`;
  const only = (text: string): string[] => lint('racoon', text, [racoonAggressiveDhGroup]).map((f) => `${f.range.start.line} ${f.severity} ${f.related?.[0].range.start.line}`);

  // racoon -t: '"}" DH group must be equal in all proposals when aggressive mode is used.'
  it('fires when an aggressive-mode remote has proposals of different groups', () => {
    assert.deepEqual(only(aggressive('\texchange_mode aggressive;', '2', '14')), ['3 error 2']);
    assert.deepEqual(only(aggressive('\texchange_mode main, aggressive;', 'modp1024', 'modp1024', '1')), ['4 error 2']);
    assert.deepEqual(only(aggressive('\texchange_mode base;\n\texchange_mode aggressive;', '2', '14')), ['4 error 3']);
  });

  // racoon -t: all accepted.
  it('stays quiet for main mode, one group under two names and the last dh_group of a proposal', () => {
    assert.deepEqual(only(aggressive('\texchange_mode main;', '2', '14')), []);
    assert.deepEqual(only(aggressive('\texchange_mode aggressive;', '2', 'modp1024')), []);
    assert.deepEqual(only(aggressive('\texchange_mode aggressive;', '14; dh_group 2', '2')), []);
  });

  // An inheriting remote keeps its parent's proposals and adds its own; its exchange_mode replaces the parent's.
  const named = (name: string, parent: string | undefined, modes: string, ...groups: string[]): string =>
    `remote "${name}"${parent ? ` inherit "${parent}"` : ''} {\n${parent ? '\t# inherits remote_address' : '\tremote_address 10.0.0.1;'}\n${modes}\n${groups.map(proposal).join('\n')}\n}\n`;

  // racoon -t on each: refused ('DH group must be equal …') where a finding is expected, accepted elsewhere.
  it('follows inherit: the parent\'s proposals count, and its exchange_mode unless the child writes one', () => {
    // Parent main 2, child aggressive 14: refused, on the child's proposal, related to the parent's.
    assert.deepEqual(only(named('a', undefined, '\texchange_mode main;', '2') + named('b', 'a', '\texchange_mode aggressive;', '14')), ['8 error 3']);
    // Parent main 2 and 14, child aggressive without proposals: refused, on the child's exchange_mode.
    assert.deepEqual(only(named('a', undefined, '\texchange_mode main;', '2', '14') + named('b', 'a', '\texchange_mode aggressive;')), ['8 error 3']);
    // Parent aggressive 2, child 14 without exchange_mode: refused.
    assert.deepEqual(only(named('a', undefined, '\texchange_mode aggressive;', '2') + named('b', 'a', '', '14')), ['8 error 3']);
    // By address: remote 10.0.0.2 inherit 10.0.0.1.
    const byAddress = `remote 10.0.0.1 {\n\texchange_mode aggressive;\n${proposal('2')}\n}\nremote 10.0.0.2 inherit 10.0.0.1 {\n${proposal('14')}\n}\n`;
    assert.deepEqual(only(byAddress), ['5 error 2']);
    // Accepted: the same group, or the child's main mode replacing the parent's aggressive one.
    assert.deepEqual(only(named('a', undefined, '\texchange_mode main;', '2') + named('b', 'a', '\texchange_mode aggressive;', 'modp1024')), []);
    assert.deepEqual(only(named('a', undefined, '\texchange_mode aggressive;', '2') + named('b', 'a', '\texchange_mode main;', '14')), []);
  });

  it('reports a refused parent once, not again on the remotes inheriting from it', () => {
    assert.deepEqual(only(named('a', undefined, '\texchange_mode aggressive;', '2', '14') + named('b', 'a', '', '2')), ['4 error 3']);
  });
});

describe('numeric addresses as racoon reads them', () => {
  it('inet_aton, inet_pton(AF_INET) and inet_pton(AF_INET6) as glibc has them', () => {
    assert.deepEqual(['10.0.0', '10', '0x0a.0.0.1', '010.0.0.1', '10.16777215', '10.0.65535'].map(isLooseIpv4), [true, true, true, true, true, true]);
    assert.deepEqual(['10.0.0.256', '08.0.0.1', '10.16777216', '1.2.3.4.5', '', '10.'].map(isLooseIpv4), [false, false, false, false, false, false]);
    assert.deepEqual(['0.0.0.0', '255.255.255.255'].map(isStrictIpv4), [true, true]);
    assert.deepEqual(['10.0.0', '01.0.0.0', '256.0.0.0', '10.0.0.1.'].map(isStrictIpv4), [false, false, false, false]);
    assert.deepEqual(['::', '::1', '1::', '1:2:3:4:5:6:7::', '::1:2:3:4:5:6:7', '1:2:3:4:5:6:1.2.3.4', '::ffff:1.2.3.4'].map(isIpv6), [true, true, true, true, true, true, true]);
    assert.deepEqual([':', ':::', '1:', ':1', '1::2::3', '1:2:3:4:5:6:7:8::', '1:2:3:4:5:6:7:1.2.3.4', '12345::', '::1.2.3'].map(isIpv6), [false, false, false, false, false, false, false, false, false]);
    assert.equal(numericAddressProblem('fe80::1%eth0', 'getaddrinfo'), undefined, 'a zone depends on the machine');
    assert.match(numericAddressProblem('10.0.0', 'inet_pton4') ?? '', /four decimal numbers/);
  });
});
