import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import { fileUri } from '../workspace/loadIpsecNode';
import { racoonFileOf, resolveRacoonFile } from '../workspace/racoonHost';
import type { DocumentLink } from './navigation';

/**
 * Links from a racoon host's file to the files it names: an include that finds one file, the
 * `path pre_shared_key` file, and the certificates and keys of `certificate_type`, `ca_type` and
 * `peers_certfile`, where the workspace holds them.
 */
export function racoonDocumentLinks(model: WorkspaceModel, document: ParsedDocument<'racoon'>): DocumentLink[] {
  const found = racoonFileOf(model.racoonHosts, document.uri);
  if (!found) return [];
  const { host, document: own } = found;
  const links: DocumentLink[] = [];
  const link = (span: { start: number; end: number }, target: string, tooltip: string): void => {
    if (model.files.isFile(target)) links.push({ range: own.source.rangeOf(span), target: fileUri(target), tooltip });
  };
  for (const include of host.includes) {
    if (include.document === own && include.matches.length === 1) link(include.span, include.matches[0], 'Open the included file');
  }
  if (host.pskPath.document === own && host.pskPath.span) link(host.pskPath.span, host.pskPath.resolved, 'Open the pre-shared key file');
  for (const remote of host.remotes) {
    if (remote.document !== own) continue;
    for (const file of remote.files) link(file.span, resolveRacoonFile(host, file.name), `Open the ${file.role}`);
  }
  return links;
}
