import type { ParsedDocument } from '../../model/document';
import type { RacoonStatement, RacoonToken } from '../../parsing/racoon/ast';
import { childStatements } from '../../parsing/racoon/walk';
import { closestName } from '../../text/editDistance';
import { canonicalAddress } from '../../text/ipLiteral';
import type { Span } from '../../text/sourceText';

/** A remote block's header that racoon refuses, found while reading remotes in racoon's order. */
export type RemoteHeaderProblem =
  | { readonly kind: 'duplicate'; readonly span: Span; readonly name: string; readonly earlier: DefinedRemote }
  | { readonly kind: 'missing-parent'; readonly span: Span; readonly message: string }
  | { readonly kind: 'anonymous-parent'; readonly span: Span };

export interface DefinedRemote {
  readonly token: RacoonToken;
  readonly document: ParsedDocument<'racoon'>;
}

/**
 * The remotes racoon has read so far, as `inherit` and its duplicate test look them up: by quoted
 * name (getrmconf_by_name, across every file read) and by address. Fed one top-level remote block
 * at a time, in the order racoon reads them.
 */
export class RemotesRead {
  private readonly names = new Map<string, DefinedRemote>();
  /** The addresses of the named remotes so far, for those that inherit by name. */
  private readonly addressesByName = new Map<string, readonly string[]>();
  private readonly addresses = new Set<string>();

  /** `before` says where racoon looks for a parent: 'defined above this one' within a file, 'read before this one' across a host's files. */
  constructor(private readonly before: string) {}

  /** Records a remote block and returns what racoon objects to in its header; `checkParent` false when its parent may lie where this reader cannot see. */
  read(statement: RacoonStatement, document: ParsedDocument<'racoon'>, checkParent: boolean): RemoteHeaderProblem[] {
    const problems: RemoteHeaderProblem[] = [];
    const { name, parent } = namesOf(statement);
    if (!name) {
      const problem = this.addressParentProblem(statement, checkParent);
      if (problem) problems.push(problem);
      for (const address of this.addressesOf(statement)) this.addresses.add(address);
      return problems;
    }
    const earlier = this.names.get(name.text);
    if (earlier) {
      problems.push({ kind: 'duplicate', span: name.span, name: name.text, earlier });
    } else {
      this.names.set(name.text, { token: name, document });
      const own = this.addressesOf(statement);
      this.addressesByName.set(name.text, own);
      for (const address of own) this.addresses.add(address);
    }
    if (parent && checkParent && !this.names.has(parent.text)) {
      const guess = closestName(parent.text, [...this.names.keys()]);
      const hint = guess ? ` Did you mean "${guess}"?` : ' Define it above this block.';
      problems.push({ kind: 'missing-parent', span: parent.span, message: `No remote named "${parent.text}" is ${this.before}, so racoon cannot inherit from it.${hint}` });
    }
    return problems;
  }

  /** `remote ADDRESS|anonymous [port] inherit ADDRESS|anonymous [port]`: racoon looks the parent up by address, among remotes that have one. */
  private addressParentProblem(statement: RacoonStatement, checkParent: boolean): RemoteHeaderProblem | undefined {
    const head = statement.head;
    const at = head.findIndex((token) => token.kind === 'word' && token.text === 'inherit');
    const parent = at > 0 ? head[at + 1] : undefined;
    if (parent?.kind !== 'word') return undefined;
    if (parent.text === 'anonymous') return { kind: 'anonymous-parent', span: parent.span };
    const address = canonicalAddress(parent.text);
    if (address === undefined || !checkParent || this.addresses.has(address)) return undefined;
    return { kind: 'missing-parent', span: parent.span, message: `No remote for ${parent.text} is ${this.before}, so racoon cannot inherit from it: define that remote above this block` };
  }

  /** The addresses racoon gives a remote: from its header, its remote_address, or the named remote it inherits. */
  private addressesOf(statement: RacoonStatement): string[] {
    const [, index, inherit, parent] = statement.head;
    const found: string[] = [];
    const add = (text: string | undefined): void => {
      const address = text === undefined ? undefined : canonicalAddress(text);
      if (address !== undefined) found.push(address);
    };
    if (index?.kind === 'word') add(index.text);
    if (index?.kind === 'string' && inherit?.text === 'inherit' && parent?.kind === 'string') found.push(...(this.addressesByName.get(parent.text) ?? []));
    for (const child of childStatements(statement)) {
      if (child.head[0]?.text === 'remote_address' && child.head[1]?.kind === 'word') add(child.head[1].text);
    }
    return found;
  }
}

/** The quoted name of `remote "name" [inherit "parent"]`; the address form is left alone. */
function namesOf(statement: RacoonStatement): { name?: RacoonToken; parent?: RacoonToken } {
  const [, name, inherit, parent] = statement.head;
  if (name?.kind !== 'string') return {};
  const inherits = inherit?.kind === 'word' && inherit.text === 'inherit' && parent?.kind === 'string';
  return { name, parent: inherits ? parent : undefined };
}

export const ANONYMOUS_PARENT_MESSAGE =
  'racoon does not inherit from the anonymous remote (it only looks among remotes with an address) and refuses this block: copy the settings you need, or inherit from a remote with an address';
