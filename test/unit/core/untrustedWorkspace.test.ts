import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers';

interface SettingSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly items?: SettingSchema;
  readonly description?: string;
  readonly markdownDescription?: string;
}

interface Manifest {
  readonly capabilities: { readonly untrustedWorkspaces: { readonly supported: string | boolean; readonly restrictedConfigurations?: readonly string[] } };
  readonly contributes: { readonly configuration: { readonly properties: Readonly<Record<string, SettingSchema>> } };
}

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const settings = manifest.contributes.configuration.properties;
const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations ?? [];

function types(schema: SettingSchema): readonly string[] {
  return schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;
}

/** A value that could hold a path or a count: free text, a list of free text, or a number (no enum, no boolean). */
function freeForm(schema: SettingSchema): boolean {
  if (schema.enum !== undefined) return false;
  return types(schema).some((t) => t === 'string' || t === 'number' || t === 'integer' || (t === 'array' && schema.items !== undefined && freeForm(schema.items)));
}

/**
 * Whether a setting decides which files the server reads: a free-form value whose description
 * speaks of files, folders, paths or a root. Such a setting, taken from an untrusted workspace's
 * own `.vscode/settings.json`, could send the server outside the workspace (a root folder) or
 * lift the limits on how much of it is read (the index's excludes and file cap).
 */
function decidesFileAccess(key: string, schema: SettingSchema): boolean {
  const text = `${key} ${schema.description ?? ''} ${schema.markdownDescription ?? ''}`;
  return freeForm(schema) && /\b(files?|folders?|director(?:y|ies)|paths?|root)\b/i.test(text.replace(/([a-z])([A-Z])/g, '$1 $2'));
}

describe('untrusted workspaces (capabilities.untrustedWorkspaces)', () => {
  it('are supported in limited mode', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('the test recognises a setting that decides file access, and only such a setting', () => {
    assert.equal(decidesFileAccess('ipsec.extraCaFolder', { type: 'string', description: 'Folder with more CA certificates.' }), true);
    assert.equal(decidesFileAccess('ipsec.secretsPath', { type: 'string', description: 'Where ipsec.secrets is.' }), true);
    assert.equal(decidesFileAccess('ipsec.include', { type: 'array', items: { type: 'string' }, description: 'More files to read.' }), true);
    assert.equal(decidesFileAccess('ipsec.dialect', { type: 'string', enum: ['auto', 'libreswan'], description: 'Which daemon the files are written for.' }), false);
    assert.equal(decidesFileAccess('ipsec.format.indent', { type: ['string', 'number'], description: 'Indentation the formatter writes.' }), false);
  });

  it('every setting that decides which files are read is restricted', () => {
    const deciding = Object.entries(settings).filter(([key, schema]) => decidesFileAccess(key, schema)).map(([key]) => key);
    assert.ok(deciding.includes('ipsec.rootDirectory'), `the root directory is not recognised: ${deciding.join(', ')}`);
    assert.deepEqual(deciding.filter((key) => !restricted.includes(key)), [], 'add these to capabilities.untrustedWorkspaces.restrictedConfigurations');
  });

  it('restricts only settings that exist', () => {
    assert.deepEqual(restricted.filter((key) => !(key in settings)), []);
  });
});
