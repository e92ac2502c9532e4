import type { ParsedDocument } from '../../server/src/model/document';
import type { RacoonItem } from '../../server/src/parsing/racoon/ast';

/**
 * What the daemon reads from a document, with layout (indentation, blank lines, line breaks
 * between racoon statements) left out: formatting must not change it. The fuzz suite and the
 * formatter unit tests compare it; undefined for kinds the formatter leaves alone.
 */
export function meaningOf(document: ParsedDocument): string | undefined {
  switch (document.kind) {
    case 'ipsec': {
      const { ast } = document;
      return JSON.stringify({
        sections: ast.sections.map((s) => [s.kind, s.name?.text, s.settings.map((x) => [x.key.text, x.equals !== undefined, x.value?.text, x.value?.quoted])]),
        includes: ast.includes.map((i) => i.path?.text),
        problems: ast.problems.map((p) => p.code),
      });
    }
    case 'racoon': {
      const items = (list: readonly RacoonItem[]): unknown[] =>
        list.map((item) =>
          item.type === 'statement'
            ? [item.place, item.head.map((t) => `${t.kind}:${t.text}`), item.semicolon !== undefined, item.unterminated, item.comments.map((c) => c.text.trimEnd()), item.block && [item.block.section, item.block.close !== undefined, items(item.block.items)]]
            : [item.type, item.token.text.trimEnd()],
        );
      return JSON.stringify({ items: items(document.ast.items), problems: document.ast.problems.map((p) => p.code) });
    }
    case 'setkey': {
      const { ast } = document;
      return JSON.stringify({
        statements: ast.statements.map((s) => [s.command.text, s.args.map((a) => `${a.kind}:${a.text}`), s.semicolon !== undefined]),
        comments: ast.comments.map((c) => document.source.slice(c).trimEnd()),
        shebang: ast.shebang && document.source.slice(ast.shebang),
        problems: ast.problems.map((p) => p.code),
      });
    }
    default:
      return undefined;
  }
}
