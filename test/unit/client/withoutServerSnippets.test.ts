import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CancellationToken, CompletionContext, CompletionItem, CompletionList, Position, TextDocument } from 'vscode';
import { withoutServerSnippets } from '../../../client/src/withoutServerSnippets';

// VS Code's CompletionItemKind: Property 9, Snippet 14.
const items = [{ label: 'leftcert', kind: 9 }, { label: 'conn country', kind: 14 }] as unknown as CompletionItem[];

async function filtered(result: CompletionItem[] | CompletionList): Promise<string[]> {
  const provide = withoutServerSnippets.provideCompletionItem;
  assert.ok(provide);
  const out = await provide({} as TextDocument, {} as Position, {} as CompletionContext, {} as CancellationToken, async () => result);
  const list = Array.isArray(out) ? out : (out?.items ?? []);
  return list.map((item) => String(item.label));
}

describe("the client drops the server's snippets, which VS Code offers from contributes.snippets", () => {
  it('from an array and from a list', async () => {
    assert.deepEqual(await filtered(items), ['leftcert']);
    assert.deepEqual(await filtered({ isIncomplete: false, items } as CompletionList), ['leftcert']);
  });
});
