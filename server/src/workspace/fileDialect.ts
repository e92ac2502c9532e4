import type { WorkspaceModel } from '../checks/workspaceRule';
import { detectDialect, type DialectGuess, type DialectSetting } from '../model/dialect';
import type { ParsedDocument } from '../model/document';

/**
 * The dialect a file is judged in: that of the gateway holding it (as configuration or as its
 * ipsec.secrets); for a file no gateway holds, undefined (its own text decides) unless the dialect
 * setting names one, which then applies as it does to gateways.
 */
export function dialectOf(model: WorkspaceModel, uri: string, document?: ParsedDocument): DialectGuess | undefined {
  const node = model.nodes.find((n) => n.documents.some((d) => d.uri === uri) || n.secrets.some((d) => d.uri === uri));
  return node ? node.dialect : looseFileDialect(document, model.dialectSetting);
}

/** The dialect of a file no gateway holds: undefined (its own text decides) unless the setting names one. */
export function looseFileDialect(document: ParsedDocument | undefined, setting: DialectSetting = 'auto'): DialectGuess | undefined {
  if (setting === 'auto') return undefined;
  return detectDialect(document?.kind === 'ipsec' ? [document as ParsedDocument<'ipsec'>] : [], setting);
}
