import type { ParsedDocument } from '../../model/document';
import type { OutlineNode } from './outline';

export function outlineSetkey(_document: ParsedDocument<'setkey'>): OutlineNode[] {
  return [];
}
