import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers';

/** Every `ipsec/…` method named in the server's LSP layer. */
function serverMethods(): string[] {
  const folder = path.join(REPO_ROOT, 'server', 'src', 'lsp');
  const methods = new Set<string>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
    for (const [, method] of readFileSync(path.join(folder, file), 'utf8').matchAll(/'(ipsec\/[A-Za-z]+)'/g)) methods.add(method);
  }
  return [...methods].sort();
}

describe("the server's own requests", () => {
  it('are each documented in the README table for other editors, and the table names no other', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const documented = [...readme.matchAll(/^\| `(ipsec\/[A-Za-z]+)`/gm)].map((m) => m[1]).sort();
    const methods = serverMethods();
    assert.ok(methods.includes('ipsec/peerMatrix') && methods.length >= 7, methods.join(', '));
    assert.deepEqual(documented, methods);
  });
});
