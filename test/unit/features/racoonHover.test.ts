import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { racoonHover } from '../../../server/src/features/hover/racoon';
import { RACOON_DIRECTIVES, keywordOf } from '../../../server/src/knowledge/racoon';
import type { ArgumentSlot } from '../../../server/src/knowledge/racoon';
import { ALGORITHM_DOCS, DH_GROUPS, keywordValueDoc } from '../../../server/src/knowledge/racoon/valueDocs';
import { ALGORITHMS, DH_GROUP_NAMES, DH_GROUP_NUMBERS } from '../../../server/src/knowledge/racoon/values';
import type { ParsedDocument } from '../../../server/src/model/document';
import { caret, parse } from '../../helpers';

function hover(textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  return racoonHover(parse('racoon', text) as ParsedDocument<'racoon'>, offset);
}

function keywordValues(slot: ArgumentSlot): string[] {
  switch (slot.kind) {
    case 'keyword':
      return [...slot.values];
    case 'optional':
      return slot.slots.flatMap(keywordValues);
    case 'choice':
      return slot.options.flatMap((option) => option.flatMap(keywordValues));
    case 'list':
      return slot.item.flatMap(keywordValues);
    default:
      return [];
  }
}

describe('racoon.conf hover on directives', () => {
  it('explains a directive with its form, an example and the block it belongs to', () => {
    const result = hover('remote anonymous {\n\texchange|_mode main, aggressive;\n}\n');
    assert.ok(result);
    assert.match(result.markdown, /^\*\*exchange_mode\*\* \(racoon\.conf\)/);
    assert.match(result.markdown, /Form: `exchange_mode main\|aggressive\|base \[,\] …;`/);
    assert.match(result.markdown, /Usage: `exchange_mode main, aggressive;`/);
    assert.match(result.markdown, /Allowed in `remote \{ \}`/);
    assert.deepEqual(result.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 14 } });
  });

  it('tells the phase 1 and phase 2 meanings of a keyword apart by block', () => {
    assert.match(hover('remote a {\n\tproposal {\n\t\tencryption_al|gorithm aes;\n\t}\n}')?.markdown ?? '', /phase 1 cipher/);
    assert.match(hover('sainfo anonymous {\n\tencryption_al|gorithm aes;\n}')?.markdown ?? '', /ESP ciphers/);
  });

  it('covers both words of a path statement and says what a build needs', () => {
    assert.match(hover('path certif|icate "/etc/racoon/certs";')?.markdown ?? '', /\*\*path certificate\*\*/);
    assert.match(hover('pa|th certificate "/etc/racoon/certs";')?.markdown ?? '', /\*\*path certificate\*\*/);
    assert.match(hover('remote a {\n\tnat_tra|versal on;\n}')?.markdown ?? '', /Needs a racoon built with NAT traversal/);
  });

  it('says where a misplaced keyword belongs and explains retired ones', () => {
    const misplaced = hover('remote a {\n\tpfs_gr|oup 2;\n}');
    assert.match(misplaced?.markdown ?? '', /racoon does not accept `pfs_group` in `remote \{ \}`/);
    assert.match(misplaced?.markdown ?? '', /Allowed in `sainfo \{ \}`/);
    assert.match(hover('remote a {\n\tident|ifier fqdn "x";\n}')?.markdown ?? '', /old spelling of `my_identifier`/);
    assert.equal(hover('remote a {\n\tbogus|word 1;\n}'), undefined);
  });
});

describe('racoon.conf hover on values', () => {
  it('explains enum values in the directive they stand in', () => {
    assert.match(hover('remote a {\n\texchange_mode main, aggr|essive;\n}')?.markdown ?? '', /\*\*aggressive\*\* in `exchange_mode`[\s\S]*three messages/);
    assert.match(hover('remote a {\n\tproposal {\n\t\tauthentication_method pre_sh|ared_key;\n\t}\n}')?.markdown ?? '', /psk\.txt/);
    assert.match(hover('remote a {\n\tmy_identifier fq|dn "gw.example.org";\n}')?.markdown ?? '', /fully qualified host name/);
  });

  it('gives algorithm key lengths, DH groups by name and number, and units', () => {
    assert.match(hover('sainfo anonymous {\n\tencryption_algorithm ae|s 256;\n}')?.markdown ?? '', /Takes a key of 128, 192 or 256 bits/);
    assert.match(hover('sainfo anonymous {\n\tencryption_algorithm aes 2|56;\n}')?.markdown ?? '', /\*\*key length\*\* of `aes`[\s\S]*`aes` takes a key of 128, 192 or 256 bits\./);
    const sainfo = hover('sai|nfo address 10.0.0.0/24 any anonymous {\n}')?.markdown ?? '';
    assert.match(sainfo, /Usage: `sainfo \(local_id/);
    assert.doesNotMatch(sainfo, /Form:/, 'sainfo\'s grammar is too long to help');
    assert.match(hover('remote a {\n\tproposal {\n\t\tdh_group 1|4;\n\t}\n}')?.markdown ?? '', /2048-bit MODP[\s\S]*`modp2048`/);
    assert.match(hover('sainfo anonymous {\n\tpfs_group modp20|48;\n}')?.markdown ?? '', /group 14/);
    assert.match(hover('sainfo anonymous {\n\tlifetime time 1 ho|ur;\n}')?.markdown ?? '', /counts hours/);
  });

  it('never repeats what is written in a string, such as a password', () => {
    const result = hover('ldapcfg {\n\tbind_pw "hunt|er2";\n}');
    assert.ok(result);
    assert.doesNotMatch(result.markdown, /hunter2/);
  });
});

describe('racoon value documentation is complete', () => {
  it('documents every bare word any directive accepts', () => {
    const missing = RACOON_DIRECTIVES.flatMap((d) => d.forms.flatMap((form) => form.flatMap(keywordValues)).filter((word) => !keywordValueDoc(keywordOf(d), word)).map((word) => `${d.name} ${word}`));
    assert.deepEqual(missing, []);
  });

  it('documents every algorithm and every DH group racoon accepts', () => {
    const names = Object.values(ALGORITHMS).flatMap((list) => list.map((a) => a.name));
    assert.deepEqual(names.filter((name) => !ALGORITHM_DOCS[name]), []);
    assert.deepEqual(DH_GROUP_NUMBERS.filter((n) => !DH_GROUPS.some((g) => g.number === n)), []);
    assert.deepEqual(DH_GROUP_NAMES.filter((n) => !DH_GROUPS.some((g) => g.name === n)), []);
  });
});
