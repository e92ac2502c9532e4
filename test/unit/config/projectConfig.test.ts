import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { EMPTY_CONFIG, findConfigFile, isRegularFile, loadConfigFile, parseProjectConfig } from '../../../server/src/config/projectConfig';
import { DEFAULT_SETTINGS, withProjectConfig } from '../../../server/src/lsp/settings';
import { makeTempDir } from '../../tempDir';

const messages = (text: string) => parseProjectConfig(text).problems.map((p) => `${p.severity}: ${p.message}`);

describe('.ipsec-lint.json', () => {
  it('takes a release as the dialect when the daemon had it', () => {
    assert.equal(parseProjectConfig('{ "dialect": "libreswan-5.2" }').config.dialect, 'libreswan-5.2');
    assert.equal(parseProjectConfig('{ "dialect": "strongswan-5.9.8" }').config.dialect, 'strongswan-5.9.8');
    assert.equal(parseProjectConfig('{ "dialect": "openswan-2.6" }').config.dialect, 'openswan-2.6');
    for (const wrong of ['libreswan-5.9', 'strongswan-7', 'strongswan-6.1', 'libreswan-', 'racoon']) assert.ok(parseProjectConfig(`{ "dialect": "${wrong}" }`).problems.length > 0, wrong);
  });

  it('reads rules, dialect and exclude', () => {
    const { config, problems } = parseProjectConfig('\uFEFF{ "$schema": "./x.json", "rules": { "duplicate-key": "off", "ca-missing": "warning" }, "dialect": "libreswan-5", "exclude": ["archive", "*.bak"] }');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { rules: { 'duplicate-key': 'off', 'ca-missing': 'warning' }, dialect: 'libreswan-5', exclude: ['archive', '*.bak'] });
  });

  it('ignores unknown keys and rule codes with a warning that suggests the closest name', () => {
    const { config } = parseProjectConfig('{ "rule": {}, "rules": { "duplicat-key": "off", "column-zero-key": "warning" } }');
    assert.deepEqual(config.rules, { 'column-zero-key': 'warning' });
    assert.deepEqual(messages('{ "rule": {}, "rules": { "duplicat-key": "off" } }'), [
      'warning: unknown key "rule" is ignored (did you mean "rules"?)',
      'warning: unknown rule code "duplicat-key" is ignored (did you mean "duplicate-key"?)',
    ]);
  });

  it('takes strongSwan 6 and its releases as a dialect', () => {
    for (const dialect of ['strongswan-6', 'strongswan-6.0.2', 'strongswan-5']) assert.equal(parseProjectConfig(`{ "dialect": "${dialect}" }`).config.dialect, dialect);
  });

  it('refuses a file it cannot use, saying why, and then applies none of it', () => {
    const cases: Array<[string, RegExp]> = [
      ['{ "rules": { "duplicate-key": "fatal" } }', /rule "duplicate-key" has severity "fatal"; use one of error, warning, info, hint, off/],
      ['{ "dialect": "libreswan-9" }', /"dialect" must be auto, openswan, libreswan-3, libreswan-4, libreswan-5, strongswan, strongswan-5, strongswan-6, or a release such as libreswan-5\.2/],
      ['{ "dialect": "strongswan-7" }', /"dialect" must be auto/],
      ['{ "exclude": "archive" }', /"exclude" must be a list/],
      ['{ "rules": ["duplicate-key"] }', /"rules" must be an object/],
      ['[1, 2]', /must hold a JSON object/],
      ['{ "rules": { ', /not valid JSON/],
      ['\u0000\u0001binary', /not valid JSON/],
    ];
    for (const [text, expected] of cases) {
      const { config, problems } = parseProjectConfig(text);
      assert.equal(config, EMPTY_CONFIG, text);
      assert.equal(problems.at(-1)?.severity, 'error', text);
      assert.match(problems.at(-1)?.message ?? '', expected, text);
    }
  });

  it('says where the JSON breaks without quoting the file, which may be a secrets file named by mistake', () => {
    assert.deepEqual(messages(': PSK "s3cret-value"\n'), ['error: not valid JSON']);
    assert.deepEqual(messages('{ "rules": {},\n  "x" 1 }'), ['error: not valid JSON at line 2, column 7']);
    assert.deepEqual(messages('{ "rules": '), ['error: not valid JSON (it ends too soon)']);
    const root = makeTempDir('ipsec-config-');
    writeFileSync(path.join(root, 'ipsec.secrets'), '{"a": 1,\n : PSK "s3cret-value"\n');
    assert.doesNotMatch(JSON.stringify(loadConfigFile(path.join(root, 'ipsec.secrets')).problems), /s3cret/);
  });

  it('is found in the folder or the nearest one above, not above stopAt', () => {
    const root = makeTempDir('ipsec-config-');
    mkdirSync(path.join(root, 'repo', 'gateways', 'fr'), { recursive: true });
    writeFileSync(path.join(root, 'repo', '.ipsec-lint.json'), '{}');
    assert.equal(findConfigFile(path.join(root, 'repo', 'gateways', 'fr'), isRegularFile), path.join(root, 'repo', '.ipsec-lint.json'));
    assert.equal(findConfigFile(path.join(root, 'repo', 'gateways', 'fr'), isRegularFile, path.join(root, 'repo', 'gateways')), undefined);
    mkdirSync(path.join(root, 'repo', 'gateways', '.ipsec-lint.json'));
    assert.equal(findConfigFile(path.join(root, 'repo', 'gateways'), isRegularFile), path.join(root, 'repo', '.ipsec-lint.json'), 'a folder of that name is not the file');
  });

  it('reports a file that is missing, a folder, or too large to be settings', () => {
    const root = makeTempDir('ipsec-config-');
    writeFileSync(path.join(root, 'big.json'), Buffer.alloc(2 * 1024 * 1024, 0x20));
    assert.match(loadConfigFile(path.join(root, 'big.json')).problems[0].message, /larger than 1 MB/);
    assert.match(loadConfigFile(root).problems[0].message, /is a folder/);
    assert.match(loadConfigFile(path.join(root, 'none.json')).problems[0].message, /no such file/);
  });

  it('sits under the editor settings: ipsec.rules and a set dialect win, exclude lists add up', () => {
    const project = parseProjectConfig('{ "rules": { "duplicate-key": "off", "ca-missing": "warning" }, "dialect": "strongswan", "exclude": ["archive"] }').config;
    const merged = withProjectConfig({ ...DEFAULT_SETTINGS, rules: { 'ca-missing': 'error' } }, project);
    assert.deepEqual(merged.rules, { 'duplicate-key': 'off', 'ca-missing': 'error' });
    assert.equal(merged.dialect, 'strongswan');
    assert.deepEqual(merged.index.exclude, ['node_modules', '.git', 'archive']);
    assert.equal(withProjectConfig({ ...DEFAULT_SETTINGS, dialect: 'openswan' }, project).dialect, 'openswan');
    assert.equal(withProjectConfig(DEFAULT_SETTINGS, EMPTY_CONFIG), DEFAULT_SETTINGS);
  });
});
