import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lookupKeyword } from '../../../server/src/knowledge/ipsecConf/lookup';
import type { Dialect, SectionKind } from '../../../server/src/knowledge/ipsecConf/types';
import { CORPUS_ROOT } from '../../helpers';

/** The release each corpus dialect stands for. */
const VERSION: Readonly<Record<Dialect, string>> = { libreswan: '5', strongswan: '5', openswan: '2.6' };

/**
 * Keys that upstream test files use although the daemon rejects them; reviewed one by one.
 * Key: `path:line`.
 */
const KNOWN_BAD: Readonly<Record<string, string>> = {
  // Libreswan spells it initial-contact; this stale test config would not load in Libreswan 4 or 5.
  'libreswan/ikev2-initial-contact-send/west.conf:11': 'initial_contact',
  // An Openswan 3.0 keyword; the corpus copy comes from Openswan master, not 2.6.
  'openswan/tests/unit/libpluto/samples/moon.conf:35': 'ikev1',
};

interface Use {
  readonly file: string;
  readonly line: number;
  readonly key: string;
  readonly section: SectionKind | undefined;
  readonly dialect: Dialect;
}

function isDialect(s: string): s is Dialect {
  return s === 'libreswan' || s === 'strongswan' || s === 'openswan';
}

function corpusUses(): Use[] {
  const manifest = readFileSync(path.join(CORPUS_ROOT, 'MANIFEST.tsv'), 'utf8');
  const invalid = new Set(
    readFileSync(path.join(CORPUS_ROOT, 'EXPECTED_INVALID_CANDIDATES.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
  const uses: Use[] = [];
  for (const row of manifest.split('\n')) {
    const [file, kind, dialect] = row.split('\t');
    if (kind !== 'ipsec.conf' || dialect === undefined || !isDialect(dialect) || invalid.has(file)) continue;
    let section: SectionKind | undefined;
    readFileSync(path.join(CORPUS_ROOT, file), 'latin1')
      .split('\n')
      .forEach((text, i) => {
        if (/^config\s+setup\b/.test(text)) section = 'config';
        else if (/^conn\s/.test(text)) section = 'conn';
        else if (/^ca\s/.test(text)) section = 'ca';
        else if (/^[^\s#]/.test(text)) section = undefined;
        const m = /^\s+([A-Za-z0-9_.-]+)\s*=/.exec(text);
        if (m !== null) uses.push({ file, line: i + 1, key: m[1], section, dialect });
      });
  }
  return uses;
}

describe('ipsec.conf keywords used in the corpus', () => {
  const uses = existsSync(CORPUS_ROOT) ? corpusUses() : [];

  it('reads a sizeable corpus', () => {
    assert.ok(existsSync(CORPUS_ROOT), `the upstream corpus is expected at ${CORPUS_ROOT} (../shared/corpus)`);
    assert.ok(uses.length > 10000, `only ${uses.length} keys`);
  });

  it('knows every key for its file\'s dialect and section', () => {
    const problems: string[] = [];
    const seenKnownBad = new Set<string>();
    for (const u of uses) {
      const where = `${u.file}:${u.line}`;
      const r = lookupKeyword(u.key, u.dialect, VERSION[u.dialect]);
      const ok = r.status !== 'unknown' && r.status !== 'removed' && (u.section === undefined || r.sections.includes(u.section));
      if (ok) continue;
      if (KNOWN_BAD[where] === u.key) {
        seenKnownBad.add(where);
        continue;
      }
      problems.push(`${where}: ${u.key} (${u.dialect}, ${u.section ?? '?'}) -> ${r.status}`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual([...seenKnownBad].sort(), Object.keys(KNOWN_BAD).sort(), 'a reviewed exception no longer occurs');
  });
});
