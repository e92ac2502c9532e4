import type { WorkspaceModel } from '../../checks/workspaceRule';
import type { ParsedDocument } from '../../model/document';
import type { HoverResult } from '../connHover';
import { describeLoneWord, describePskIdentifier, describePskKey } from '../describe/secrets';

/**
 * Hover in racoon's psk.txt: on the identifier, what racoon matches it against and which
 * `remote` blocks of the hosts using this file name it; on the key, its form only, never its text.
 */
export function pskHover(model: WorkspaceModel, document: ParsedDocument<'racoon-psk'>, offset: number, modelUri: string): HoverResult | undefined {
  const entry = document.ast.entries.find((e) => e.span.start <= offset && offset <= e.span.end);
  if (!entry) return undefined;
  const { identifier, key } = entry;
  if (identifier.span.start <= offset && offset <= identifier.span.end) {
    // A lone word may be a key written without its identifier: never echo it.
    if (!key) return { markdown: describeLoneWord(), range: document.source.rangeOf(identifier.span) };
    return { markdown: describePskIdentifier(identifier.text, remotesNaming(model, modelUri, identifier.text)), range: document.source.rangeOf(identifier.span) };
  }
  if (key && key.span.start <= offset && offset <= key.span.end) {
    return { markdown: describePskKey(/^0x/i.test(key.text)), range: document.source.rangeOf(key.span) };
  }
  return undefined;
}

/** `remote 192.0.2.2` for each remote of the racoon hosts reading this psk.txt; undefined when no host reads it. */
function remotesNaming(model: WorkspaceModel, modelUri: string, identifier: string): string[] | undefined {
  const hosts = model.racoonHosts.filter((host) => host.psk?.uri === modelUri);
  if (hosts.length === 0) return undefined;
  const wanted = identifier.toLowerCase();
  return hosts.flatMap((host) => host.remotes.filter((remote) => remote.name.toLowerCase() === wanted).map((remote) => `\`remote ${remote.name}\``));
}
