import type { ParsedDocument } from '../../model/document';
import type { OutlineNode } from './outline';

export function outlineRacoon(_document: ParsedDocument<'racoon'>): OutlineNode[] {
  return [];
}
