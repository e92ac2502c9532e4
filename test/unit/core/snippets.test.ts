import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkDocument } from '../../../server/src/checks/engine';
import { isStatementKeyword } from '../../../server/src/knowledge/racoon';
import type { FileKind } from '../../../server/src/model/fileKind';
import { parseDocument } from '../../../server/src/model/parse';
import { REPO_ROOT } from '../../helpers';

interface Snippet {
  prefix: string | string[];
  body: string[];
  description: string;
}

/** Expands a snippet body with its default placeholder values, as the editor inserts it. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

/** A racoon block that only lives inside another (`proposal`) is checked inside a `remote`. */
function inContext(kind: FileKind, text: string): string {
  const keyword = /^[a-z_]+/.exec(text)?.[0] ?? '';
  return kind === 'racoon' && !isStatementKeyword('top', keyword) ? `remote anonymous {\n\texchange_mode main;\n${text}}\n` : text;
}

describe('snippets', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  for (const entry of manifest.contributes.snippets as Array<{ language: FileKind; path: string }>) {
    it(`${entry.path} expands to ${entry.language} text with no error findings`, () => {
      const snippets = JSON.parse(readFileSync(path.join(REPO_ROOT, entry.path), 'utf8')) as Record<string, Snippet>;
      assert.ok(Object.keys(snippets).length > 0);
      for (const [name, snippet] of Object.entries(snippets)) {
        assert.ok(snippet.description.length > 0, name);
        const text = inContext(entry.language, `${expand(snippet.body)}\n`);
        const findings = checkDocument(parseDocument('file:///snippet', text, entry.language)).filter((f) => f.severity === 'error');
        assert.deepEqual(findings, [], `${name}:\n${text}`);
      }
    });
  }
});
