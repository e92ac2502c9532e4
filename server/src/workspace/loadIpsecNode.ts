import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { detectWithValues } from '../checks/ipsecConf/dialectByValues';
import { detectDialect, type DialectSetting } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { FileKind } from '../model/fileKind';
import { namesCertificateFile, resolveInNode } from './certPaths';
import { buildEffectiveConns } from './effectiveConns';
import type { FileSource } from './fileSource';
import { expandGlob, hasGlob } from './glob';
import { Memo } from './memo';
import type { ConnDefinition, IpsecNode, ModelProblem } from './model';
import { keepsFilesIn, pathOnGateway } from './keptFolders';
import { inferLayout, isInside, relativeRoot, resolveConfigPath, type NodeLayout } from './nodeLayout';
import { isNormalAbsolute } from './pathOps';
import { unincludedConfFiles } from './unincludedConfFiles';

/** At most this many files per node: a runaway include glob stops here. */
const MAX_NODE_FILES = 10000;

export type DocumentProvider = <K extends FileKind>(filePath: string, kind: K) => ParsedDocument<K> | undefined;

/**
 * Assembles one gateway from its ipsec.conf: follows includes (globs relative to the including
 * file, absolute paths mapped onto the node's root), stops at cycles, then collects conns and
 * builds their effective values.
 */
export function loadIpsecNode(
  confPath: string,
  files: FileSource,
  parse: DocumentProvider,
  rootOverride?: string,
  dialectSetting: DialectSetting = 'auto',
  subjectOf?: (certificatePath: string) => string | undefined,
): IpsecNode {
  const layout = inferLayout(confPath, rootOverride);
  const problems: ModelProblem[] = [];
  const included = new Map<ParsedDocument<'ipsec'>, IncludedAt<'ipsec'>[]>();
  const confTrail = newTrail();
  const documents = followIncludes(confPath, 'ipsec', layout, files, parse, problems, included, confTrail);
  const unincluded = unincludedConfFiles(confPath, layout, confTrail.read, files, parse);
  const secretsPath = path.join(layout.etc, 'ipsec.secrets');
  const secretsTrail = newTrail();
  const secrets = files.isFile(secretsPath) ? followIncludes(secretsPath, 'ipsec-secrets', layout, files, parse, problems, undefined, secretsTrail) : [];
  const unmatchedIncludes = { conf: confTrail.unmatched, secrets: secretsTrail.unmatched };
  const conns = collectConns(documents.length > 0 ? sectionsInReadingOrder(documents[0], included) : [], problems);
  const dialect = detectDialect(documents, dialectSetting, detectWithValues);
  const effective = buildEffectiveConns(conns, documents, problems, dialect.choice?.dialect === 'strongswan');
  const node: IpsecNode = { confPath, layout, documents, unincluded, unmatchedIncludes, secrets, conns, effective, problems, dialect, memo: new Memo() };
  if (!subjectOf) return node;
  return { ...node, certificateSubject: (written) => (namesCertificateFile(written) ? subjectOf(resolveInNode(node, written, 'certs')) : undefined) };
}

/** What following the includes found out besides the documents: the files read and the include lines that found none. */
interface IncludeTrail {
  /** The real path of every file read. */
  readonly read: Set<string>;
  /** The paths, as written, of include lines that found no file. */
  readonly unmatched: string[];
}

function newTrail(): IncludeTrail {
  return { read: new Set(), unmatched: [] };
}

function followIncludes<K extends 'ipsec' | 'ipsec-secrets'>(
  entry: string,
  kind: K,
  layout: NodeLayout,
  files: FileSource,
  parse: DocumentProvider,
  problems: ModelProblem[],
  included: Map<ParsedDocument<K>, IncludedAt<K>[]> | undefined,
  trail: IncludeTrail,
): ParsedDocument<K>[] {
  const ordered: ParsedDocument<K>[] = [];
  const done = trail.read;
  // Depth-first in reading order, with an explicit stack of (document, next include index).
  const first = parse(entry, kind);
  if (!first) return ordered;
  ordered.push(first);
  done.add(files.realpath(entry));
  const stack: Array<{ document: ParsedDocument<K>; filePath: string; next: number; realpath: string }> = [
    { document: first, filePath: entry, next: 0, realpath: files.realpath(entry) },
  ];
  while (stack.length > 0 && ordered.length < MAX_NODE_FILES) {
    const frame = stack[stack.length - 1];
    const includes = includesOf(frame.document);
    if (frame.next >= includes.length) {
      stack.pop();
      continue;
    }
    const include = includes[frame.next++];
    const target = resolveConfigPath(include.path, frame.filePath, layout);
    const matches = hasGlob(target) ? expandGlob(target, files) : files.isFile(target) ? [target] : [];
    if (matches.length === 0) trail.unmatched.push(include.path);
    if (matches.length === 0 && !hasGlob(include.path)) problems.push(missingInclude(include, frame.document, target, layout, files));
    for (const match of matches) {
      const real = files.realpath(match);
      if (!insideRealFolder(real, [layout.root, relativeRoot(frame.filePath, layout)], files)) {
        problems.push({
          code: 'include-missing',
          document: frame.document,
          span: include.span,
          message: `include "${include.path}" leads out of this gateway's folder through a symbolic link (${path.relative(layout.root, match)}); it is not read: copy the file into the gateway's folder`,
        });
        continue;
      }
      const cycle = stack.find((f) => f.realpath === real);
      if (cycle) {
        const chain = [...stack.slice(stack.indexOf(cycle)).map((f) => path.basename(f.filePath)), path.basename(match)].join(' → ');
        problems.push({ code: 'include-cycle', document: frame.document, span: include.span, message: `include cycle: ${chain}; remove one of these includes` });
        continue;
      }
      if (done.has(real)) continue;
      done.add(real);
      const document = parse(match, kind);
      if (!document) continue;
      ordered.push(document);
      const children = included?.get(frame.document) ?? [];
      children.push({ at: include.span.start, document });
      included?.set(frame.document, children);
      stack.push({ document, filePath: match, next: 0, realpath: real });
      if (ordered.length >= MAX_NODE_FILES) break;
    }
  }
  return ordered;
}

/**
 * An include that found no file. Where the workspace keeps nothing in the folder it names (a
 * package's /var/lib/strongswan/ipsec.conf.inc), the file is put there on the gateway, not
 * forgotten: only a note that what it holds is not seen.
 */
function missingInclude(include: IncludeRef, document: ModelProblem['document'], target: string, layout: NodeLayout, files: FileSource): ModelProblem {
  if (!keepsFilesIn(files, path.dirname(target))) {
    const folder = path.posix.dirname(pathOnGateway(include.path, target, layout));
    return { code: 'include-missing', document, span: include.span, severity: 'info', message: `include "${include.path}" is not in this workspace (it keeps no files in ${folder}), so what that file holds is not checked` };
  }
  return { code: 'include-missing', document, span: include.span, message: `include "${include.path}" names no file in this node (looked for ${path.relative(layout.root, target) || target}): create it or fix the path` };
}

/**
 * Whether a resolved path lies in one of the folders once symbolic links are followed: the
 * written path is already confined (`resolveConfigPath`), a link inside the node must not lead out.
 */
function insideRealFolder(real: string, folders: readonly string[], files: FileSource): boolean {
  return folders.some((folder) => isInside(real, files.realpath(folder)));
}

interface IncludeRef {
  readonly path: string;
  readonly span: { start: number; end: number };
}

interface WithIncludes {
  readonly ast: { readonly includes: readonly { readonly path?: { readonly text: string }; readonly span: { start: number; end: number } }[] };
}

function includesOf(document: WithIncludes): IncludeRef[] {
  const refs: IncludeRef[] = [];
  for (const include of document.ast.includes) {
    if (include.path && include.path.text.length > 0) refs.push({ path: include.path.text, span: include.span });
  }
  return refs;
}

/** A file an include line of another file brought in, with where that line is. */
interface IncludedAt<K extends FileKind> {
  readonly at: number;
  readonly document: ParsedDocument<K>;
}

type PlacedSection = { readonly document: ParsedDocument<'ipsec'>; readonly section: ParsedDocument<'ipsec'>['ast']['sections'][number] };

/**
 * Every section as the daemon reads them: an include line's files come where the line stands.
 * Iterative, since how deep includes nest is up to the files.
 */
function sectionsInReadingOrder(document: ParsedDocument<'ipsec'>, included: ReadonlyMap<ParsedDocument<'ipsec'>, readonly IncludedAt<'ipsec'>[]>): PlacedSection[] {
  const out: PlacedSection[] = [];
  const stack = [{ document, section: 0, child: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const sections = frame.document.ast.sections;
    const children = included.get(frame.document) ?? [];
    const nextChild = children[frame.child];
    const nextSection = sections[frame.section];
    if (nextChild && (!nextSection || nextChild.at < nextSection.span.start)) {
      frame.child++;
      stack.push({ document: nextChild.document, section: 0, child: 0 });
    } else if (nextSection) {
      out.push({ document: frame.document, section: nextSection });
      frame.section++;
    } else {
      stack.pop();
    }
  }
  return out;
}

function collectConns(placed: readonly PlacedSection[], problems: ModelProblem[]): Map<string, ConnDefinition> {
  const conns = new Map<string, ConnDefinition>();
  for (const { document, section } of placed) {
    if (section.kind !== 'conn' || !section.name || section.name.text === '%default') continue;
    const name = section.name.text;
    const earlier = conns.get(name);
    if (earlier && earlier.document !== document) {
      problems.push({
        code: 'duplicate-conn-in-node',
        document,
        span: section.name.span,
        message: `conn "${name}" is also defined in ${path.basename(new URL(earlier.document.uri).pathname)}, which is read first: the daemon keeps only one; rename or remove one`,
        related: [{ document: earlier.document, span: earlier.section.name?.span ?? earlier.section.header, message: 'other definition' }],
      });
      continue;
    }
    if (!earlier) conns.set(name, { name, section, document });
  }
  return conns;
}

/** Characters a file URI keeps as they are; any other path takes the careful, slower route. */
const PLAIN_POSIX_PATH = /^\/[A-Za-z0-9/._-]*$/;

export function fileUri(filePath: string): string {
  return PLAIN_POSIX_PATH.test(filePath) && isNormalAbsolute(filePath) ? `file://${filePath}` : pathToFileURL(filePath).href;
}

/** The path of a document's file URI; the URI itself when it is no file URI. */
export function uriPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}
