import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ADDRESS_OPTIONS,
  ALGORITHM_FLAGS,
  type Documented,
  ENDPOINT_WORDS,
  findAlgorithm,
  PADDING_OPTIONS,
  POLICY_ACTIONS,
  POLICY_DIRECTIONS,
  PRIORITY_BASES,
  PRIORITY_KEYWORDS,
  REQUEST_LEVELS,
  REQUEST_MODES,
  REQUEST_PROTOCOLS,
  SA_EXTENSIONS,
  SA_MODES,
  SA_PROTOCOL_NAMES,
  SA_PROTOCOLS,
  SCANNER_KEYWORDS,
  SETKEY_COMMAND_NAMES,
  SETKEY_COMMANDS,
  UPPER_LAYER_PROTOCOLS,
} from '../../../server/src/knowledge/setkey';

const ALL_ENTRIES: Documented[] = [
  ...Object.values(SETKEY_COMMANDS),
  ...ADDRESS_OPTIONS,
  ...Object.values(SA_PROTOCOLS),
  ...SA_MODES,
  ...PADDING_OPTIONS,
  ...SA_EXTENSIONS,
  ...Object.values(ALGORITHM_FLAGS).flatMap((flag) => [flag, ...flag.algorithms]),
  ...UPPER_LAYER_PROTOCOLS,
  ...POLICY_DIRECTIONS,
  ...POLICY_ACTIONS,
  ...PRIORITY_KEYWORDS,
  ...PRIORITY_BASES,
  ...REQUEST_PROTOCOLS,
  ...REQUEST_MODES,
  ...REQUEST_LEVELS,
  ...ENDPOINT_WORDS,
];

describe('setkey catalogue', () => {
  it('documents every entry with a sentence', () => {
    for (const entry of ALL_ENTRIES) assert.match(entry.doc, /^[A-Z`].*[.)]$/, entry.name);
  });

  it('keys commands and protocols by their own names', () => {
    assert.deepEqual(Object.keys(SETKEY_COMMANDS), [...SETKEY_COMMAND_NAMES]);
    for (const [name, command] of Object.entries(SETKEY_COMMANDS)) assert.equal(command.name, name);
    assert.deepEqual(Object.keys(SA_PROTOCOLS), [...SA_PROTOCOL_NAMES]);
    for (const [name, protocol] of Object.entries(SA_PROTOCOLS)) assert.equal(protocol.name, name);
  });

  it('gives each algorithm one entry per flag, whole-byte key sizes, and aliases with the same sizes', () => {
    for (const [flag, { algorithms }] of Object.entries(ALGORITHM_FLAGS)) {
      const names = algorithms.map((a) => a.name);
      assert.equal(new Set(names).size, names.length, flag);
      for (const algorithm of algorithms) {
        if (algorithm.key.kind === 'exact') assert.ok(algorithm.key.bits.every((bits) => bits % 8 === 0), algorithm.name);
        if (algorithm.key.kind === 'range') assert.ok(algorithm.key.min <= algorithm.key.max, algorithm.name);
        if (algorithm.aliasOf) assert.deepEqual(findAlgorithm(flag as '-E', algorithm.aliasOf)?.key, algorithm.key, algorithm.name);
      }
    }
  });

  it('knows the key sizes setkey(8) lists', () => {
    const bits = (flag: '-E' | '-A', name: string) => findAlgorithm(flag, name)?.key;
    assert.deepEqual(bits('-E', '3des-cbc'), { kind: 'exact', bits: [192] });
    assert.deepEqual(bits('-E', 'blowfish-cbc'), { kind: 'range', min: 40, max: 448 });
    assert.deepEqual(bits('-E', 'aes-ctr'), { kind: 'exact', bits: [160, 224, 288] });
    assert.deepEqual(bits('-A', 'hmac-sha1'), { kind: 'exact', bits: [160] });
    assert.deepEqual(bits('-A', 'hmac-sha2-512'), { kind: 'exact', bits: [512] });
    assert.deepEqual(bits('-E', 'null'), { kind: 'none' });
  });

  it('lists upper-layer protocols once each, with protocol numbers', () => {
    const names = UPPER_LAYER_PROTOCOLS.map((p) => p.name);
    assert.equal(new Set(names).size, names.length);
    for (const protocol of UPPER_LAYER_PROTOCOLS) assert.ok(protocol.number >= 0 && protocol.number <= 255, protocol.name);
    for (const keyword of ['esp', 'ah', 'ipcomp', 'tunnel', 'spdadd']) assert.ok(SCANNER_KEYWORDS.has(keyword), keyword);
    assert.ok(!SCANNER_KEYWORDS.has('tcp') && !SCANNER_KEYWORDS.has('any'), 'tcp and any are valid upper-layer protocols');
  });

  it('has the policy words of libipsec', () => {
    assert.deepEqual(POLICY_DIRECTIONS.map((d) => d.name), ['in', 'out', 'fwd']);
    assert.deepEqual(REQUEST_MODES.map((m) => m.name), ['transport', 'tunnel']);
    assert.deepEqual(SA_MODES.map((m) => m.name), ['transport', 'tunnel', 'any']);
    assert.deepEqual(REQUEST_LEVELS.map((l) => l.name), ['default', 'use', 'require', 'unique']);
  });
});
