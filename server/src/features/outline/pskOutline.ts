import type { ParsedDocument } from '../../model/document';
import type { OutlineNode } from './outline';

export function outlinePsk(_document: ParsedDocument<'racoon-psk'>): OutlineNode[] {
  return [];
}
