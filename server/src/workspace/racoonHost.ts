import path from 'node:path';
import type { ParsedDocument } from '../model/document';
import { detectFileKind, type FileKind } from '../model/fileKind';
import type { PskEntry } from '../parsing/psk/ast';
import type { RacoonStatement, RacoonToken } from '../parsing/racoon/ast';
import { childStatements, racoonStatements, type StatementVisit } from '../parsing/racoon/walk';
import { canonicalAddress } from '../text/ipLiteral';
import type { Span } from '../text/sourceText';
import type { FileSource } from './fileSource';
import { expandGlob, hasGlob } from './glob';
import { perObject } from './memo';
import { inferLayout, resolveConfigPath, resolveInFolder, type NodeLayout } from './nodeLayout';

export interface RacoonPath {
  readonly written: string;
  readonly resolved: string;
  readonly span?: Span;
  /** The file the `path` statement is in; undefined for racoon's compiled-in default. */
  readonly document?: ParsedDocument<'racoon'>;
}

export interface RacoonFileRef {
  readonly role: 'certificate' | 'private key' | 'CA certificate' | "peer's certificate";
  readonly name: string;
  readonly span: Span;
}

export interface RacoonRemote {
  /** racoon.conf, or the included file the block is in. */
  readonly document: ParsedDocument<'racoon'>;
  /** The address after `remote`, a quoted remote name, or `anonymous`. */
  readonly name: string;
  readonly nameSpan: Span;
  /** A quoted name, which racoon matches to the peer by `remote_address` (or identity) rather than by the header. */
  readonly named: boolean;
  /** The peer's address: the header's, or a named remote's `remote_address`; undefined for anonymous or when not written. */
  readonly address?: string;
  /** The value of `peers_identifier` (`fqdn "vpn.example"` gives `vpn.example`), by which aggressive mode looks the key up. */
  readonly peersIdentifier?: string;
  readonly statement: RacoonStatement;
  readonly usesPsk: boolean;
  readonly files: readonly RacoonFileRef[];
}

/** One racoon host: its racoon.conf and the files it includes, where it keeps keys and certificates, and its remotes. */
export interface RacoonHost {
  readonly confPath: string;
  readonly layout: NodeLayout;
  /** racoon.conf itself. */
  readonly document: ParsedDocument<'racoon'>;
  /** racoon.conf, then each file an include reads, in the order racoon reads them. */
  readonly documents: readonly ParsedDocument<'racoon'>[];
  readonly pskPath: RacoonPath;
  readonly certificatePath: RacoonPath;
  readonly remotes: readonly RacoonRemote[];
  /** Each `include`, as racoon builds its path: an absolute name, or one under the `path include` set before it. */
  readonly includes: readonly RacoonInclude[];
  readonly psk?: ParsedDocument<'racoon-psk'>;
}

export interface RacoonInclude {
  readonly written: string;
  readonly span: Span;
  /** The file the `include` statement is in. */
  readonly document: ParsedDocument<'racoon'>;
  /** A relative name with no `path include` before it: racoon looks for `(null)/name` and finds nothing. */
  readonly withoutIncludePath: boolean;
  /** Where the workspace looked for the files, and what it found there, in glob order. */
  readonly pattern: string;
  readonly matches: readonly string[];
  /** A file it finds that is already being read further up the chain of includes: racoon follows the loop until it gives up. */
  readonly loop?: string;
  /** Reading it would nest includes deeper than racoon allows. */
  readonly tooDeep: boolean;
  /** The files it finds that are of another kind by their name (setkey.conf, psk.txt): not read as racoon.conf here. */
  readonly foreign: readonly { readonly filePath: string; readonly kind: FileKind }[];
  /** The files read here, in glob order: a file read before (by another include) is not read into the host twice. */
  readonly documents: readonly ParsedDocument<'racoon'>[];
}

/** racoon's compiled-in defaults when racoon.conf has no `path` statement, under the folder it was built for (/etc, or /usr/local/etc on FreeBSD). */
const DEFAULT_PSK = 'racoon/psk.txt';
const DEFAULT_CERTS = 'racoon/certs';

/** racoon refuses includes nested deeper than this, racoon.conf counting as the first (MAX_INCLUDE_DEPTH in cftoken.l). */
const MAX_INCLUDE_DEPTH = 10;

export function loadRacoonHost(
  confPath: string,
  files: FileSource,
  parse: <K extends 'racoon' | 'racoon-psk'>(filePath: string, kind: K) => ParsedDocument<K> | undefined,
  rootOverride?: string,
): RacoonHost | undefined {
  const document = parse(confPath, 'racoon');
  if (!document) return undefined;
  const layout = inferLayout(confPath, rootOverride);
  const resolve = (written: string, span?: Span, from?: ParsedDocument<'racoon'>): RacoonPath => {
    const resolved = resolveConfigPath(written, confPath, layout);
    const exists = (candidate: string) => files.isFile(candidate) || files.list(candidate) !== undefined;
    const beside = exists(resolved) || rootOverride ? undefined : besideRacoonConf(written, confPath);
    return { written, resolved: beside && exists(beside) ? beside : resolved, span, document: from };
  };
  let pskPath = resolve(`${layout.etcOnGateway}/${DEFAULT_PSK}`);
  let certificatePath = resolve(`${layout.etcOnGateway}/${DEFAULT_CERTS}`);
  const remotes: RacoonRemote[] = [];
  const includes: RacoonInclude[] = [];
  const documents = [document];
  const readPaths = new Set([confPath]);
  let includePath: string | undefined;
  // racoon reads an included file where the include stands, so `path` statements carry on across files.
  const readFile = (current: ParsedDocument<'racoon'>, chain: readonly string[]): void => {
    for (const { statement, parent } of racoonStatements(current.ast)) {
      const words = statement.head;
      if (parent) continue;
      if (words[0]?.text === 'path' && words[2]?.kind === 'string') {
        if (words[1]?.text === 'pre_shared_key') pskPath = resolve(words[2].text, words[2].span, current);
        if (words[1]?.text === 'certificate') certificatePath = resolve(words[2].text, words[2].span, current);
        if (words[1]?.text === 'include') includePath = words[2].text;
      }
      if (words[0]?.text === 'include' && words[1]?.kind === 'string') {
        const name = words[1].text;
        const absolute = name.startsWith('/');
        const written = absolute || includePath === undefined ? name : `${includePath}/${name}`;
        const withoutIncludePath = !absolute && includePath === undefined;
        const { pattern, matches } = withoutIncludePath ? { pattern: written, matches: [] } : findIncluded(written, confPath, layout, files);
        const loop = matches.find((match) => chain.includes(match));
        const tooDeep = matches.length > 0 && chain.length >= MAX_INCLUDE_DEPTH;
        const foreign = matches.flatMap((filePath) => {
          const kind = detectFileKind(filePath);
          return kind !== undefined && kind !== 'racoon' ? [{ filePath, kind }] : [];
        });
        const readHere: ParsedDocument<'racoon'>[] = [];
        includes.push({ written, span: words[1].span, document: current, withoutIncludePath, pattern, matches, loop, tooDeep, foreign, documents: readHere });
        if (loop !== undefined || tooDeep) continue;
        for (const match of matches) {
          if (foreign.some((file) => file.filePath === match)) continue;
          // A file two includes find is read into the model once; racoon reading it twice is not judged.
          const included = readPaths.has(match) ? undefined : parse(match, 'racoon');
          readPaths.add(match);
          if (!included) continue;
          documents.push(included);
          readHere.push(included);
          readFile(included, [...chain, match]);
        }
      }
      if (words[0]?.text === 'remote' && words[1]) remotes.push(readRemote(statement, words[1], current));
    }
  };
  readFile(document, [confPath]);
  const psk = files.isFile(pskPath.resolved) ? parse(pskPath.resolved, 'racoon-psk') : undefined;
  return { confPath, layout, document, documents, pskPath, certificatePath, remotes, includes, psk };
}

const RACOON_FOLDERS = ['/etc/racoon', '/usr/local/etc/racoon', '/usr/pkg/etc/racoon'];

/**
 * Where a path under racoon's own folder (/etc/racoon/psk.txt) lies when the workspace keeps
 * racoon.conf in a folder of its own, not in an `etc/racoon` tree: next to racoon.conf. Only used
 * when the usual place holds nothing.
 */
function besideRacoonConf(written: string, confPath: string): string | undefined {
  if (path.basename(path.dirname(confPath)) === 'racoon' || !path.posix.isAbsolute(written)) return undefined;
  const normal = path.posix.resolve('/', written);
  const folder = RACOON_FOLDERS.find((f) => normal === f || normal.startsWith(`${f}/`));
  return folder === undefined ? undefined : path.join(path.dirname(confPath), normal.slice(folder.length));
}

function readRemote(statement: RacoonStatement, nameToken: RacoonToken, document: ParsedDocument<'racoon'>): RacoonRemote {
  let usesPsk = false;
  const named = nameToken.kind === 'string';
  let address = named || nameToken.text === 'anonymous' ? undefined : nameToken.text;
  let peersIdentifier: string | undefined;
  const files: RacoonFileRef[] = [];
  for (const child of childStatements(statement)) {
    const [keyword, ...args] = child.head;
    if (keyword?.text === 'proposal') {
      for (const inner of childStatements(child)) {
        if (inner.head[0]?.text === 'authentication_method' && inner.head.some((t) => t.text === 'pre_shared_key')) usesPsk = true;
      }
    }
    if (keyword?.text === 'peers_identifier' && args.length > 1) peersIdentifier = args[args.length - 1].text;
    if (named && keyword?.text === 'remote_address' && args[0]?.kind === 'word') address = args[0].text;
    const strings = args.filter((t) => t.kind === 'string');
    if (keyword?.text === 'certificate_type' && args[0]?.text === 'x509') {
      if (strings[0]) files.push({ role: 'certificate', name: strings[0].text, span: strings[0].span });
      if (strings[1]) files.push({ role: 'private key', name: strings[1].text, span: strings[1].span });
    }
    if (keyword?.text === 'ca_type' && args[0]?.text === 'x509' && strings[0]) files.push({ role: 'CA certificate', name: strings[0].text, span: strings[0].span });
    if (keyword?.text === 'peers_certfile' && args[0]?.text === 'x509' && strings[0]) files.push({ role: "peer's certificate", name: strings[0].text, span: strings[0].span });
  }
  return { document, name: nameToken.text, nameSpan: nameToken.span, named, address, peersIdentifier, statement, usesPsk, files };
}

/**
 * The files an include reads, and where it was looked for: under the host's root as racoon's own
 * path, else beside racoon.conf when the workspace keeps racoon.conf in a folder of its own.
 */
function findIncluded(written: string, confPath: string, layout: NodeLayout, files: FileSource): { readonly pattern: string; readonly matches: readonly string[] } {
  const find = (pattern: string): string[] => (pattern.split(path.sep).some(hasGlob) ? expandGlob(pattern, files) : files.isFile(pattern) ? [pattern] : []);
  const pattern = resolveConfigPath(written, confPath, layout);
  const matches = find(pattern);
  if (matches.length > 0) return { pattern, matches };
  const beside = besideRacoonConf(written, confPath);
  const besideMatches = beside === undefined ? [] : find(beside);
  return beside !== undefined && besideMatches.length > 0 ? { pattern: beside, matches: besideMatches } : { pattern, matches };
}

export interface HostStatement extends StatementVisit {
  readonly document: ParsedDocument<'racoon'>;
}

/** A file's statements with the file, kept per parsed file: hosts are rebuilt after every edit, their unchanged files are not. */
const statementsOf = perObject((document: ParsedDocument<'racoon'>): readonly HostStatement[] => racoonStatements(document.ast).map((visit) => ({ ...visit, document })));

/** Every statement of the host's files, in the order racoon reads the files, each with its file. */
export const hostStatements = perObject((host: RacoonHost): readonly HostStatement[] =>
  host.documents.length === 1 ? statementsOf(host.document) : host.documents.flatMap(statementsOf),
);

/** The host's top-level statements in the order racoon reads them: an included file's where its `include` stands. */
export const topLevelInReadingOrder = perObject((host: RacoonHost): readonly HostStatement[] => {
  const includeAt = new Map<RacoonStatement, RacoonInclude>();
  const statements: HostStatement[] = [];
  const walk = (document: ParsedDocument<'racoon'>): void => {
    for (const visit of statementsOf(document)) {
      if (visit.parent) continue;
      statements.push(visit);
      for (const included of includeAt.get(visit.statement)?.documents ?? []) walk(included);
    }
  };
  for (const include of host.includes) {
    const statement = statementsOf(include.document).find((visit) => !visit.parent && visit.statement.head[1]?.span === include.span);
    if (statement) includeAt.set(statement.statement, include);
  }
  walk(host.document);
  return statements;
});

/** The host that reads a file (racoon.conf or a file it includes), with the host's parse of it, whose spans its facts use. */
export function racoonFileOf(hosts: readonly RacoonHost[], uri: string): { readonly host: RacoonHost; readonly document: ParsedDocument<'racoon'> } | undefined {
  for (const host of hosts) {
    const document = host.documents.find((d) => d.uri === uri);
    if (document) return { host, document };
  }
  return undefined;
}

/** Where racoon looks for a certificate or key named in racoon.conf: under `path certificate`. */
export function resolveRacoonFile(host: RacoonHost, name: string): string {
  return path.isAbsolute(name) ? resolveConfigPath(name, host.confPath, host.layout) : resolveInFolder(host.certificatePath.resolved, name, host.layout);
}

/**
 * The psk.txt line racoon takes for a peer address: the first with a key whose first word is `*`
 * or, compared as text, the address as inet_ntop prints it (an indented line has an empty first word).
 */
export function pskLineFor(psk: ParsedDocument<'racoon-psk'>, address: string): PskEntry | undefined {
  const lookup = canonicalAddress(address) ?? address;
  return psk.ast.entries.find((e) => !e.indent && e.key && (e.identifier.text === '*' || e.identifier.text === lookup));
}
