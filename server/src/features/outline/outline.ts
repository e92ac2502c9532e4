import type { Range } from '../../text/sourceText';

export type OutlineKind = 'setup' | 'connection' | 'ca' | 'include' | 'block' | 'statement' | 'entry' | 'key';

/** A node of a document's outline; the server maps it to LSP document symbols and folding ranges. */
export interface OutlineNode {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** Everything the node covers. */
  readonly range: Range;
  /** The part to reveal when the node is picked, e.g. the conn's name. */
  readonly selectionRange: Range;
  readonly children: readonly OutlineNode[];
}
