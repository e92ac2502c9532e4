import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DIALECT_TRAITS } from '../../../server/src/knowledge/ipsecConf/dialects';
import { IPSEC_CONF_KEYWORDS } from '../../../server/src/knowledge/ipsecConf/keywords';
import { availabilityFor, keywordsFor, lookupKeyword, suggestKeyword } from '../../../server/src/knowledge/ipsecConf/lookup';
import { lookupSecretType, secretTypesFor, suggestSecretType } from '../../../server/src/knowledge/ipsecConf/secrets';
import { KEYWORD_SOURCES } from '../../../server/src/knowledge/ipsecConf/sources';
import { DIALECTS, type Availability, type Dialect, type SectionKind, type ValueType } from '../../../server/src/knowledge/ipsecConf/types';
import { compareVersions, expandVersion } from '../../../server/src/knowledge/ipsecConf/versions';

function asList(a: Availability | readonly Availability[]): readonly Availability[] {
  return 'status' in a ? [a] : a;
}

function enumValues(t: ValueType | undefined): readonly string[] | undefined {
  return t?.kind === 'enum' ? t.values : undefined;
}

/** Source tables spell one key `dns-match-id,`; the comma is a typo in Libreswan's table. */
function sourceName(raw: string): string {
  return raw.replace(/,$/, '');
}

describe('primary-source keyword names', () => {
  for (const source of KEYWORD_SOURCES) {
    it(`${source.dialect} ${source.version}: every name resolves in its section`, () => {
      const problems: string[] = [];
      const check = (name: string, sections: readonly SectionKind[]): void => {
        const r = lookupKeyword(name, source.dialect, source.version);
        if (r.status === 'unknown') problems.push(`${name}: unknown`);
        else if (!sections.every((s) => r.sections.includes(s))) problems.push(`${name}: in ${r.sections.join('/')}, source says ${sections.join('/')}`);
      };
      for (const n of source.config) check(sourceName(n), ['config']);
      for (const n of source.conn) check(sourceName(n), ['conn']);
      for (const n of source.ca) check(n, ['ca']);
      for (const n of source.connAndCa) check(n, ['conn', 'ca']);
      for (const n of source.leftRight) {
        check(`left${n}`, ['conn']);
        check(`right${n}`, ['conn']);
      }
      assert.deepEqual(problems, []);
    });
  }

  it(`claims no accepted keyword the source does not list`, () => {
    const problems: string[] = [];
    for (const source of KEYWORD_SOURCES) {
      const listed = new Set([...source.config, ...source.conn, ...source.ca, ...source.connAndCa].map(sourceName));
      const listedLeftRight = new Set(source.leftRight);
      for (const k of IPSEC_CONF_KEYWORDS) {
        const a = availabilityFor(k, source.dialect, source.version);
        if (a === undefined || a.status === 'removed') continue;
        const known = k.leftRight
          ? listedLeftRight.has(k.name) || (listed.has(`left${k.name}`) && listed.has(`right${k.name}`))
          : listed.has(k.name);
        if (!known) problems.push(`${source.dialect} ${source.version}: ${k.leftRight ? 'left/right ' : ''}${k.name} is ${a.status}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('keeps the source lists non-trivial', () => {
    for (const s of KEYWORD_SOURCES) assert.ok(s.config.length + s.conn.length + s.leftRight.length > 80, s.origin);
  });
});

describe('keyword entries', () => {
  it('have a doc, a type, sections and at least one dialect', () => {
    for (const k of IPSEC_CONF_KEYWORDS) {
      const id = k.leftRight ? `left${k.name}` : k.name;
      assert.ok(k.doc.trim().length > 10, `${id}: doc`);
      assert.ok(k.type !== undefined, `${id}: type`);
      assert.ok(k.sections.length > 0, `${id}: sections`);
      assert.ok(Object.keys(k.dialects).length > 0, `${id}: dialects`);
    }
  });

  it('are unique by name and side', () => {
    const ids = IPSEC_CONF_KEYWORDS.map((k) => `${k.leftRight ? 'lr:' : ''}${k.name}`);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('have defaults that fit their enum and yes/no types', () => {
    for (const k of IPSEC_CONF_KEYWORDS) {
      for (const dialect of DIALECTS) {
        const raw = k.dialects[dialect];
        if (raw === undefined) continue;
        for (const a of asList(raw)) {
          if (a.status === 'removed') continue;
          const type = a.type ?? k.type;
          const def = a.default ?? k.default;
          if (def === undefined) continue;
          const values = enumValues(type);
          if (values !== undefined) assert.ok(values.includes(def), `${k.name} (${dialect}): default ${def} not in ${values.join(',')}`);
          if (type.kind === 'yesno') {
            const spellings = DIALECT_TRAITS[dialect].yesNo.flatMap((y) => y.value);
            assert.ok(spellings.includes(def), `${k.name} (${dialect}): default ${def} is not yes/no`);
          }
        }
      }
    }
  });

  it('use only sections and versions their dialect knows', () => {
    for (const k of IPSEC_CONF_KEYWORDS) {
      for (const dialect of DIALECTS) {
        const raw = k.dialects[dialect];
        if (raw === undefined) continue;
        const traits = DIALECT_TRAITS[dialect];
        for (const a of asList(raw)) {
          for (const s of a.sections ?? k.sections) assert.ok(traits.sections.includes(s), `${k.name} (${dialect}): section ${s}`);
          for (const v of [a.from, a.until]) {
            if (v !== undefined) assert.ok(traits.releases.includes(v), `${k.name} (${dialect}): version ${v}`);
          }
        }
      }
    }
  });

  it('point replacements and synonyms at keywords the dialect knows', () => {
    for (const k of IPSEC_CONF_KEYWORDS) {
      const key = k.leftRight ? `left${k.name}` : k.name;
      for (const dialect of DIALECTS) {
        const raw = k.dialects[dialect];
        if (raw === undefined) continue;
        for (const a of asList(raw)) {
          const version = a.from ?? a.until;
          const r = lookupKeyword(key, dialect, a.from ?? (a.until === undefined ? undefined : DIALECT_TRAITS[dialect].releases[0]));
          for (const target of [r.replacement, r.sameAs]) {
            for (const full of target?.split('/') ?? []) {
              const t = lookupKeyword(full, dialect);
              assert.ok(t.status === 'valid' || t.status === 'deprecated', `${key} (${dialect} ${version ?? ''}) -> ${full}: ${t.status}`);
            }
          }
        }
      }
    }
  });
});

describe('lookupKeyword', () => {
  it('resolves left/right keys to the base entry with the side', () => {
    const r = lookupKeyword('rightid', 'libreswan', '5');
    assert.equal(r.status, 'valid');
    assert.equal(r.entry?.name, 'id');
    assert.equal(r.side, 'right');
    assert.deepEqual(r.sections, ['conn']);
    assert.equal(lookupKeyword('left', 'strongswan').entry?.name, '');
  });

  it('accepts left-subnet only in Libreswan 5', () => {
    assert.equal(lookupKeyword('left-subnet', 'libreswan', '5.0').status, 'valid');
    assert.equal(lookupKeyword('left-subnet', 'libreswan', '4.15').status, 'unknown');
    assert.equal(lookupKeyword('left-subnet', 'strongswan').status, 'unknown');
  });

  it('folds case like each parser', () => {
    assert.equal(lookupKeyword('LeftID', 'libreswan', '5').status, 'valid');
    assert.equal(lookupKeyword('LeftID', 'openswan').status, 'valid');
    assert.equal(lookupKeyword('LeftID', 'strongswan').status, 'unknown');
  });

  it('treats x- and x_ keys as comments except in strongSwan', () => {
    assert.equal(lookupKeyword('x-owner', 'libreswan', '4.10').status, 'comment');
    assert.equal(lookupKeyword('X_owner', 'libreswan', '5.4').status, 'comment');
    assert.equal(lookupKeyword('x-owner', 'openswan').status, 'comment');
    assert.equal(lookupKeyword('x-owner', 'strongswan').status, 'unknown');
    assert.equal(DIALECT_TRAITS.strongswan.unknownKeyword, 'skipped');
    assert.equal(DIALECT_TRAITS.libreswan.unknownKeyword, 'error');
  });

  it('reports names no dialect knows as unknown without an entry', () => {
    const r = lookupKeyword('frobnicate', 'libreswan', '5');
    assert.equal(r.status, 'unknown');
    assert.equal(r.entry, undefined);
  });

  it('knows Libreswan 4 refuses keyexchange=ikev2 while 5 accepts it', () => {
    assert.deepEqual(enumValues(lookupKeyword('keyexchange', 'libreswan', '4.10').type), ['ike']);
    assert.deepEqual(enumValues(lookupKeyword('keyexchange', 'libreswan', '4').type), ['ike']);
    assert.ok(enumValues(lookupKeyword('keyexchange', 'libreswan', '5.0').type)?.includes('ikev2'));
    assert.ok(enumValues(lookupKeyword('keyexchange', 'libreswan', '5').type)?.includes('ikev1'));
    assert.equal(lookupKeyword('ikev2', 'libreswan', '4.10').status, 'valid');
    assert.equal(lookupKeyword('ikev2', 'libreswan', '5.4').status, 'deprecated');
    assert.equal(lookupKeyword('ikev2', 'libreswan', '5.4').replacement, 'keyexchange');
  });

  it('knows what Libreswan does with Openswan keys', () => {
    for (const version of ['4', '4.10', '5', '5.4']) {
      assert.equal(lookupKeyword('nat_traversal', 'libreswan', version).status, 'removed', version);
      assert.equal(lookupKeyword('disablearrivalcheck', 'libreswan', version).status, 'removed', version);
    }
    assert.equal(lookupKeyword('nat_traversal', 'openswan').status, 'valid');
    assert.equal(lookupKeyword('nat_traversal', 'strongswan').status, 'ignored');
    assert.equal(lookupKeyword('disablearrivalcheck', 'openswan').status, 'valid');
    assert.equal(lookupKeyword('disablearrivalcheck', 'strongswan').status, 'unknown');
  });

  it('knows auth= is phase 2 in Openswan but a sideless leftauth in Libreswan', () => {
    const os = lookupKeyword('auth', 'openswan');
    assert.equal(os.status, 'valid');
    assert.ok(enumValues(os.type)?.includes('esp'));
    const ls4 = lookupKeyword('auth', 'libreswan', '4.10');
    assert.equal(ls4.status, 'deprecated');
    assert.equal(ls4.replacement, 'rightauth');
    assert.ok(!enumValues(ls4.type)?.includes('esp'), 'auth=esp is a bad value for rightauth');
    assert.equal(lookupKeyword('auth', 'libreswan', '5.4').status, 'removed');
    assert.equal(lookupKeyword('subnet', 'libreswan', '5.4').status, 'removed');
    assert.equal(lookupKeyword('auth', 'strongswan', '5.0.0').status, 'valid');
    assert.equal(lookupKeyword('auth', 'strongswan', '5.9.14').status, 'removed');
    assert.equal(lookupKeyword('subnet', 'strongswan').status, 'unknown');
  });

  it('knows keys Libreswan 5 ignores with a warning', () => {
    assert.equal(lookupKeyword('dpdaction', 'libreswan', '4.15').status, 'valid');
    assert.equal(lookupKeyword('dpdaction', 'libreswan', '5.0').status, 'ignored');
    assert.equal(lookupKeyword('keyingtries', 'libreswan', '5.2').status, 'valid');
    assert.equal(lookupKeyword('keyingtries', 'libreswan', '5.3').status, 'ignored');
    assert.equal(lookupKeyword('virtual_private', 'libreswan', '5.4').status, 'ignored');
    assert.equal(lookupKeyword('forceencaps', 'libreswan', '4.15').status, 'ignored');
    assert.equal(lookupKeyword('forceencaps', 'libreswan', '5.0').status, 'removed');
  });

  it('knows strongSwan drops pfs and other deprecated keys', () => {
    for (const key of ['pfs', 'pfsgroup', 'eap', 'leftnexthop', 'plutodebug', 'ldaphost']) {
      assert.equal(lookupKeyword(key, 'strongswan').status, 'ignored', key);
    }
    assert.equal(lookupKeyword('pfs', 'libreswan', '5').status, 'valid');
  });

  it('knows Libreswan cannot parse dns-match-id', () => {
    const r = lookupKeyword('dns-match-id', 'libreswan', '5');
    assert.equal(r.status, 'removed');
    assert.match(r.note ?? '', /comma/);
  });

  it('tracks keywords added in later releases', () => {
    assert.equal(lookupKeyword('ikev1-policy', 'libreswan', '4.1').status, 'unknown');
    assert.equal(lookupKeyword('ikev1-policy', 'libreswan', '4.2').status, 'valid');
    assert.equal(lookupKeyword('ikev1-policy', 'libreswan', '5').default, 'drop');
    assert.equal(lookupKeyword('ikev1-policy', 'libreswan', '4.15').default, 'accept');
    assert.equal(lookupKeyword('fragmentation', 'strongswan', '5.0.1').status, 'unknown');
    assert.equal(lookupKeyword('fragmentation', 'strongswan', '5.0.2').status, 'valid');
    assert.equal(lookupKeyword('leftsigkey', 'strongswan', '5.0.4').status, 'unknown');
    assert.equal(lookupKeyword('leftrsasigkey', 'strongswan', '5.9.14').sameAs, 'leftsigkey');
  });

  it('scopes keys to sections', () => {
    assert.deepEqual(lookupKeyword('uniqueids', 'strongswan').sections, ['config']);
    assert.deepEqual([...lookupKeyword('auto', 'strongswan').sections].sort(), ['ca', 'conn']);
    assert.deepEqual(lookupKeyword('auto', 'libreswan', '5').sections, ['conn']);
    assert.deepEqual(lookupKeyword('cacert', 'strongswan').sections, ['ca']);
  });
});

describe('keywordsFor', () => {
  it('lists left/right names and leaves out removed and ignored keys', () => {
    const names = keywordsFor('conn', 'libreswan', '5').map((c) => c.name);
    assert.ok(names.includes('leftid') && names.includes('rightid') && names.includes('left') && names.includes('right'));
    assert.ok(!names.includes('id'));
    assert.ok(!names.includes('nat_traversal'));
    assert.ok(!keywordsFor('conn', 'libreswan', '5.4').some((c) => c.name === 'dpdaction'));
    assert.ok(keywordsFor('config', 'strongswan').some((c) => c.name === 'charondebug'));
    assert.ok(!keywordsFor('config', 'strongswan').some((c) => c.name === 'leftid'));
    assert.ok(keywordsFor('ca', 'strongswan').some((c) => c.name === 'auto'));
    assert.equal(keywordsFor('ca', 'libreswan').length, 0);
  });

  it('returns the cached list on repeated calls', () => {
    assert.equal(keywordsFor('conn', 'openswan'), keywordsFor('conn', 'openswan'));
  });
});

describe('suggestKeyword', () => {
  const names = (dialect: Dialect, name: string, section: SectionKind = 'conn', version?: string): string[] =>
    suggestKeyword(name, section, dialect, version).map((s) => s.name);

  it('finds keyingtries for keyingretries', () => {
    assert.ok(names('strongswan', 'keyingretries').includes('keyingtries'));
    assert.ok(names('openswan', 'keyingretries').includes('keyingtries'));
    assert.ok(names('libreswan', 'keyingretries', 'conn', '4.15').includes('keyingtries'));
  });

  it('finds rightid for rigthid', () => {
    for (const d of DIALECTS) assert.equal(names(d, 'rigthid')[0], 'rightid', d);
  });

  it('adds or drops the side', () => {
    const s = suggestKeyword('subnet', 'conn', 'libreswan', '5.4');
    assert.deepEqual(s.filter((x) => x.reason === 'addSide').map((x) => x.name), ['leftsubnet', 'rightsubnet']);
    assert.ok(suggestKeyword('leftauto', 'conn', 'strongswan').some((x) => x.reason === 'dropSide' && x.name === 'auto'));
  });

  it('offers the replacement of an old key', () => {
    assert.equal(names('libreswan', 'sha2_truncbug', 'conn', '5')[0], 'sha2-truncbug');
    assert.equal(names('strongswan', 'mark-in')[0], 'mark_in');
  });

  it('fixes the case of strongSwan keys', () => {
    assert.equal(names('strongswan', 'LeftID')[0], 'leftid');
    assert.deepEqual(names('libreswan', 'LeftID'), []);
  });

  it('points to the right section', () => {
    assert.ok(suggestKeyword('uniqueids', 'conn', 'strongswan').some((x) => x.reason === 'otherSection'));
  });
});

describe('versions', () => {
  it('compares numerically', () => {
    assert.ok(compareVersions('4.9', '4.10') < 0);
    assert.equal(compareVersions('2.6.01', '2.6.1'), 0);
  });

  it('expands a major version to its releases', () => {
    assert.equal(expandVersion('libreswan', '4')?.length, 16);
    assert.deepEqual(expandVersion('libreswan', '5.3'), ['5.3', '5.3.1', '5.3.2']);
    assert.deepEqual(expandVersion('libreswan', '6.0'), ['6.0']);
  });

  it('merges a partial version permissively', () => {
    const entry = IPSEC_CONF_KEYWORDS.find((k) => k.name === 'keyingtries' && !k.leftRight);
    assert.ok(entry !== undefined);
    assert.equal(availabilityFor(entry, 'libreswan', '5')?.status, 'valid');
    assert.equal(availabilityFor(entry, 'libreswan', '5.4')?.status, 'ignored');
  });
});

describe('ipsec.secrets types', () => {
  it('knows which dialect takes which type', () => {
    assert.equal(lookupSecretType('PSK', 'openswan').status, 'valid');
    assert.equal(lookupSecretType('psk', 'libreswan').status, 'valid');
    assert.equal(lookupSecretType('psk', 'strongswan').status, 'unknown');
    assert.equal(lookupSecretType('PPKS', 'libreswan').status, 'valid');
    assert.equal(lookupSecretType('PPKS', 'strongswan').status, 'unknown');
    assert.equal(lookupSecretType('EAP', 'strongswan').status, 'valid');
    assert.equal(lookupSecretType('EAP', 'libreswan').status, 'unknown');
    assert.equal(lookupSecretType('P12', 'strongswan', '5.0.4').status, 'unknown');
    assert.equal(lookupSecretType('P12', 'strongswan', '5.1.0').status, 'valid');
    assert.equal(lookupSecretType('RSA', 'libreswan', '4.4').status, 'valid');
    assert.equal(lookupSecretType('RSA', 'libreswan', '4.5').status, 'removed');
    assert.equal(lookupSecretType('PIN', 'openswan', '2.6.52.3').status, 'removed');
  });

  it('lists and suggests types', () => {
    assert.deepEqual(secretTypesFor('libreswan', '5').map((t) => t.name), ['PSK', 'XAUTH', 'PPKS']);
    assert.equal(suggestSecretType('PKCS12', 'strongswan')[0], 'P12');
    assert.deepEqual(suggestSecretType('psk', 'strongswan'), ['PSK']);
    assert.ok(suggestSecretType('PKS', 'libreswan').includes('PSK'));
  });
});
