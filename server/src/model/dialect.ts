import { compareVersions, DIALECT_TRAITS, isKnownRelease, lookupKeyword } from '../knowledge/ipsecConf';
import type { ParsedDocument } from './document';

export type DialectName = 'openswan' | 'libreswan' | 'strongswan';

export interface DialectChoice {
  readonly dialect: DialectName;
  /** Major version where it matters (Libreswan 4 or 5). */
  readonly version?: string;
  readonly source: 'comment' | 'setting' | 'detected';
  /** Why, in words a user understands: shown in hover and the status bar. */
  readonly reason: string;
  /** The release a comment pins when it is older than every modelled one (Libreswan 3.25): judged as the modelled ones, saying less. */
  readonly olderRelease?: string;
}

/** The result when nothing decides: checks then only raise what every dialect rejects. */
export interface DialectGuess {
  readonly choice?: DialectChoice;
  /** Dialects the files are still compatible with. */
  readonly plausible: readonly DialectName[];
}

/**
 * Narrows dialects that know every key of the files to those that also take every value: the
 * one left, with why the others do not fit. Kept apart because the value readers are the
 * checks' own.
 */
export type ValueFit = (candidates: readonly DialectName[], documents: readonly ParsedDocument<'ipsec'>[]) => { readonly dialect: DialectName; readonly reason: string } | undefined;

/** The choices menus offer; a setting may also name a release (`libreswan-5.2`, `strongswan-5.9.8`). */
export const DIALECT_SETTING_VALUES = ['auto', 'openswan', 'libreswan-3', 'libreswan-4', 'libreswan-5', 'strongswan', 'strongswan-5', 'strongswan-6'] as const;
export type DialectSetting = 'auto' | DialectName | `${DialectName}-${string}`;

/** `# ipsec-dialect: libreswan-5.2`: the daemon (and optionally its release) a file is written for. */
export const DIALECT_COMMENT = /#\s*ipsec-dialect:\s*(openswan|libreswan|strongswan)(?:-(\d+(?:\.\d+){0,3}))?/i;

const DIALECT_NAMES: readonly DialectName[] = ['openswan', 'libreswan', 'strongswan'];

interface Signal {
  /** Keys that give the evidence, with this value only when one is given. */
  readonly keys: readonly string[];
  readonly value?: string;
  readonly dialect: DialectName;
  readonly what: string;
}

/** Evidence a keyword or value gives for each dialect, from what each daemon accepts. */
const SIGNALS: readonly Signal[] = [
  { keys: ['charondebug', 'charonstart', 'plutostart'], dialect: 'strongswan', what: 'charondebug' },
  { keys: ['keyexchange'], value: 'ike', dialect: 'strongswan', what: 'keyexchange=ike' },
  { keys: ['leftauth2', 'rightauth2', 'eap_identity', 'aaa_identity'], dialect: 'strongswan', what: 'leftauth2/eap_identity' },
  { keys: ['reauth'], dialect: 'strongswan', what: 'reauth' },
  { keys: ['nat_traversal', 'virtual_private', 'klipsdebug', 'plutoopts'], dialect: 'openswan', what: 'nat_traversal/virtual_private' },
  { keys: ['disablearrivalcheck', 'oe'], dialect: 'openswan', what: 'disablearrivalcheck/oe' },
  { keys: ['virtual-private', 'logfile', 'ikev1-policy', 'dumpdir'], dialect: 'libreswan', what: 'virtual-private/logfile' },
  { keys: ['protostack'], value: 'xfrm', dialect: 'libreswan', what: 'protostack=xfrm' },
];

/**
 * Fedora's and RHEL's Libreswan package ships an ipsec.conf that includes the system-wide crypto
 * policy written for Libreswan; no other daemon's package reads that file.
 */
const CRYPTO_POLICY_INCLUDE = /\/crypto-policies\/back-ends\/libreswan\.config$/;
const CRYPTO_POLICY_SIGNAL: Signal = { keys: [], dialect: 'libreswan', what: 'the crypto-policies include' };

/** The signals by key: most keys give none, and are passed over with one lookup. */
const SIGNALS_BY_KEY = new Map<string, Signal[]>();
for (const signal of SIGNALS) {
  for (const key of signal.keys) SIGNALS_BY_KEY.set(key, [...(SIGNALS_BY_KEY.get(key) ?? []), signal]);
}

/**
 * Decides which daemon a node's files are written for: a `# ipsec-dialect:` comment wins,
 * then the `ipsec.dialect` setting, then what the files say. Without evidence there is no
 * choice, and checks hold back anything one plausible daemon accepts.
 */
export function detectDialect(documents: readonly ParsedDocument<'ipsec'>[], setting: DialectSetting = 'auto', valueFit?: ValueFit): DialectGuess {
  for (const document of documents) {
    const { comment } = factsOf(document);
    if (!comment) continue;
    const tooOld = comment.tooOld === undefined ? '' : tooOldReason(comment.dialect, comment.tooOld);
    const choice: DialectChoice = { dialect: comment.dialect, version: comment.version, source: 'comment', reason: `the "${comment.written}" comment${tooOld}` };
    return { choice: comment.tooOld === undefined ? choice : { ...choice, olderRelease: comment.tooOld }, plausible: [comment.dialect] };
  }
  if (setting !== 'auto') {
    const [dialect, version] = setting.split('-') as [DialectName, string | undefined];
    const reason = `the dialect setting (${setting}: ipsec.dialect, .ipsec-lint.json or --dialect)`;
    if (version !== undefined && olderThanKnown(dialect, version)) return { choice: { dialect, source: 'setting', reason: reason + tooOldReason(dialect, version), olderRelease: version }, plausible: [dialect] };
    return { choice: { dialect, version, source: 'setting', reason }, plausible: [dialect] };
  }
  const evidence = new Map<DialectName, string[]>();
  for (const document of documents) {
    for (const signal of factsOf(document).signals) {
      const list = evidence.get(signal.dialect) ?? [];
      if (!list.includes(signal.what)) list.push(signal.what);
      evidence.set(signal.dialect, list);
    }
  }
  const ranked = [...evidence.entries()].sort((a, b) => b[1].length - a[1].length);
  if (ranked.length === 0 || (ranked.length > 1 && ranked[0][1].length === ranked[1][1].length)) {
    const candidates = ranked.length === 0 ? DIALECT_NAMES : ranked.map(([d]) => d);
    const fitting = keyFits(candidates, documents);
    if (fitting.length === 1) return { choice: { dialect: fitting[0], source: 'detected', reason: `only ${DIALECT_TRAITS[fitting[0]].label} knows every keyword the files use` }, plausible: fitting };
    const byValue = fitting.length > 1 ? valueFit?.(fitting, documents) : undefined;
    if (byValue) return { choice: { dialect: byValue.dialect, source: 'detected', reason: byValue.reason }, plausible: [byValue.dialect] };
    return { plausible: candidates };
  }
  const [dialect, what] = ranked[0];
  const rivals = rivalsOf(dialect, documents);
  if (rivals.length > 0) return { plausible: [dialect, ...rivals] };
  return { choice: { dialect, source: 'detected', reason: `the files use ${what.join(', ')}` }, plausible: [dialect] };
}

function tooOldReason(dialect: DialectName, release: string): string {
  const { label, releases } = DIALECT_TRAITS[dialect];
  const except = dialect === 'libreswan' ? ", except that what Libreswan 3 took is let by and checks that rest on later releases' defaults are left out" : '';
  return `; ${label} ${release} is older than every release known here, so the files are judged as ${releases[0]} to ${releases.at(-1)}${except}`;
}

/** The user named the daemon (a `# ipsec-dialect:` comment or the dialect setting) rather than leaving it to detection. */
export function pinnedByUser(guess: DialectGuess | undefined): boolean {
  return guess?.choice?.source === 'comment' || guess?.choice?.source === 'setting';
}

/** The files are pinned to a Libreswan release older than every modelled one (3.x): its defaults, and what its pluto refuses, are not known here. */
export function pinnedBeforeModelledLibreswan(guess: DialectGuess): boolean {
  return guess.choice?.dialect === 'libreswan' && guess.choice.olderRelease !== undefined;
}

/**
 * Whether a pinned older release (`olderRelease`, such as 3.25) is `from` or later; undefined for
 * a pin that names no release within its major (`libreswan-3`), which may be either.
 */
export function olderReleaseFrom(olderRelease: string, from: string): boolean | undefined {
  return olderRelease.includes('.') ? compareVersions(olderRelease, from) >= 0 : undefined;
}

/** A release before the oldest one known (Libreswan 3.32): nothing known of it can be trusted, so it stands for none. */
export function olderThanKnown(dialect: DialectName, version: string): boolean {
  return !isKnownRelease(dialect, version) && compareVersions(version, DIALECT_TRAITS[dialect].releases[0]) < 0;
}

/**
 * Dialects that fit the keywords as well as the one the signals point to, and know some key it
 * does not: the files then mix dialects (Libreswan 3, for one, took `nat_traversal` as well as
 * `sha2-truncbug`), and the guess is too weak to call the other keys errors.
 */
function rivalsOf(chosen: DialectName, documents: readonly ParsedDocument<'ipsec'>[]): DialectName[] {
  const keys = keysOf(documents);
  const misfits = (dialect: DialectName): string[] => [...keys].filter((key) => !knows(dialect, key));
  const chosenMisfits = misfits(chosen);
  if (chosenMisfits.length === 0) return [];
  return DIALECT_NAMES.filter(
    (other) => other !== chosen && misfits(other).length <= chosenMisfits.length && chosenMisfits.some((key) => knows(other, key)),
  );
}

/** The candidates that know every key the files set; a key none of them knows (a typo) tells nothing. */
function keyFits(candidates: readonly DialectName[], documents: readonly ParsedDocument<'ipsec'>[]): DialectName[] {
  const telling = [...keysOf(documents)].filter((key) => candidates.some((dialect) => knows(dialect, key)));
  return candidates.filter((dialect) => telling.every((key) => knows(dialect, key)));
}

function keysOf(documents: readonly ParsedDocument<'ipsec'>[]): Set<string> {
  const keys = new Set<string>();
  for (const document of documents) for (const key of factsOf(document).keys) keys.add(key);
  return keys;
}

function knows(dialect: DialectName, key: string): boolean {
  const status = lookupKeyword(key, dialect).status;
  return status !== 'unknown' && status !== 'removed';
}

interface DialectFacts {
  readonly comment?: DialectPin;
  /** The signals the file's settings give, in file order, repeats included. */
  readonly signals: readonly Signal[];
  /** Every key the file sets. */
  readonly keys: ReadonlySet<string>;
}

// A gateway's dialect is decided again whenever one of its files changes; each file is read for it once.
const factsPerDocument = new WeakMap<ParsedDocument<'ipsec'>, DialectFacts>();

function factsOf(document: ParsedDocument<'ipsec'>): DialectFacts {
  let facts = factsPerDocument.get(document);
  if (!facts) {
    facts = readFacts(document);
    factsPerDocument.set(document, facts);
  }
  return facts;
}

/** What a `# ipsec-dialect:` comment pins; a release older than every known one pins the daemon alone. */
export interface DialectPin {
  readonly dialect: DialectName;
  readonly version?: string;
  /** The comment as written, for messages. */
  readonly written: string;
  /** The release it names when that is older than every known one (and so left out of `version`). */
  readonly tooOld?: string;
}

/** The `# ipsec-dialect:` comment in the head of a file (ipsec.conf, or an ipsec.secrets of its own). */
export function readDialectComment(text: string): DialectPin | undefined {
  const match = DIALECT_COMMENT.exec(text.slice(0, 4096));
  if (!match) return undefined;
  const dialect = match[1].toLowerCase() as DialectName;
  const written = `# ipsec-dialect: ${match[1]}${match[2] ? `-${match[2]}` : ''}`;
  const version = match[2];
  return version !== undefined && olderThanKnown(dialect, version) ? { dialect, written, tooOld: version } : { dialect, version, written };
}

function readFacts(document: ParsedDocument<'ipsec'>): DialectFacts {
  const comment = readDialectComment(document.source.text);
  if (comment) return { comment, signals: [], keys: new Set() };
  const signals: Signal[] = [];
  const keys = new Set<string>();
  for (const section of document.ast.sections) {
    for (const setting of section.settings) {
      const key = setting.key.text;
      keys.add(key);
      const candidates = SIGNALS_BY_KEY.get(key);
      if (candidates === undefined) continue;
      const value = setting.value?.text ?? '';
      for (const signal of candidates) if (signal.value === undefined || signal.value === value) signals.push(signal);
    }
  }
  if (document.ast.includes.some((include) => include.path && CRYPTO_POLICY_INCLUDE.test(include.path.text))) signals.push(CRYPTO_POLICY_SIGNAL);
  return { comment: undefined, signals, keys };
}
