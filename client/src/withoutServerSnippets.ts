import type { CompletionItem, CompletionItemKind, CompletionList } from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

/** VS Code's `CompletionItemKind.Snippet`, spelled out so this module loads without VS Code (tests). */
const SNIPPET_KIND = 14 as CompletionItemKind.Snippet;

/**
 * VS Code already offers the snippets of `contributes.snippets`; the server offers the same
 * files' snippets for editors without that mechanism. Dropping the server's copies here keeps
 * each snippet once in the list.
 */
export const withoutServerSnippets: Pick<Middleware, 'provideCompletionItem'> = {
  async provideCompletionItem(document, position, context, token, next) {
    const result = await next(document, position, context, token);
    if (!result) return result;
    if (Array.isArray(result)) return result.filter(isNotSnippet);
    return { ...result, items: result.items.filter(isNotSnippet) } satisfies CompletionList;
  },
};

function isNotSnippet(item: CompletionItem): boolean {
  return item.kind !== SNIPPET_KIND;
}
