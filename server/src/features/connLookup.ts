import type { WorkspaceModel } from '../checks/workspaceRule';
import type { ParsedDocument } from '../model/document';
import type { Span } from '../text/sourceText';
import type { IpsecNode } from '../workspace/model';

/** A conn name under the cursor: on a `conn NAME` header or in an `also=NAME` value. */
export interface ConnMention {
  readonly name: string;
  readonly span: Span;
  readonly role: 'definition' | 'also';
  readonly document: ParsedDocument<'ipsec'>;
}

export function mentionAt(document: ParsedDocument<'ipsec'>, offset: number): ConnMention | undefined {
  for (const section of document.ast.sections) {
    if (section.kind === 'conn' && section.name && within(section.name.span, offset)) {
      return { name: section.name.text, span: section.name.span, role: 'definition', document };
    }
    for (const setting of section.settings) {
      if (setting.key.text === 'also' && setting.value && within(setting.value.span, offset)) {
        return { name: setting.value.text, span: setting.value.span, role: 'also', document };
      }
    }
  }
  return undefined;
}

/** Every mention of a conn name in the documents of a node. */
export function mentionsIn(node: IpsecNode, name: string): ConnMention[] {
  return node.documents.flatMap((document) => mentionsInDocument(document, name));
}

/** Every mention of a conn name in one file: its header and the `also=` lines naming it. */
export function mentionsInDocument(document: ParsedDocument<'ipsec'>, name: string): ConnMention[] {
  const found: ConnMention[] = [];
  for (const section of document.ast.sections) {
    if (section.kind === 'conn' && section.name?.text === name) found.push({ name, span: section.name.span, role: 'definition', document });
    for (const setting of section.settings) {
      if (setting.key.text === 'also' && setting.value?.text === name) found.push({ name, span: setting.value.span, role: 'also', document });
    }
  }
  return found;
}

/** The nodes a document belongs to (a shared include can belong to several). */
export function nodesOf(model: WorkspaceModel, uri: string): IpsecNode[] {
  return model.nodes.filter((node) => node.documents.some((d) => d.uri === uri));
}

/** The gateways a file belongs to, as configuration or as its ipsec.secrets: whose dialect applies to it. */
export function nodesHolding(model: WorkspaceModel, uri: string): IpsecNode[] {
  return model.nodes.filter((node) => node.documents.some((d) => d.uri === uri) || node.secrets.some((d) => d.uri === uri));
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
