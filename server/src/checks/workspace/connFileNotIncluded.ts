import path from 'node:path';
import type { ParsedDocument } from '../../model/document';
import { uriPath } from '../../workspace/loadIpsecNode';
import type { IpsecNode } from '../../workspace/model';
import type { Fix } from '../finding';
import { defineWorkspaceRule } from '../workspaceRule';

const GLOB_INCLUDE = 'include /etc/ipsec.d/*.conf';

function sectionNames(document: ParsedDocument<'ipsec'>): string[] {
  return document.ast.sections.flatMap((section) => (section.kind === 'conn' && section.name && section.name.text !== '%default' ? [section.name.text] : []));
}

/**
 * The include line that brings the file in: the stock glob when ipsec.conf reads nothing from
 * ipsec.d yet, else the file by name, since the glob would read the others a second time.
 */
function includeLine(node: IpsecNode, fileName: string): string {
  const folder = path.join(node.layout.etc, 'ipsec.d');
  const readsFolder = node.documents.some((document) => path.dirname(uriPath(document.uri)) === folder);
  return readsFolder ? `include /etc/ipsec.d/${fileName}` : GLOB_INCLUDE;
}

function includeFix(node: IpsecNode, line: string): Fix {
  const conf = node.documents[0];
  const text = conf.source.text;
  const end = conf.source.positionAt(text.length);
  const newText = `${text.length > 0 && !text.endsWith('\n') ? '\n' : ''}${line}\n`;
  return { title: `Add "${line}" to ipsec.conf`, edits: [{ uri: conf.uri, range: { start: end, end }, newText }] };
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
    for (const document of node.unincluded) {
      const fileName = path.basename(uriPath(document.uri));
      const first = document.ast.sections.find((section) => section.kind !== 'none');
      if (!first) continue;
      const conns = sectionNames(document);
      const what = conns.length === 0 ? 'its sections never apply' : `${conns.length === 1 ? 'conn' : 'conns'} ${conns.slice(0, 3).map((name) => `"${name}"`).join(', ')}${conns.length > 3 ? ', …' : ''} never ${conns.length === 1 ? 'loads' : 'load'}`;
      const line = includeLine(node, fileName);
      const firstInclude = conf.ast.includes[0];
      report({
        document,
        span: first.header,
        message: `ipsec.d/${fileName} is not read: no include of this gateway's ipsec.conf names it, so ${what}; add "${line}" to ipsec.conf`,
        related: [{ document: conf, span: firstInclude?.span ?? conf.ast.sections[0]?.header ?? { start: 0, end: 0 }, message: firstInclude ? 'the includes of ipsec.conf, none of which names the file' : 'ipsec.conf, which has no include' }],
        fixes: [includeFix(node, line)],
      });
    }
  },
});
