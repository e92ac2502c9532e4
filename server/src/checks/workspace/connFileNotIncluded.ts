import path from 'node:path';
import type { ParsedDocument } from '../../model/document';
import { uriPath } from '../../workspace/loadIpsecNode';
import { appendLine } from '../../model/appendLine';
import { includeLineFor } from '../../workspace/includeLines';
import { matchSegment } from '../../workspace/glob';
import { defineWorkspaceRule } from '../workspaceRule';

function sectionNames(document: ParsedDocument<'ipsec'>): string[] {
  return document.ast.sections.flatMap((section) => (section.kind === 'conn' && section.name && section.name.text !== '%default' ? [section.name.text] : []));
}

export const connFileNotIncluded = defineWorkspaceRule({
  code: 'conn-file-not-included',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'A file in ipsec.d is not read by the gateway',
  description:
    'The daemon reads ipsec.conf and only the files its `include` lines name; a `.conf` file in `ipsec.d` that none of them matches is never read, so its conns never load and the peer waits for a tunnel that cannot come up. The usual cause is an ipsec.conf without `include /etc/ipsec.d/*.conf`, or an include that names other files. The quick fix adds that glob to ipsec.conf (or, when ipsec.conf already includes files from `ipsec.d` one by one, this file by name). Rename the file (say to `.conf.off`) if it is meant to stay unused.',
  checkNode(node, _model, report) {
    if (node.documents.length === 0) return;
    const conf = node.documents[0];
    const emptyIncludes = node.unmatchedIncludes.conf.map((written) => path.basename(written));
    for (const document of node.unincluded) {
      const fileName = path.basename(uriPath(document.uri));
      // An include that finds nothing here but names files like this one: the gateway's paths map differently.
      if (emptyIncludes.some((pattern) => matchSegment(pattern, fileName))) continue;
      const first = document.ast.sections.find((section) => section.kind !== 'none');
      if (!first) continue;
      const conns = sectionNames(document);
      const what = conns.length === 0 ? 'its sections never apply' : `${conns.length === 1 ? 'conn' : 'conns'} ${conns.slice(0, 3).map((name) => `"${name}"`).join(', ')}${conns.length > 3 ? ', …' : ''} never ${conns.length === 1 ? 'loads' : 'load'}`;
      const line = includeLineFor(node, fileName);
      const firstInclude = conf.ast.includes[0];
      report({
        document,
        span: first.header,
        message: `ipsec.d/${fileName} is not read: no include of this gateway's ipsec.conf names it, so ${what}; add "${line}" to ipsec.conf`,
        related: [{ document: conf, span: firstInclude?.span ?? conf.ast.sections[0]?.header ?? { start: 0, end: 0 }, message: firstInclude ? 'the includes of ipsec.conf, none of which names the file' : 'ipsec.conf, which has no include' }],
        fixes: [{ title: `Add "${line}" to ipsec.conf`, edits: [appendLine(conf, line)] }],
      });
    }
  },
});
