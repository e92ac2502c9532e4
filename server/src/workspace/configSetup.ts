import type { ParsedDocument } from '../model/document';
import type { Section, Setting } from '../parsing/ipsecConf/ast';
import type { IpsecNode } from './model';

/** A setting of a gateway's `config setup`, with the section and file it sits in. */
export interface SetupSetting {
  readonly setting: Setting;
  readonly section: Section;
  readonly document: ParsedDocument<'ipsec'>;
}

/** The `config setup` sections of a gateway, in the order the daemon reads its files. */
export function configSetupSections(node: IpsecNode): Array<{ readonly section: Section; readonly document: ParsedDocument<'ipsec'> }> {
  return node.documents.flatMap((document) => document.ast.sections.filter((section) => section.kind === 'config').map((section) => ({ section, document })));
}

/** The last `key=` of the gateway's `config setup` sections: the one the daemon keeps. */
export function configSetupSetting(node: IpsecNode, key: string): SetupSetting | undefined {
  let found: SetupSetting | undefined;
  for (const { section, document } of configSetupSections(node)) {
    for (const setting of section.settings) {
      if (setting.key.text.toLowerCase() === key) found = { setting, section, document };
    }
  }
  return found;
}
