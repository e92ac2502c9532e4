import type { ParsedDocument } from '../../model/document';
import type { Section, Setting } from '../../parsing/ipsecConf/ast';

/** A `key=value` line and the kind of section it stands in. */
export interface KeyedSetting {
  readonly kind: Exclude<Section['kind'], 'none'>;
  readonly setting: Setting;
}

/** Every `key=` line of the real sections; `also=` is left to the workspace rules, which follow it. */
export function* keyedSettings(document: ParsedDocument<'ipsec'>): Generator<KeyedSetting> {
  for (const section of document.ast.sections) {
    const kind = section.kind;
    if (kind === 'none') continue;
    for (const setting of section.settings) {
      if (setting.equals && setting.key.text !== 'also') yield { kind, setting };
    }
  }
}
