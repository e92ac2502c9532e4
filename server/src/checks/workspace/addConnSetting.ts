import type { ConnDefinition } from '../../workspace/model';
import type { TextEdit } from '../finding';

/**
 * An edit that adds `key=value` to a conn's own section, after its last setting and indented as
 * that setting is (a tab in a section without settings), so that it overrides `%default` and `also=`.
 */
export function addConnSetting(definition: ConnDefinition, key: string, value: string): TextEdit & { readonly uri: string } {
  const { section, document } = definition;
  const last = section.settings[section.settings.length - 1];
  const end = last ? last.span.end : section.header.end;
  const indent = last ? document.source.text.slice(last.indent.start, last.indent.end) : '\t';
  const at = document.source.positionAt(end);
  return { uri: document.uri, range: { start: at, end: at }, newText: `\n${indent.length > 0 ? indent : '\t'}${key}=${value}` };
}
