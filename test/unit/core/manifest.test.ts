import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { renderRuleCatalogue } from '../../../server/src/checks/catalogue';
import { renderConfigSchema, ruleSeverityProperties } from '../../../server/src/config/configSchema';
import { SEVERITIES } from '../../../server/src/checks/finding';
import { ALL_RULES, RULE_INFO } from '../../../server/src/checks/registry';
import { flattenDefaults } from '../../../server/src/lsp/settings';
import { DIALECT_SETTING_VALUES } from '../../../server/src/model/dialect';
import { FILE_KINDS } from '../../../server/src/model/fileKind';
import { VERSION } from '../../../server/src/version';
import { GATEWAYS_VIEW, HAS_GATEWAYS } from '../../../client/src/views/gatewayTree';
import { REPO_ROOT } from '../../helpers';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe('package.json and the server agree', () => {
  it('declares every language id, with activation, grammar and configuration files that exist', () => {
    const ids = manifest.contributes.languages.map((l: { id: string }) => l.id);
    assert.deepEqual(ids, [...FILE_KINDS]);
    for (const id of FILE_KINDS) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), id);
    for (const language of manifest.contributes.languages) {
      assert.doesNotThrow(() => readFileSync(path.join(REPO_ROOT, language.configuration)), language.configuration);
    }
    for (const grammar of manifest.contributes.grammars) {
      const json = JSON.parse(readFileSync(path.join(REPO_ROOT, grammar.path), 'utf8'));
      assert.equal(json.scopeName, grammar.scopeName);
    }
  });

  it('settings declared in package.json match the server defaults and enums', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.deepEqual(properties['ipsec.rules'].additionalProperties.enum, [...SEVERITIES, 'off']);
    // Every rule code completes in settings.json with its title (run `npm run docs:rules` after adding a rule).
    assert.deepEqual(properties['ipsec.rules'].properties, ruleSeverityProperties());
    assert.deepEqual(properties['ipsec.dialect'].enum, [...DIALECT_SETTING_VALUES]);
    const defaults = flattenDefaults();
    const declared = Object.keys(properties).filter((k) => k !== 'ipsec.trace.server');
    assert.deepEqual(declared.sort(), Object.keys(defaults).sort());
    for (const [key, value] of Object.entries(defaults)) assert.deepEqual(properties[key].default, value, key);
  });

  it('walkthrough media and snippet files exist', () => {
    for (const walkthrough of manifest.contributes.walkthroughs) {
      for (const step of walkthrough.steps) assert.doesNotThrow(() => readFileSync(path.join(REPO_ROOT, step.media.markdown)), step.id);
    }
  });

  it('every command is declared and activates the extension', () => {
    for (const command of manifest.contributes.commands) {
      assert.ok(manifest.activationEvents.includes(`onCommand:${command.command}`), command.command);
      assert.equal(command.category, 'IPsec');
    }
  });

  it('the Gateways view is declared under the id and context key the client uses, with menus on declared commands', () => {
    assert.deepEqual(
      manifest.contributes.views.explorer.map((view: { id: string; when: string }) => [view.id, view.when]),
      [[GATEWAYS_VIEW, HAS_GATEWAYS]],
    );
    const commands = new Set(manifest.contributes.commands.map((command: { command: string }) => command.command));
    for (const item of manifest.contributes.menus['view/title']) {
      assert.ok(commands.has(item.command), item.command);
      assert.equal(item.when, `view == ${GATEWAYS_VIEW}`);
    }
    // Row actions name the kind of row the tree gives them (`contextValue` is the row's kind).
    for (const item of manifest.contributes.menus['view/item/context']) {
      assert.ok(commands.has(item.command), item.command);
      assert.match(item.when, new RegExp(`^view == ${GATEWAYS_VIEW.replace('.', '\\.')} && viewItem == (gateway|conn|remote|reason)$`));
    }
    // A repository of gateways opens with its findings and the view, before any file is opened.
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/ipsec.conf'));
    assert.ok(manifest.activationEvents.includes('workspaceContains:**/racoon.conf'));
  });

  it('the icon is a PNG of at least 128 pixels, packaged, with its SVG source beside it', () => {
    const png = readFileSync(path.join(REPO_ROOT, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width >= 128 && width === height, `${width}x${height}`);
    const ignore = readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes(`!${manifest.icon}`), 'the .vsix keeps the icon');
    assert.match(readFileSync(path.join(REPO_ROOT, manifest.icon.replace(/\.png$/, '.svg')), 'utf8'), /^<svg /);
  });

  it('the version and binaries match', () => {
    assert.equal(manifest.version, VERSION);
    assert.deepEqual(Object.keys(manifest.bin).sort(), ['ipsec-language-server', 'ipsec-lint']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('every rule has a unique kebab-case code, a title and a description', () => {
    const seen = new Set<string>();
    for (const rule of ALL_RULES) {
      assert.match(rule.code, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(!seen.has(rule.code), `duplicate code ${rule.code}`);
      seen.add(rule.code);
      assert.ok(rule.title.length > 5 && rule.description.length > 20, rule.code);
    }
  });

  it('docs/rules.md is the catalogue generated from the code (run `npm run docs:rules`)', () => {
    assert.equal(readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8'), renderRuleCatalogue());
  });

  it('the .ipsec-lint.json schema is generated from the code, contributed for that file name and packaged', () => {
    assert.equal(readFileSync(path.join(REPO_ROOT, 'schemas', 'ipsec-lint.schema.json'), 'utf8'), renderConfigSchema());
    assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: '.ipsec-lint.json', url: './schemas/ipsec-lint.schema.json' }]);
    assert.match(readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
    const schema = JSON.parse(renderConfigSchema());
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), RULE_INFO.map((rule) => rule.code).sort());
  });
});
