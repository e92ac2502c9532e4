import type { SourceText } from '../text/sourceText';
import type { CheckOptions } from './engine';
import type { Finding } from './finding';
import { WORKSPACE_RULES } from './registry';
import { readSuppressions, type Suppressions } from './suppression';
import type { WorkspaceModel, WorkspaceRule } from './workspaceRule';

/** Runs the cross-file rules and groups what they find by document URI. */
export function checkWorkspace(model: WorkspaceModel, options: CheckOptions & { onlyWorkspace?: readonly WorkspaceRule[] } = {}): Map<string, Finding[]> {
  const byUri = new Map<string, Finding[]>();
  const suppressions = new Map<string, Suppressions>();
  const suppressionsOf = (uri: string, source: SourceText): Suppressions => {
    let found = suppressions.get(uri);
    if (!found) {
      found = readSuppressions(source);
      suppressions.set(uri, found);
    }
    return found;
  };
  for (const rule of options.onlyWorkspace ?? WORKSPACE_RULES) {
    const severity = options.rules?.[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const seen = new Set<string>();
    rule.check(model, (r) => {
      const range = r.document.source.rangeOf(r.span);
      if (suppressionsOf(r.document.uri, r.document.source).isSuppressed(rule.code, range.start.line)) return;
      const key = `${r.document.uri}:${r.span.start}:${r.message}`;
      if (seen.has(key)) return;
      seen.add(key);
      const related = r.related?.map((x) => ({ uri: x.document.uri, range: x.document.source.rangeOf(x.span), message: x.message }));
      const list = byUri.get(r.document.uri) ?? [];
      list.push({ code: rule.code, severity, message: r.message, range, related, fixes: r.fixes });
      byUri.set(r.document.uri, list);
    });
  }
  return byUri;
}
