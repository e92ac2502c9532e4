import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SNIPPET_DAEMONS } from '../../../server/src/features/completion/snippets';
import type { DialectName } from '../../../server/src/model/dialect';
import type { FileKind } from '../../../server/src/model/fileKind';
import { lintText } from '../../../server/src/workspace/lintFile';
import { REPO_ROOT } from '../../helpers';

interface Snippet {
  readonly prefix: readonly string[];
  readonly body: readonly string[];
}

/** The text a snippet inserts when every placeholder keeps its default (the first choice of a list). */
export function expand(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const FILES: Record<string, { kind: FileKind; name: string }> = {
  'ipsec.json': { kind: 'ipsec', name: 'ipsec.conf' },
  'ipsec-secrets.json': { kind: 'ipsec-secrets', name: 'ipsec.secrets' },
  'racoon.json': { kind: 'racoon', name: 'racoon.conf' },
  'racoon-psk.json': { kind: 'racoon-psk', name: 'psk.txt' },
  'setkey.json': { kind: 'setkey', name: 'setkey.conf' },
};

/** Snippets offered only inside a block, checked there. */
const INSIDE: Record<string, (text: string) => string> = {
  'racoon.json proposal': (text) => `remote anonymous {\n\texchange_mode main;\n${text.replace(/^/gm, '\t')}\n}\n`,
};

/** Snippets written for one daemon are checked as its gateway's files, in each of its major versions. */
const RELEASES: Record<DialectName, readonly string[]> = {
  strongswan: ['strongswan', 'strongswan-5.9.8', 'strongswan-6'],
  libreswan: ['libreswan-4', 'libreswan-5'],
  openswan: ['openswan'],
};
const PINNED: Record<string, string> = Object.fromEntries(Object.entries(SNIPPET_DAEMONS).map(([title, daemon]) => [title, `# ipsec-dialect: ${RELEASES[daemon][0]}\n`]));

describe('snippet bodies', () => {
  it('every snippet file is checked here', () => {
    assert.deepEqual(readdirSync(path.join(REPO_ROOT, 'snippets')).sort(), Object.keys(FILES).sort());
  });

  it('the snippets titled for one daemon are the ones completion keeps to that daemon', () => {
    const titles = Object.keys(JSON.parse(readFileSync(path.join(REPO_ROOT, 'snippets', 'ipsec.json'), 'utf8')) as Record<string, Snippet>);
    const titled = titles.filter((title) => /\((strongSwan|Libreswan|Openswan)\)$/.test(title));
    assert.deepEqual(Object.keys(SNIPPET_DAEMONS).sort(), titled.sort());
    for (const [title, daemon] of Object.entries(SNIPPET_DAEMONS)) assert.ok(title.toLowerCase().endsWith(`(${daemon})`), title);
  });

  for (const [file, { kind, name }] of Object.entries(FILES)) {
    const snippets = JSON.parse(readFileSync(path.join(REPO_ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>;
    for (const [title, snippet] of Object.entries(snippets)) {
      it(`${file}: "${title}" as inserted draws no error or warning`, () => {
        const inside = INSIDE[`${file} ${title}`];
        const text = `${PINNED[title] ?? ''}${inside ? inside(expand(snippet.body)) : `${expand(snippet.body)}\n`}`;
        const findings = lintText(`/gw/etc/${name}`, text, kind).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.code}: ${f.message}`), [], text);
      });
      if (PINNED[title]) {
        it(`${file}: "${title}" is also clean for the other releases of its daemon`, () => {
          const others = RELEASES[SNIPPET_DAEMONS[title]].slice(1);
          for (const dialect of others) {
            const text = `# ipsec-dialect: ${dialect}\n${expand(snippet.body)}\n`;
            const findings = lintText(`/gw/etc/${name}`, text, kind).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
            assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], dialect);
          }
        });
      }
    }
  }
});
