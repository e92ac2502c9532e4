import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { racoonRules } from '../../../server/src/checks/racoon';
import { racoonBadValue } from '../../../server/src/checks/racoon/badValue';
import { racoonBlockMismatch } from '../../../server/src/checks/racoon/blockMismatch';
import { racoonMissingRequired } from '../../../server/src/checks/racoon/missingRequired';
import { racoonMissingSemicolon } from '../../../server/src/checks/racoon/missingSemicolon';
import { racoonNonceSize } from '../../../server/src/checks/racoon/nonceSize';
import { racoonRemoteNames } from '../../../server/src/checks/racoon/remoteNames';
import { racoonUnbalancedBrace } from '../../../server/src/checks/racoon/unbalancedBrace';
import { racoonUnexpectedToken } from '../../../server/src/checks/racoon/unexpectedToken';
import { racoonRepeatedStatement } from '../../../server/src/checks/racoon/repeatedStatement';
import { racoonUnknownStatement } from '../../../server/src/checks/racoon/unknownStatement';
import { racoonUnterminatedString } from '../../../server/src/checks/racoon/unterminatedString';
import type { Finding } from '../../../server/src/checks/finding';
import type { AnyRule } from '../../../server/src/checks/rule';
import { checkDocument } from '../../../server/src/checks/engine';
import { parseDocument } from '../../../server/src/model/parse';
import { codes, lint } from '../../helpers';

const CLEAN = `path certificate "/etc/racoon/certs";
log notify;
listen { isakmp 192.0.2.1 [500]; }
remote anonymous {
\texchange_mode main, aggressive;
\tmy_identifier fqdn "gw.example.org";
\tlifetime time 8 hour;
\tnonce_size 16;
\tproposal {
\t\tencryption_algorithm aes 256;
\t\thash_algorithm sha256;
\t\tauthentication_method pre_shared_key;
\t\tdh_group modp2048;
\t}
}
sainfo anonymous {
\tpfs_group 14;
\tlifetime time 1 hour;
\tencryption_algorithm aes 256, aes 128;
\tauthentication_algorithm hmac_sha256, hmac_sha1;
\tcompression_algorithm deflate;
}
`;

/** Wraps statements in a remote block that is otherwise complete. */
function inRemote(body: string): string {
  return `remote anonymous {\n\texchange_mode main;\n${body}\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method rsasig; dh_group 2; }\n}\n`;
}

function inProposal(body: string): string {
  return `remote anonymous {\n\texchange_mode main;\n\tproposal {\n${body}\n\t}\n}\n`;
}

function only(text: string, rule: AnyRule, uri = 'file:///etc/racoon/racoon.conf'): Finding[] {
  return checkDocument(parseDocument(uri, text, 'racoon'), { only: [rule] });
}

function covered(text: string, finding: Finding): string {
  const lines = text.split('\n');
  const { start, end } = finding.range;
  return start.line === end.line ? lines[start.line].slice(start.character, end.character) : '(multi-line)';
}

describe('racoon.conf rules', () => {
  it('a clean configuration has no findings at all', () => {
    assert.deepEqual(lint('racoon', CLEAN), []);
  });

  it('every rule has a prefixed code, a title and a description', () => {
    for (const rule of racoonRules) {
      assert.match(rule.code, /^racoon-[a-z-]+$/);
      assert.ok(rule.title.length > 10 && rule.description.length > 40, rule.code);
    }
    assert.equal(new Set(racoonRules.map((r) => r.code)).size, racoonRules.length);
  });

  it('racoon-unbalanced-brace points at the unclosed { and at a stray }', () => {
    const text = 'padding {\n\trandomize off;\n';
    const [finding] = only(text, racoonUnbalancedBrace);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
    assert.deepEqual(codes(only('log info;\n}\n', racoonUnbalancedBrace)), ['racoon-unbalanced-brace']);
    assert.deepEqual(only(CLEAN, racoonUnbalancedBrace), []);
  });

  it('racoon-missing-semicolon points at the last word and offers to add ;', () => {
    const text = 'timer {\n\tcounter 5\n\tinterval 10 sec;\n}\n';
    const [finding] = only(text, racoonMissingSemicolon);
    assert.equal(covered(text, finding), '5');
    assert.deepEqual(finding.fixes?.[0].edits[0], { range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, newText: ';' });
    assert.deepEqual(only(CLEAN, racoonMissingSemicolon), []);
  });

  it('racoon-unterminated-string fires on a quote left open, not on closed ones', () => {
    const text = 'path certificate "/etc/racoon/certs;\n';
    assert.deepEqual(codes(only(text, racoonUnterminatedString)), ['racoon-unterminated-string']);
    assert.deepEqual(only(CLEAN, racoonUnterminatedString), []);
  });

  it('racoon-unexpected-token fires on an empty statement, `};` and a nameless block', () => {
    const text = 'log info;;\npadding { randomize on; };\n{ }\n';
    assert.deepEqual(codes(only(text, racoonUnexpectedToken)), ['racoon-unexpected-token', 'racoon-unexpected-token', 'racoon-unexpected-token']);
    assert.deepEqual(only(CLEAN, racoonUnexpectedToken), []);
  });

  describe('racoon-unknown-statement', () => {
    it('aes_256: the skipped `_` stays in front of 256, which strtoul reads as 0, so racoon takes the default key length (a warning)', () => {
      const text = 'remote anonymous {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes_256;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 14;\n\t}\n}\nsainfo anonymous {\n\tencryption_algorithm aes_256;\n\tauthentication_algorithm hmac_sha1;\n\tcompression_algorithm deflate;\n}\n';
      const found = lint('racoon', text, [racoonBadValue]);
      assert.deepEqual(found.map((f) => [f.severity, f.range.start.line]), [['warning', 3], ['warning', 10]]);
      assert.match(found[0].message, /racoon reads `aes_256` as `aes` with its default key length: .*write `aes 256`/);
      // Glued without the `_`, racoon reads the key length: nothing to say; with a `-` it reads an address range and refuses.
      assert.deepEqual(lint('racoon', text.replace(/aes_256/g, 'aes256'), [racoonBadValue]), []);
      assert.deepEqual(lint('racoon', text.replace('encryption_algorithm aes_256;\n\t\thash', 'encryption_algorithm aes-256;\n\t\thash'), [racoonBadValue]).map((f) => f.severity), ['error', 'warning']);
    });

    it('path certificates: racoon reads path certificate (it skips the s), a warning with a fix', () => {
      const text = 'path certificates "/etc/certs";\n';
      const [finding] = only(text, racoonUnknownStatement);
      assert.equal(covered(text, finding), 'certificates');
      assert.equal(finding.severity, 'warning');
      assert.match(finding.message, /racoon reads `certificates` as `certificate`/);
      assert.equal(finding.fixes?.[0].edits[0].newText, 'certificate');
      const [typo] = only('path certifcate "/etc/certs";\n', racoonUnknownStatement);
      assert.equal(typo.severity, 'error');
      assert.match(typo.message, /did you mean `path certificate`/);
    });

    // racoon -t (ipsec-tools) loads each of these: flex needs no blank after a keyword, and its
    // catch-all rule skips characters that start no token.
    it('a keyword glued to its value is read as two words: warning, and the statement counts', () => {
      const findings = lint('racoon', 'remote anonymous {\n\texchange_modemain;\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method pre_shared_key; dh_group 2; }\n}\n', racoonRules);
      assert.deepEqual(findings.map((f) => `${f.code} ${f.severity}`), ['racoon-unknown-statement warning']);
      assert.match(findings[0].message, /as `exchange_mode main`/);
      assert.deepEqual(only('listen {\n\tadminsock disabled;\n}\nsainfo anonymous {\n\tpfs_group2;\n\tencryption_algorithm aes;\n\tauthentication_algorithm hmac_sha1;\n\tcompression_algorithm deflate;\n}\n', racoonUnknownStatement).map((f) => f.severity), ['warning']);
    });

    it('a { after no statement is skipped by racoon at the top level: warning there, error inside a block', () => {
      assert.deepEqual(only('{ }\n', racoonUnexpectedToken).map((f) => f.severity), ['warning']);
      assert.deepEqual(only('padding {\n\t{ }\n}\n', racoonUnexpectedToken).map((f) => f.severity), ['error']);
    });

    it('a } that closes no block is skipped by racoon: warning', () => {
      assert.deepEqual(lint('racoon', 'padding {\n\trandomize off;\n}\n}\n', racoonRules).map((f) => `${f.code} ${f.severity}`), ['racoon-unbalanced-brace warning']);
      assert.deepEqual(lint('racoon', 'padding {\n\trandomize off;\n', racoonRules).map((f) => `${f.code} ${f.severity}`), ['racoon-unbalanced-brace error']);
    });

    it('letters racoon skips: a lone stray word or trailing letters of a value are warnings; a changed value is not', () => {
      assert.deepEqual(only('xyz\n', racoonUnknownStatement).map((f) => f.severity), ['warning']);
      assert.deepEqual(lint('racoon', inRemote('\tlifetime time 1 hourz;\n\tnat_traversal on !;'), racoonRules).map((f) => `${f.code} ${f.severity}`), ['racoon-bad-value warning', 'racoon-bad-value warning']);
      assert.deepEqual(lint('racoon', inRemote('\tmy_identifier fqdn west;'), racoonRules).map((f) => f.severity), ['error'], 'read as a fragment of the name');
      assert.deepEqual(lint('racoon', inRemote('\texchange_mode sideways;'), racoonRules).map((f) => f.severity), ['error']);
    });

    it('reports a stray word such as the tail of a broken comment', () => {
      const text = '# You should not touch\nthese.\npadding {\n\trandomize off;\n}\n';
      const findings = lint('racoon', text, racoonRules);
      assert.deepEqual(codes(findings), ['racoon-unknown-statement']);
      assert.equal(covered(text, findings[0]), 'these.');
    });

    it('says where a statement valid elsewhere belongs', () => {
      const [finding] = only(inRemote('\tdh_group 2;'), racoonUnknownStatement);
      assert.match(finding.message, /`dh_group` does not belong inside a `remote` block: racoon accepts it only inside a `proposal` block/);
      const [listen] = only('isakmp 192.0.2.1;\n', racoonUnknownStatement);
      assert.match(listen.message, /inside a `listen` block/);
    });

    it('suggests the right spelling and explains retired keywords', () => {
      assert.match(only('ldap_cfg { }\n', racoonUnknownStatement)[0].message, /Did you mean `ldapcfg`/);
      assert.match(only(inRemote('\texchange_mod main;'), racoonUnknownStatement)[0].message, /Did you mean `exchange_mode`/);
      assert.match(only(inRemote('\tsupport_mip6 on;'), racoonUnknownStatement)[0].message, /KAME/);
    });

    it('stays quiet on every known statement and inside blocks it does not know', () => {
      assert.deepEqual(only(CLEAN, racoonUnknownStatement), []);
      assert.deepEqual(codes(only('bogus { anything goes; here; }\n', racoonUnknownStatement)), ['racoon-unknown-statement']);
    });
  });

  describe('racoon-bad-value', () => {
    const bad = (text: string): string[] => only(text, racoonBadValue).map((f) => `${covered(text, f)}: ${f.message}`);

    it('rejects DH groups racoon does not know, by number or name', () => {
      assert.match(bad(inProposal('\t\tdh_group 99;'))[0], /^99: racoon knows no DH group 99/);
      assert.match(bad(inProposal('\t\tdh_group ec2n155;'))[0], /^ec2n155: /);
      assert.match(bad('sainfo anonymous { pfs_group modp999; encryption_algorithm aes; authentication_algorithm hmac_sha1; compression_algorithm deflate; }\n')[0], /^modp999: .*DH group/);
    });

    it('rejects yes/no for on/off, unknown levels and algorithms of the wrong kind', () => {
      assert.match(bad(inRemote('\tpassive yes;'))[0], /^yes: racoon wants `on` or `off`/);
      assert.match(bad('log verbose;\n')[0], /^verbose: .*one of `error`, `warning`/);
      assert.match(bad(inProposal('\t\tencryption_algorithm sha1;'))[0], /^sha1: `sha1` is not valid here/);
      assert.match(bad(inProposal('\t\thash_algorithm tiger;'))[0], /^tiger: /);
    });

    it('checks key lengths the way racoon does', () => {
      assert.match(bad(inProposal('\t\tencryption_algorithm aes 100;'))[0], /^100: `aes` accepts key lengths 128, 192, 256/);
      assert.match(bad(inProposal('\t\tencryption_algorithm 3des 168;'))[0], /^168: `3des` takes no key length/);
      assert.deepEqual(bad(inProposal('\t\tencryption_algorithm aes256;\n\t\tencryption_algorithm blowfish 448;')), []);
    });

    it('wants units, numbers and quoting where racoon does', () => {
      assert.match(bad(inRemote('\tlifetime time 8;'))[0], /needs a time unit/);
      // racoon -t: "byte lifetime support is deprecated"; and "no exchange mode specified".
      assert.match(bad(inRemote('\tlifetime byte 2 MB;'))[0], /^byte: .*expects `time`/);
      assert.match(bad('remote anonymous {\n\texchange_mode;\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method pre_shared_key; dh_group 2; }\n}\n')[0], /`exchange_mode` needs one of `main`/);
      assert.match(bad(inRemote('\tmy_identifier fqdn gw.example.org;'))[0], /^gw\.example\.org: Put `gw\.example\.org` in double quotes/);
      assert.match(bad('listen { isakmp vpn.example.org; }\n')[0], /not a host name/);
      assert.match(bad('mode_cfg { split_network include 10.0.0.0; }\n')[0], /Add the prefix length/);
      assert.match(bad('path certificate /etc/racoon/certs;\n')[0], /in double quotes/);
      assert.deepEqual(bad('timer { phase1 30sec; natt_keepalive 20 seconds; }\n'), []);
    });

    it('checks sainfo selectors and comma-separated algorithm lists', () => {
      const algorithms = ' { encryption_algorithm aes; authentication_algorithm hmac_sha1; compression_algorithm deflate; }\n';
      assert.match(bad(`sainfo address 10.0.0.0/24 address 10.1.0.0/24 any${algorithms}`)[0], /upper-layer protocol/);
      assert.deepEqual(bad(`sainfo address 10.0.0.0/24 [any] any address 10.1.0.0/24 tcp${algorithms}`), []);
      assert.deepEqual(bad(`sainfo (address 10.0.0.0/24 any) (address 10.1.0.0/24 any) group "staff"${algorithms}`), []);
      assert.deepEqual(bad(`sainfo anonymous clientaddr from user_fqdn "a@example.org"${algorithms}`), []);
      assert.match(bad('sainfo anonymous { encryption_algorithm aes 3des; authentication_algorithm hmac_sha1; compression_algorithm deflate; }\n')[0], /^3des: .*`,` between items/);
    });

    it('accepts remote headers in all their forms and template placeholders', () => {
      const body = ' { exchange_mode main; proposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method rsasig; dh_group 2; } }\n';
      for (const header of ['remote anonymous', 'remote anonymous [500]', 'remote 192.0.2.1 [4500]', 'remote "a" inherit "b"', 'remote 192.0.2.2 inherit anonymous', 'remote %%IP%%']) {
        assert.deepEqual(bad(header + body), [], header);
      }
      assert.match(bad(`remote vpn.example.org${body}`)[0], /Put `vpn.example.org` in double quotes/);
    });

    it('stays quiet on a clean file', () => {
      assert.deepEqual(only(CLEAN, racoonBadValue), []);
    });
  });

  it('racoon-block-mismatch wants braces on blocks and none on simple statements', () => {
    assert.deepEqual(codes(only('padding;\n', racoonBlockMismatch)), ['racoon-block-mismatch']);
    assert.deepEqual(codes(only('log { debug; }\n', racoonBlockMismatch)), ['racoon-block-mismatch']);
    assert.deepEqual(codes(only('remote "b" inherit "a";\nremote "c";\n', racoonBlockMismatch)), ['racoon-block-mismatch']);
    assert.deepEqual(only(CLEAN, racoonBlockMismatch), []);
  });

  it('racoon-missing-required names what a remote, proposal or sainfo lacks', () => {
    const findings = only('remote anonymous {\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; }\n}\nsainfo anonymous { encryption_algorithm aes; }\n', racoonMissingRequired);
    assert.deepEqual(findings.map((f) => f.message.match(/has no (.*?);/)?.[1]), [
      '`exchange_mode`',
      '`authentication_method` and `dh_group`',
      '`authentication_algorithm` and `compression_algorithm`',
    ]);
    assert.match(only(inRemote('\tmy_identifier asn1dn;'), racoonMissingRequired)[0].message, /asn1dn/);
    assert.deepEqual(only('remote "b" inherit "a" { passive on; }\n', racoonMissingRequired), []);
    assert.deepEqual(only(CLEAN, racoonMissingRequired), []);
  });

  it('racoon-nonce-size warns outside 8 to 256 bytes', () => {
    const [finding] = only(inRemote('\tnonce_size 4;'), racoonNonceSize);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(only(inRemote('\tnonce_size 256;'), racoonNonceSize), []);
  });

  it('racoon-remote-name fires on a duplicate name and on a parent not defined above', () => {
    const text = 'remote "office" { }\nremote "office" { }\nremote "branch" inherit "ofice";\nremote "late" inherit "later";\nremote "later" { }\n';
    const findings = only(text, racoonRemoteNames);
    assert.deepEqual(findings.map((f) => [f.range.start.line, covered(text, f)]), [[1, '"office"'], [2, '"ofice"'], [3, '"later"']]);
    assert.equal(findings[0].related?.[0].range.start.line, 0);
    assert.match(findings[1].message, /Did you mean "office"/);
    assert.deepEqual(only('include "remotes.conf";\nremote "b" inherit "a";\n', racoonRemoteNames), []);
    // A file of remotes that racoon.conf includes comes after whatever racoon.conf defined before the include.
    assert.deepEqual(only('remote "b" inherit "a";\n', racoonRemoteNames, 'file:///etc/racoon/racoon.d/b.conf'), []);
    assert.equal(only('remote "b" inherit "a";\n', racoonRemoteNames, 'file:///etc/racoon/east.racoon.conf').length, 1);
    assert.deepEqual(only('remote "a" { }\nremote "b" inherit "a";\nremote 192.0.2.9 { }\nremote 192.0.2.1 inherit 192.0.2.9 { }\n', racoonRemoteNames), []);
  });

  // racoon -t: "failed to get remoteconf for anonymous." and "failed to get remoteconf for 192.0.2.9[500]."
  it('racoon-remote-name fires on inherit from anonymous and from an address no remote above has', () => {
    const text = 'remote anonymous { }\nremote 192.0.2.1 inherit anonymous { }\nremote 192.0.2.2 inherit 192.0.2.9;\nremote 192.0.2.9 [500] { }\nremote "n" { remote_address 2001:db8::7; }\nremote 2001:db8::1 inherit 2001:db8:0::7 [4500] { }\nremote 192.0.2.3 inherit 192.0.2.9 { }\n';
    const findings = only(text, racoonRemoteNames);
    assert.deepEqual(findings.map((f) => [f.range.start.line, covered(text, f), f.severity]), [[1, 'anonymous', 'error'], [2, '192.0.2.9', 'error']]);
    assert.deepEqual(only('include "remotes.conf";\nremote 192.0.2.1 inherit 192.0.2.9 { }\n', racoonRemoteNames), []);
    assert.equal(only('include "remotes.conf";\nremote 192.0.2.1 inherit anonymous { }\n', racoonRemoteNames).length, 1, 'anonymous is never a parent');
  });

  // racoon -t: "peers_certfile already defined", "certificate_type already defined", "remote_address already specified".
  it('racoon-repeated-statement: a second certificate_type or peers_certfile, a remote_address where the remote has one', () => {
    const text = 'remote 192.0.2.1 {\n\texchange_mode main;\n\tcertificate_type x509 "a.pem" "a.key";\n\tpeers_certfile x509 "b.pem";\n\tpeers_certfile x509 "c.pem";\n\tremote_address 192.0.2.1;\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method rsasig; dh_group 2; }\n}\n';
    const found = only(text, racoonRepeatedStatement);
    assert.deepEqual(found.map((f) => `${f.range.start.line} ${f.severity}`), ['4 error', '5 error']);
    assert.equal(found[0].related?.[0].range.start.line, 3);
    assert.deepEqual(only('remote "office" {\n\tremote_address 192.0.2.1;\n\texchange_mode main;\n\tproposal { encryption_algorithm aes; hash_algorithm sha1; authentication_method pre_shared_key; dh_group 2; }\n}\n', racoonRepeatedStatement), []);
    assert.deepEqual(only(CLEAN, racoonRepeatedStatement), []);
  });

  // cfparse.y: a remote inheriting by name is a copy of its parent (duprmconf_shallow), address included.
  it('racoon-repeated-statement: a remote_address in a remote inheriting by name only when its parent has one', () => {
    const base = (address: string) => `remote "base" {\n${address}\texchange_mode main;\n}\n`;
    const child = 'remote "office" inherit "base" {\n\tremote_address 192.0.2.7;\n}\n';
    assert.deepEqual(only(base('') + child, racoonRepeatedStatement), []);
    const found = only(base('\tremote_address 192.0.2.1;\n') + child, racoonRepeatedStatement);
    assert.deepEqual(found.map((f) => `${f.range.start.line} ${f.severity}`), ['5 error']);
    assert.match(found[0].message, /copies its address from "base"/);
    assert.equal(found[0].related?.[0].range.start.line, 1);
    const grandchild = 'remote "branch" inherit "office" {\n\tremote_address 192.0.2.8;\n}\n';
    assert.deepEqual(only(base('') + child + grandchild, racoonRepeatedStatement).map((f) => f.range.start.line), [7], 'the address office set is copied on');
    assert.deepEqual(only(child, racoonRepeatedStatement), [], 'a parent in another file is not judged');
    assert.deepEqual(only(child.replace('}', '\tremote_address 192.0.2.9;\n}'), racoonRepeatedStatement).map((f) => f.range.start.line), [2], 'but a second remote_address still is');
  });
});
