import type { ParsedDocument } from '../../model/document';
import type { Section, Setting } from '../../parsing/ipsecConf/ast';

/** A `key=value` line and the kind of section it stands in. */
export interface KeyedSetting {
  readonly kind: Exclude<Section['kind'], 'none'>;
  readonly setting: Setting;
}

const perDocument = new WeakMap<ParsedDocument<'ipsec'>, readonly KeyedSetting[]>();

/**
 * Every `key=` line of the real sections; `also=` is left to the workspace rules, which follow it.
 * Several rules walk the same lines, so the list is made once per parsed document.
 */
export function keyedSettings(document: ParsedDocument<'ipsec'>): readonly KeyedSetting[] {
  let found = perDocument.get(document);
  if (!found) {
    const list: KeyedSetting[] = [];
    for (const section of document.ast.sections) {
      const kind = section.kind;
      if (kind === 'none') continue;
      for (const setting of section.settings) {
        if (setting.equals && setting.key.text !== 'also') list.push({ kind, setting });
      }
    }
    found = list;
    perDocument.set(document, found);
  }
  return found;
}
