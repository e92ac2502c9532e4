import { canonicalAddress } from '../../text/ipLiteral';
import type { RacoonStatement, RacoonToken } from '../../parsing/racoon/ast';
import { childStatements, racoonStatements } from '../../parsing/racoon/walk';
import { closestName } from '../../text/editDistance';
import { defineRule, type Reporter } from '../rule';

export const racoonRemoteNames = defineRule({
  code: 'racoon-remote-name',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'Two remote blocks share a name, or one inherits from a remote not defined above it',
  description:
    'A named remote (`remote "office" { … }`) must be unique, and `inherit` can only copy a remote that racoon has already read, that is, one defined higher up in the file or in a file included before it: `inherit "parent"` names it, `inherit 192.0.2.1` gives its address. racoon never inherits from `anonymous`, which it leaves out of that search. It refuses the configuration otherwise. A parent is not looked for in a file whose name does not mention racoon (`racoon.d/peer.conf`): such a file is usually included, after remotes it cannot see. Rename the duplicate, move the parent block above the one that inherits from it, or copy the settings of the anonymous remote.',
  check(document, report) {
    const { source, uri } = document;
    const defined = new Map<string, RacoonToken>();
    /** The addresses of the named remotes so far, for those that inherit by name. */
    const addressesByName = new Map<string, readonly string[]>();
    const addresses = new Set<string>();
    // racoon.conf reads a file like racoon.d/peer.conf where it includes it, after remotes this file cannot see.
    let includedBefore = !/racoon/i.test(uri.slice(uri.lastIndexOf('/') + 1));
    for (const { statement, depth } of racoonStatements(document.ast)) {
      if (depth > 0) continue;
      const keyword = statement.head[0]?.text;
      if (keyword === 'include') includedBefore = true;
      if (keyword !== 'remote') continue;
      const { name, parent } = namesOf(statement);
      if (!name) {
        checkAddressParent(statement, addresses, includedBefore, report);
        for (const address of addressesOf(statement, addressesByName)) addresses.add(address);
        continue;
      }
      const earlier = defined.get(name.text);
      if (earlier) {
        report({
          span: name.span,
          message: `A remote named "${name.text}" is already defined on line ${source.positionAt(earlier.span.start).line + 1}: give this one another name.`,
          related: [{ uri, range: source.rangeOf(earlier.span), message: 'the first remote with this name' }],
        });
      } else {
        defined.set(name.text, name);
        const own = addressesOf(statement, addressesByName);
        addressesByName.set(name.text, own);
        for (const address of own) addresses.add(address);
      }
      if (parent && !includedBefore && !defined.has(parent.text)) {
        const guess = closestName(parent.text, [...defined.keys()]);
        const hint = guess ? ` Did you mean "${guess}"?` : ' Define it above this block.';
        report({ span: parent.span, message: `No remote named "${parent.text}" is defined above this one, so racoon cannot inherit from it.${hint}` });
      }
    }
  },
});

/** The quoted name of `remote "name" [inherit "parent"]`; the address form is left alone. */
function namesOf(statement: RacoonStatement): { name?: RacoonToken; parent?: RacoonToken } {
  const [, name, inherit, parent] = statement.head;
  if (name?.kind !== 'string') return {};
  const inherits = inherit?.kind === 'word' && inherit.text === 'inherit' && parent?.kind === 'string';
  return { name, parent: inherits ? parent : undefined };
}

/** `remote ADDRESS|anonymous [port] inherit ADDRESS|anonymous [port]`: racoon looks the parent up by address, among remotes that have one. */
function checkAddressParent(statement: RacoonStatement, addresses: ReadonlySet<string>, includedBefore: boolean, report: Reporter): void {
  const head = statement.head;
  const at = head.findIndex((token) => token.kind === 'word' && token.text === 'inherit');
  const parent = at > 0 ? head[at + 1] : undefined;
  if (parent?.kind !== 'word') return;
  if (parent.text === 'anonymous') {
    report({ span: parent.span, message: 'racoon does not inherit from the anonymous remote (it only looks among remotes with an address) and refuses this block: copy the settings you need, or inherit from a remote with an address' });
    return;
  }
  const address = canonicalAddress(parent.text);
  if (address === undefined || includedBefore || addresses.has(address)) return;
  report({ span: parent.span, message: `No remote for ${parent.text} is defined above this one, so racoon cannot inherit from it: define that remote above this block` });
}

/** The addresses racoon gives a remote: from its header, its remote_address, or the named remote it inherits. */
function addressesOf(statement: RacoonStatement, addressesByName: ReadonlyMap<string, readonly string[]>): string[] {
  const [, index, inherit, parent] = statement.head;
  const found: string[] = [];
  const add = (text: string | undefined): void => {
    const address = text === undefined ? undefined : canonicalAddress(text);
    if (address !== undefined) found.push(address);
  };
  if (index?.kind === 'word') add(index.text);
  if (index?.kind === 'string' && inherit?.text === 'inherit' && parent?.kind === 'string') found.push(...(addressesByName.get(parent.text) ?? []));
  for (const child of childStatements(statement)) {
    if (child.head[0]?.text === 'remote_address' && child.head[1]?.kind === 'word') add(child.head[1].text);
  }
  return found;
}
