import { DIALECT_TRAITS } from './dialects';
import { IPSEC_CONF_KEYWORDS } from './keywords';
import type { Availability, Dialect, DialectAvailability, KeywordInfo, SectionKind, Status, ValueType } from './types';
import { compareVersions, expandVersion, rangeMatches, traitValues } from './versions';
import { editDistance } from '../../text/editDistance';

export type Side = 'left' | 'right';
/** `comment`: an `x-…`/`x_…` user key that the parser keeps as a comment. */
export type LookupStatus = Status | 'unknown' | 'comment';

export interface KeywordLookup {
  /** The key as written. */
  readonly name: string;
  readonly status: LookupStatus;
  /** The knowledge entry, also for `unknown` when another dialect knows the name. */
  readonly entry?: KeywordInfo;
  readonly side?: Side;
  /** The dialect's availability, merged over the releases the version stands for. */
  readonly availability?: Availability;
  /** Sections the dialect accepts the key in (empty when unknown). */
  readonly sections: readonly SectionKind[];
  readonly type?: ValueType;
  readonly default?: string;
  /** Full key to write instead, side included; `leftX/rightX` when a plain key became a per-end one. */
  readonly replacement?: string;
  /** Full key of the same setting under another spelling. */
  readonly sameAs?: string;
  readonly note?: string;
}

const STATUS_RANK: Readonly<Record<Status, number>> = { valid: 3, deprecated: 2, ignored: 1, removed: 0 };
const NO_SECTIONS: readonly SectionKind[] = [];

function asList(a: DialectAvailability): readonly Availability[] {
  return 'status' in a ? [a] : a;
}

function mergeTypes(types: readonly ValueType[]): ValueType | undefined {
  const values = new Set<string>();
  for (const t of types) {
    if (t.kind !== 'enum') return undefined;
    for (const v of t.values) values.add(v);
  }
  return { kind: 'enum', values: [...values] };
}

/**
 * How the dialect treats the entry in the given version. A version that stands for several
 * releases (`4`, or none at all) gets the most permissive treatment among them, so that a
 * check never reports an error some of those releases would not.
 */
export function availabilityFor(entry: KeywordInfo, dialect: Dialect, version?: string): Availability | undefined {
  const raw = entry.dialects[dialect];
  if (raw === undefined) return undefined;
  const versions = expandVersion(dialect, version);
  const matching = asList(raw).filter((r) => rangeMatches(r, versions));
  let best: Availability | undefined;
  for (const r of matching) {
    if (best === undefined || STATUS_RANK[r.status] >= STATUS_RANK[best.status]) best = r;
  }
  if (best === undefined) return undefined;
  const status = best.status;
  const sameStatus = matching.filter((r) => r.status === status);
  const distinctTypes = new Set(sameStatus.map((r) => JSON.stringify(r.type ?? entry.type)));
  if (distinctTypes.size > 1) {
    const merged = mergeTypes(sameStatus.map((r) => r.type ?? entry.type));
    if (merged !== undefined) return { ...best, type: merged };
  }
  return best;
}

/** One default of a keyword over a run of releases, and what distribution packages make of it. */
export interface ReleaseDefault {
  readonly value: string;
  /** The first release it holds for; absent for the oldest. */
  readonly from?: string;
  readonly packaged: readonly { readonly value: string; readonly by: string }[];
}

/** The defaults a keyword has over the releases a version stands for, oldest first; runs of one value are merged. */
export function defaultsFor(entry: KeywordInfo, dialect: Dialect, version?: string): readonly ReleaseDefault[] {
  const raw = entry.dialects[dialect];
  if (raw === undefined) return [];
  const versions = expandVersion(dialect, version);
  const ranges = asList(raw)
    .filter((r) => r.status !== 'removed' && rangeMatches(r, versions))
    .sort((a, b) => (a.from === undefined ? -1 : b.from === undefined ? 1 : compareVersions(a.from, b.from)));
  const out: ReleaseDefault[] = [];
  for (const range of ranges) {
    const value = range.default ?? entry.default;
    if (value === undefined) continue;
    const packaged = range.packagedDefault ? [range.packagedDefault] : [];
    const last = out[out.length - 1];
    if (last?.value === value) out[out.length - 1] = { ...last, packaged: [...last.packaged, ...packaged] };
    else out.push({ value, from: out.length === 0 ? undefined : range.from, packaged });
  }
  return out;
}

function fold(dialect: Dialect, s: string): string {
  return DIALECT_TRAITS[dialect].caseInsensitiveKeys ? s.toLowerCase() : s;
}

function index(leftRight: boolean): ReadonlyMap<string, readonly KeywordInfo[]> {
  const map = new Map<string, KeywordInfo[]>();
  for (const k of IPSEC_CONF_KEYWORDS) {
    if (k.leftRight !== leftRight) continue;
    const list = map.get(k.name) ?? [];
    list.push(k);
    map.set(k.name, list);
  }
  return map;
}

const PLAIN = index(false);
const LEFT_RIGHT = index(true);

/** The full key for a replacement or synonym, which may be a left/right keyword or a plain one. */
function fullName(entry: KeywordInfo, side: Side | undefined, target: string): string {
  const plain = PLAIN.has(target);
  const perEnd = LEFT_RIGHT.has(target);
  if (entry.leftRight && perEnd) return `${side ?? 'right'}${target}`;
  if (!plain && perEnd) return `left${target}/right${target}`;
  return target;
}

function found(name: string, entry: KeywordInfo, a: Availability, side?: Side): KeywordLookup {
  return {
    name,
    status: a.status,
    entry,
    side,
    availability: a,
    sections: a.sections ?? entry.sections,
    type: a.type ?? entry.type,
    default: a.default ?? entry.default,
    replacement: a.replacement === undefined ? undefined : fullName(entry, side, a.replacement),
    sameAs: a.sameAs === undefined ? undefined : fullName(entry, side, a.sameAs),
    note: a.note,
  };
}

function firstAvailable(
  entries: readonly KeywordInfo[] | undefined,
  dialect: Dialect,
  version: string | undefined,
): { entry: KeywordInfo; availability: Availability } | undefined {
  for (const entry of entries ?? []) {
    const availability = availabilityFor(entry, dialect, version);
    if (availability !== undefined) return { entry, availability };
  }
  return undefined;
}

const BARE_RANK = { right: 3, 'right-with-warning': 2, error: 1, unknown: 0 } as const;

function bareLeftRight(name: string, dialect: Dialect, version: string | undefined): KeywordLookup | undefined {
  const hit = firstAvailable(LEFT_RIGHT.get(name), dialect, version);
  if (hit === undefined || name === '') return undefined;
  const modes = traitValues(DIALECT_TRAITS[dialect].bareLeftRight, expandVersion(dialect, version));
  const mode = modes.reduce<keyof typeof BARE_RANK>((m, v) => (BARE_RANK[v] > BARE_RANK[m] ? v : m), 'unknown');
  if (mode === 'unknown') return undefined;
  const base = found(name, hit.entry, hit.availability, 'right');
  if (hit.availability.status === 'removed' || hit.availability.status === 'ignored') return { ...base, side: undefined };
  if (mode === 'error') {
    return { ...base, status: 'removed', side: undefined, replacement: undefined, note: `Needs a side: left${name}= or right${name}=.` };
  }
  const status = hit.availability.status === 'valid' ? 'deprecated' : hit.availability.status;
  return { ...base, status, replacement: `right${name}`, note: `it is read as right${name}=; write the side explicitly` };
}

/** Per dialect and version, the answers so far, by key as written. */
const lookupMemo = new Map<Dialect, Map<string, Map<string, KeywordLookup>>>();
/** Distinct keys seen in a workspace are few; the bound only guards against pasted garbage. */
const MAX_MEMO_ENTRIES = 20000;

/**
 * Resolves a key as written in a section of ipsec.conf: `leftid`, `right-subnet` (Libreswan 5),
 * aliases, obsolete and removed keys, and `x-` comment keys. Answers are shared: callers must not change them.
 */
export function lookupKeyword(name: string, dialect: Dialect, version?: string): KeywordLookup {
  let byVersion = lookupMemo.get(dialect);
  if (byVersion === undefined) {
    byVersion = new Map();
    lookupMemo.set(dialect, byVersion);
  }
  let byName = byVersion.get(version ?? '');
  if (byName === undefined) {
    byName = new Map();
    byVersion.set(version ?? '', byName);
  }
  let lookup = byName.get(name);
  if (lookup === undefined) {
    if (byName.size >= MAX_MEMO_ENTRIES) byName.clear();
    lookup = computeLookup(name, dialect, version);
    byName.set(name, lookup);
  }
  return lookup;
}

function computeLookup(name: string, dialect: Dialect, version?: string): KeywordLookup {
  const traits = DIALECT_TRAITS[dialect];
  const key = fold(dialect, name);
  const versions = expandVersion(dialect, version);

  const plain = firstAvailable(PLAIN.get(key), dialect, version);
  if (plain !== undefined) return found(name, plain.entry, plain.availability);

  for (const side of ['left', 'right'] as const) {
    if (!key.startsWith(side)) continue;
    let base = key.slice(side.length);
    if (base.startsWith('-') && base.length > 1 && traitValues(traits.dashAfterSide, versions).includes(true)) {
      base = base.slice(1);
    }
    const hit = firstAvailable(LEFT_RIGHT.get(base), dialect, version);
    if (hit !== undefined) return found(name, hit.entry, hit.availability, side);
  }

  const bare = bareLeftRight(key, dialect, version);
  if (bare !== undefined) return bare;

  if (/^x[-_]/i.test(name)) {
    const modes = traitValues(traits.commentKeys, versions);
    if (modes.includes('silent') || modes.includes('warning')) {
      const note = modes.includes('silent') ? 'User comment key; the parser keeps it and ignores it.' : 'User comment key; the parser ignores it with a warning.';
      return { name, status: 'comment', sections: traits.sections, note };
    }
  }

  const lower = name.toLowerCase();
  const elsewhere = PLAIN.get(lower)?.[0] ?? LEFT_RIGHT.get(lower.replace(/^(left|right)-?/, ''))?.[0];
  return { name, status: 'unknown', entry: elsewhere, sections: NO_SECTIONS };
}

export function isAllowedIn(lookup: KeywordLookup, section: SectionKind): boolean {
  return lookup.sections.includes(section);
}

export interface KeywordCandidate {
  /** Full key, e.g. `leftsubnet`. */
  readonly name: string;
  readonly entry: KeywordInfo;
  readonly side?: Side;
  readonly status: 'valid' | 'deprecated';
  readonly availability: Availability;
}

const candidateCache = new Map<string, readonly KeywordCandidate[]>();

/** Keys a section accepts in the dialect, left/right ones expanded; removed and ignored keys left out. */
export function keywordsFor(section: SectionKind, dialect: Dialect, version?: string): readonly KeywordCandidate[] {
  const cacheKey = `${section}|${dialect}|${version ?? ''}`;
  const cached = candidateCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const out: KeywordCandidate[] = [];
  for (const entry of IPSEC_CONF_KEYWORDS) {
    const a = availabilityFor(entry, dialect, version);
    if (a === undefined || (a.status !== 'valid' && a.status !== 'deprecated')) continue;
    if (!(a.sections ?? entry.sections).includes(section)) continue;
    const status = a.status;
    if (entry.leftRight) {
      for (const side of ['left', 'right'] as const) {
        out.push({ name: `${side}${entry.name}`, entry, side, status, availability: a });
      }
    } else {
      out.push({ name: entry.name, entry, status, availability: a });
    }
  }
  out.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  candidateCache.set(cacheKey, out);
  return out;
}

export { editDistance };

export type SuggestionReason = 'replacement' | 'addSide' | 'dropSide' | 'otherSection' | 'typo';

export interface KeywordSuggestion {
  readonly name: string;
  readonly reason: SuggestionReason;
  readonly distance: number;
}

function maxDistance(length: number): number {
  return length <= 4 ? 1 : length <= 7 ? 2 : 3;
}

/**
 * Did-you-mean for a key the section does not accept: the dialect's replacement for an old
 * key, a missing or superfluous left/right side, the section the key belongs to, or a
 * close spelling (typos, swapped letters such as `rigthid`). Best first, at most five.
 */
export function suggestKeyword(name: string, section: SectionKind, dialect: Dialect, version?: string): readonly KeywordSuggestion[] {
  const key = fold(dialect, name);
  const out: KeywordSuggestion[] = [];
  const add = (s: KeywordSuggestion): void => {
    if ((s.name !== key || s.reason === 'otherSection') && !out.some((o) => o.name === s.name)) out.push(s);
  };
  const lookup = lookupKeyword(name, dialect, version);
  if (lookup.status === 'valid' && lookup.sections.includes(section)) return out;
  const here = keywordsFor(section, dialect, version).filter((c) => c.status === 'valid');
  const hereNames = new Set(here.map((c) => c.name));

  if (lookup.replacement !== undefined && lookup.status !== 'valid') {
    for (const r of lookup.replacement.split('/')) add({ name: r, reason: 'replacement', distance: 0 });
  }
  const lowered = name.toLowerCase();
  if (lowered !== name && hereNames.has(lowered)) add({ name: lowered, reason: 'typo', distance: 1 });
  if (key !== '' && LEFT_RIGHT.has(key) && hereNames.has(`left${key}`)) {
    add({ name: `left${key}`, reason: 'addSide', distance: 0 });
    add({ name: `right${key}`, reason: 'addSide', distance: 0 });
  }
  const sideless = key.replace(/^(left|right)-?/, '');
  if (sideless !== key && hereNames.has(sideless)) add({ name: sideless, reason: 'dropSide', distance: 0 });
  if (lookup.status !== 'unknown' && lookup.status !== 'comment' && !lookup.sections.includes(section)) {
    add({ name, reason: 'otherSection', distance: 0 });
  }

  const limit = maxDistance(key.length);
  const typos = here
    .map((c) => ({ name: c.name, reason: 'typo' as const, distance: editDistance(key, c.name, limit) }))
    .filter((s) => s.distance > 0 && s.distance <= limit)
    .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name));
  for (const t of typos) add(t);
  return out.slice(0, 5);
}
