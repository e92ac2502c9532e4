import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeRacoon } from '../../../server/src/features/completion/racoon';
import type { ParsedDocument } from '../../../server/src/model/document';
import { caret, parse } from '../../helpers';

function complete(textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  const doc = parse('racoon', text) as ParsedDocument<'racoon'>;
  return completeRacoon(doc, doc.source.positionAt(offset));
}

function labels(textWithCaret: string): string[] {
  return complete(textWithCaret).map((e) => e.label);
}

describe('racoon.conf completion: statements by block', () => {
  it('offers top-level statements at the top level, and no remote-only ones', () => {
    const top = labels('|');
    for (const name of ['path certificate', 'include', 'listen', 'remote', 'sainfo', 'timer', 'padding', 'log']) assert.ok(top.includes(name), name);
    assert.ok(!top.includes('exchange_mode'));
    assert.ok(!top.includes('encryption_algorithm'));
  });

  it('offers remote statements inside remote { }, replacing the word being typed', () => {
    const entries = complete('remote anonymous {\n\texch|\n}\n');
    const names = entries.map((e) => e.label);
    for (const name of ['exchange_mode', 'my_identifier', 'peers_identifier', 'certificate_type', 'proposal', 'nat_traversal']) assert.ok(names.includes(name), name);
    assert.ok(!names.includes('sainfo') && !names.includes('pfs_group'));
    const exchange = entries.find((e) => e.label === 'exchange_mode');
    assert.deepEqual(exchange?.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 5 } });
    assert.equal(exchange?.insertText, 'exchange_mode ');
    assert.match(exchange?.documentation ?? '', /Allowed in `remote \{ \}`/);
  });

  it('offers proposal statements inside proposal { } and sainfo statements inside sainfo', () => {
    assert.deepEqual(
      labels('remote anonymous {\n\tproposal {\n\t\t|\n\t}\n}\n').sort(),
      ['authentication_method', 'dh_group', 'encryption_algorithm', 'gss_id', 'hash_algorithm', 'lifetime'],
    );
    const sainfo = labels('sainfo anonymous {\n\t|\n}\n');
    for (const name of ['pfs_group', 'encryption_algorithm', 'authentication_algorithm', 'compression_algorithm', 'lifetime']) assert.ok(sainfo.includes(name), name);
    assert.ok(!sainfo.includes('dh_group'));
  });

  it('knows the block from the tree even when the block is not closed yet', () => {
    assert.ok(labels('remote anonymous {\n\texchange_mode main;\n\t|').includes('passive'));
  });

  it('offers the second word of path', () => {
    assert.deepEqual(labels('path |').sort(), ['backupsa', 'certificate', 'include', 'pidfile', 'pre_shared_key', 'script']);
  });

  it('offers nothing inside comments and strings', () => {
    assert.deepEqual(labels('# remote |\n'), []);
    assert.deepEqual(labels('path certificate "/etc/rac|"'), []);
  });
});

describe('racoon.conf completion: argument values', () => {
  it('offers exchange modes, also after a comma', () => {
    assert.deepEqual(labels('remote anonymous {\n\texchange_mode |\n}').sort(), ['aggressive', 'base', 'main']);
    assert.deepEqual(labels('remote anonymous {\n\texchange_mode main, a|\n}').sort(), ['aggressive', 'base', 'main']);
  });

  it('offers authentication methods, hashes and ciphers of the right family', () => {
    const methods = labels('remote a {\n\tproposal {\n\t\tauthentication_method |');
    assert.ok(methods.includes('pre_shared_key') && methods.includes('rsasig') && methods.includes('xauth_psk_client'));
    const ciphers = labels('remote a {\n\tproposal {\n\t\tencryption_algorithm |');
    assert.ok(ciphers.includes('aes') && ciphers.includes('3des'));
    assert.ok(!ciphers.includes('twofish'), 'twofish is a phase 2 cipher only');
    assert.ok(labels('sainfo anonymous {\n\tencryption_algorithm |').includes('twofish'));
    // A default racoon build refuses these (checked with racoon -t): not offered.
    assert.ok(!ciphers.includes('idea') && !ciphers.includes('rc5'));
    assert.ok(!labels('sainfo anonymous {\n\tencryption_algorithm |').some((label) => ['idea', '3idea', 'rc5'].includes(label)));
    assert.ok(labels('sainfo anonymous {\n\tauthentication_algorithm hmac_sha1, |').includes('hmac_sha256'));
  });

  it('offers key lengths after a variable-key cipher', () => {
    assert.deepEqual(labels('remote a {\n\tproposal {\n\t\tencryption_algorithm aes |'), ['128', '192', '256']);
    assert.deepEqual(labels('remote a {\n\tproposal {\n\t\tencryption_algorithm 3des |'), []);
  });

  it('offers DH groups by name and by number', () => {
    const groups = complete('remote a {\n\tproposal {\n\t\tdh_group |');
    const names = groups.map((e) => e.label);
    for (const name of ['modp1024', 'modp2048', '2', '14', '18']) assert.ok(names.includes(name), name);
    assert.ok(!names.includes('99'));
    assert.equal(groups.find((e) => e.label === '14')?.detail, 'modp2048');
    assert.ok(labels('sainfo anonymous {\n\tpfs_group |').includes('modp2048'));
  });

  it('offers on/off, identifier types, lifetime kinds and units', () => {
    assert.deepEqual(labels('remote a {\n\tpassive |'), ['on', 'off']);
    assert.deepEqual(labels('remote a {\n\tnat_traversal |'), ['on', 'off', 'force']);
    const ids = labels('remote a {\n\tmy_identifier |');
    for (const type of ['address', 'fqdn', 'user_fqdn', 'keyid', 'asn1dn']) assert.ok(ids.includes(type), type);
    assert.deepEqual(labels('sainfo anonymous {\n\tlifetime |'), ['time'], 'racoon refuses byte lifetimes');
    assert.ok(labels('sainfo anonymous {\n\tlifetime time 1 |').includes('hour'));
    assert.deepEqual(labels('log |'), ['error', 'warning', 'notify', 'info', 'debug', 'debug2']);
  });

  it('offers the next statement too at the start of a line after a statement that may end', () => {
    const names = labels('remote a {\n\texchange_mode main\n\t|\n}');
    assert.ok(names.includes('passive'), 'a forgotten ; should not hide the statements');
    assert.ok(names.includes('aggressive'), 'the list may also go on');
  });

  it('documents values in their own words', () => {
    const aggressive = complete('remote a {\n\texchange_mode |').find((e) => e.label === 'aggressive');
    assert.match(aggressive?.documentation ?? '', /three messages/);
  });
});
