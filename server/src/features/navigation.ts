import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import type { Range } from '../text/sourceText';
import { namesCertificateFile, resolveInNode } from '../workspace/certPaths';
import { fileUri } from '../workspace/loadIpsecNode';
import { hasGlob } from '../workspace/glob';
import { resolveConfigPath } from '../workspace/nodeLayout';
import { mentionAt, mentionsIn, nodesOf } from './connLookup';
import { endMentionsOf } from './endMentions';

export interface Location {
  readonly uri: string;
  readonly range: Range;
}

export interface DocumentLink {
  readonly range: Range;
  readonly target: string;
  readonly tooltip: string;
}

export interface SymbolInfo {
  /** A conn, or the IKE identity a gateway presents (its `leftid=`). */
  readonly kind: 'conn' | 'identity';
  readonly name: string;
  readonly containerName: string;
  readonly location: Location;
}

/** Where the conn under the cursor is defined, in every node the document belongs to. */
export function connDefinition(model: WorkspaceModel, document: ParsedDocument<'ipsec'>, offset: number): Location[] {
  const mention = mentionAt(document, offset);
  if (!mention) return [];
  return nodesOf(model, document.uri).flatMap((node) => {
    const conn = node.conns.get(mention.name);
    if (!conn?.section.name) return [];
    return [{ uri: conn.document.uri, range: conn.document.source.rangeOf(conn.section.name.span) }];
  });
}

/** The definition and every `also=` that names the conn under the cursor. */
export function connReferences(model: WorkspaceModel, document: ParsedDocument<'ipsec'>, offset: number, includeDeclaration: boolean): Location[] {
  const mention = mentionAt(document, offset);
  if (!mention) return [];
  const seen = new Set<string>();
  const locations: Location[] = [];
  for (const node of nodesOf(model, document.uri)) {
    for (const found of mentionsIn(node, mention.name)) {
      if (!includeDeclaration && found.role === 'definition') continue;
      const key = `${found.document.uri}:${found.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      locations.push({ uri: found.document.uri, range: found.document.source.rangeOf(found.span) });
    }
  }
  return locations;
}

/** Edits that rename a conn and every `also=` naming it, across the node's files. */
export function renameConn(
  model: WorkspaceModel,
  document: ParsedDocument<'ipsec'>,
  offset: number,
  newName: string,
): Map<string, { range: Range; newText: string }[]> | undefined {
  if (!/^[^\s"#=]+$/.test(newName) || newName.startsWith('%')) return undefined;
  const references = connReferences(model, document, offset, true);
  if (references.length === 0) return undefined;
  const edits = new Map<string, { range: Range; newText: string }[]>();
  for (const location of references) {
    const list = edits.get(location.uri) ?? [];
    list.push({ range: location.range, newText: newName });
    edits.set(location.uri, list);
  }
  return edits;
}

/** Links from include paths and certificate names to the files they name in the node. */
export function documentLinks(model: WorkspaceModel, document: ParsedDocument<'ipsec'>, filePath: string): DocumentLink[] {
  const links: DocumentLink[] = [];
  const nodes = nodesOf(model, document.uri);
  const node = nodes[0];
  if (!node) return links;
  for (const include of document.ast.includes) {
    if (!include.path || hasGlob(include.path.text)) continue;
    const target = resolveConfigPath(include.path.text, filePath, node.layout);
    if (model.files.isFile(target)) links.push({ range: document.source.rangeOf(include.path.span), target: fileUri(target), tooltip: 'Open the included file' });
  }
  for (const section of document.ast.sections) {
    for (const setting of section.settings) {
      if (!/^(left|right)cert$/.test(setting.key.text) || !setting.value || !namesCertificateFile(setting.value.text)) continue;
      const target = resolveInNode(node, setting.value.text, 'certs');
      if (model.files.isFile(target)) links.push({ range: document.source.rangeOf(setting.value.span), target: fileUri(target), tooltip: 'Open the certificate file' });
    }
  }
  return links;
}

/**
 * Every conn of every node, and every identity a gateway presents (`leftid=`, so that typing a
 * peer's ID finds the gateway that owns it), filtered by a case-insensitive substring.
 */
export function workspaceSymbols(model: WorkspaceModel, query: string): SymbolInfo[] {
  const needle = query.toLowerCase();
  const symbols: SymbolInfo[] = [];
  for (const node of model.nodes) {
    for (const conn of node.conns.values()) {
      if (!conn.name.toLowerCase().includes(needle) || !conn.section.name) continue;
      symbols.push({
        kind: 'conn',
        name: conn.name,
        containerName: node.confPath,
        location: { uri: conn.document.uri, range: conn.document.source.rangeOf(conn.section.name.span) },
      });
    }
    for (const document of node.documents) {
      for (const mention of endMentionsOf(document)) {
        if (mention.key !== 'leftid' || !mention.id.toLowerCase().includes(needle)) continue;
        symbols.push({ kind: 'identity', name: mention.id, containerName: `${node.confPath} (${mention.role})`, location: { uri: document.uri, range: document.source.rangeOf(mention.span) } });
      }
    }
  }
  return symbols;
}
