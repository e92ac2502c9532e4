import type { ParsedDocument } from '../../model/document';
import { canonicalAddress } from '../../text/ipLiteral';
import { pathOnGateway } from '../../workspace/keptFolders';
import type { Fix } from '../finding';
import { defineWorkspaceRule } from '../workspaceRule';

/** What the quick fix writes in place of the key: the user agrees the real key with the peer. */
export const PSK_PLACEHOLDER = 'REPLACE-WITH-SHARED-KEY';

export const racoonPskEntry = defineWorkspaceRule({
  code: 'racoon-psk-missing',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A remote authenticates with a pre-shared key that psk.txt does not hold',
  description:
    "A `remote` whose proposal uses `authentication_method pre_shared_key` needs the file named by `path pre_shared_key` (by default /etc/racoon/psk.txt) and, in it, a line for the peer's address (for a named remote, its `remote_address`; a named remote without one is not judged) or for its `peers_identifier`, by which aggressive mode looks the key up. Without it phase 1 fails. When the file itself is not in the workspace (keys are often kept out of repositories), the finding is only a note that the keys are not checked. Add the line, with the key agreed with the peer; the quick fix adds it with the placeholder `REPLACE-WITH-SHARED-KEY` for you to replace. racoon compares the line's first word as text with the address as the C library prints it, so an IPv6 peer must be written in that one form (lower case, `::` for the longest run of zero groups: `2001:db8::41`); a line that writes the same address otherwise is reported, with a fix that rewrites it.",
  check(model, report) {
    for (const host of model.racoonHosts) {
      const users = host.remotes.filter((r) => r.usesPsk);
      if (users.length === 0) continue;
      if (!host.psk) {
        // Like ipsec.secrets for conn-psk-missing: a repository rarely keeps its keys, so an absent file is only noted.
        const where = pathOnGateway(host.pskPath.written, host.pskPath.resolved, host.layout);
        report({
          ...(host.pskPath.span && host.pskPath.document ? { document: host.pskPath.document, span: host.pskPath.span } : { document: users[0].document, span: users[0].nameSpan }),
          severity: 'info',
          message: `${where} is not in this workspace, so the keys of ${users.length} remote(s) that authenticate with a pre-shared key are not checked; on the host, racoon needs it (mode 600) with one "peer key" line per remote`,
        });
        continue;
      }
      const entries = host.psk.ast.entries;
      const identifiers = new Set(entries.map((e) => e.identifier.text.toLowerCase()));
      const writtenAs = new Set(entries.map((e) => e.identifier.text));
      for (const remote of users) {
        // racoon looks the key up by the peer's address (or identity): a named remote without remote_address is not judged.
        const address = remote.address;
        if (address === undefined) continue;
        if (remote.peersIdentifier !== undefined && identifiers.has(remote.peersIdentifier.toLowerCase())) continue;
        // By address, racoon compares each line's first word, as text, with the address as inet_ntop prints it.
        const lookup = canonicalAddress(address);
        if (identifiers.has('*') || (lookup ? writtenAs.has(lookup) : identifiers.has(address.toLowerCase()))) continue;
        const psk = pathOnGateway(host.pskPath.written, host.pskPath.resolved, host.layout);
        const name = remote.named ? `"${remote.name}" (${address})` : address;
        const written = lookup && entries.find((e) => canonicalAddress(e.identifier.text) === lookup);
        if (written) {
          report({
            document: host.psk,
            span: written.identifier.span,
            message: `racoon looks the key for remote ${name} up as "${lookup}" and compares the text, so this line, written "${written.identifier.text}", is not found: write ${lookup}`,
            fixes: [{ title: `Write ${lookup}`, preferred: true, edits: [{ uri: host.psk.uri, range: host.psk.source.rangeOf(written.identifier.span), newText: lookup }] }],
          });
          continue;
        }
        const entry = lookup ?? address;
        report({
          document: remote.document,
          span: remote.nameSpan,
          message: `remote ${name} uses a pre-shared key, but ${psk} has no line for ${entry}: add "${entry}<TAB>key"`,
          fixes: [addEntryFix(host.psk, entry)],
        });
      }
    }
  },
});

/** Appends `peer<TAB>placeholder` to psk.txt; never a generated key, so no secret passes through the editor. */
function addEntryFix(psk: ParsedDocument<'racoon-psk'>, peer: string): Fix {
  const { source } = psk;
  const end = source.rangeOf({ start: source.text.length, end: source.text.length });
  const separator = source.text.length > 0 && !/[\r\n]$/.test(source.text) ? '\n' : '';
  return {
    title: `Add a line for ${peer} to ${fileName(psk.uri)} (with a placeholder key)`,
    edits: [{ uri: psk.uri, range: end, newText: `${separator}${peer}\t${PSK_PLACEHOLDER}\n` }],
  };
}

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}
