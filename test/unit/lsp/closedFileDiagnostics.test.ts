import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, type Diagnostic, type WorkspaceDiagnosticReportPartialResult, type WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver/node';
import { ClosedFileDiagnostics } from '../../../server/src/lsp/closedFileDiagnostics';

const diagnostic = (message: string): Diagnostic => ({ message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } });
const text = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const A = 'file:///gw/a.conf';
const B = 'file:///gw/b.conf';

function recorder(): { closed: ClosedFileDiagnostics; pushes: Array<[string, string[]]> } {
  const pushes: Array<[string, string[]]> = [];
  const closed = new ClosedFileDiagnostics((uri, list) => pushes.push([uri, list.map(text)]));
  return { closed, pushes };
}

const summary = (items: readonly WorkspaceDocumentDiagnosticReport[]): Array<[string, string[]]> =>
  items.map((item) => [item.uri, item.kind === 'full' ? item.items.map(text) : []]);

describe('closed files: pushed until the client pulls them', () => {
  it('pushes only what changed, and clears a file that has no finding left', () => {
    const { closed, pushes } = recorder();
    closed.update(new Map([[A, [diagnostic('one')]], [B, [diagnostic('two')]]]));
    closed.update(new Map([[A, [diagnostic('one')]], [B, [diagnostic('two')]]]));
    closed.update(new Map([[A, [diagnostic('one')]]]));
    assert.deepEqual(pushes, [[A, ['one']], [B, ['two']], [B, []]]);
  });

  it('clears what it pushed for a file that opens, and pushes it again once closed', () => {
    const { closed, pushes } = recorder();
    closed.update(new Map([[A, [diagnostic('one')]]]));
    closed.opened(A);
    closed.update(new Map());
    closed.update(new Map([[A, [diagnostic('one')]]]));
    assert.deepEqual(pushes, [[A, ['one']], [A, []], [A, ['one']]]);
  });

  it('stops pushing at the first pull, withdrawing what it pushed, and answers with every file at once', async () => {
    const { closed, pushes } = recorder();
    closed.update(new Map([[A, [diagnostic('one')]]]));
    const report = await closed.pull([], new CancellationTokenSource().token);
    assert.deepEqual(summary(report.items), [[A, ['one']]]);
    assert.deepEqual(pushes, [[A, ['one']], [A, []]]);
    closed.update(new Map([[A, [diagnostic('changed')]]]));
    assert.equal(pushes.length, 2, 'nothing is pushed once the client pulls');
  });

  it('holds a pull that has nothing new until a change, then answers with only that file', async () => {
    const { closed } = recorder();
    closed.update(new Map([[A, [diagnostic('one')]], [B, [diagnostic('two')]]]));
    const first = await closed.pull([], new CancellationTokenSource().token);
    const held = first.items.map((item) => ({ uri: item.uri, value: item.resultId ?? '' }));
    let answered = false;
    const second = closed.pull(held, new CancellationTokenSource().token).then((report) => ((answered = true), report));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false, 'nothing changed: the pull waits');
    closed.update(new Map([[A, [diagnostic('one')]], [B, [diagnostic('two')]]]));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false, 'the same findings again are no change');
    closed.update(new Map([[A, [diagnostic('one')]]]));
    assert.deepEqual(summary((await second).items), [[B, []]]);
  });

  it('feeds a pull with a partial-result token every change until the client cancels it', async () => {
    const { closed } = recorder();
    closed.update(new Map([[A, [diagnostic('one')]]]));
    const parts: WorkspaceDiagnosticReportPartialResult[] = [];
    const cancel = new CancellationTokenSource();
    const pulling = closed.pull([], cancel.token, { report: (part) => parts.push(part) });
    closed.update(new Map([[A, [diagnostic('one')]], [B, [diagnostic('two')]]]));
    closed.update(new Map([[B, [diagnostic('two')]]]));
    cancel.cancel();
    assert.deepEqual((await pulling).items, []);
    assert.deepEqual(parts.map((part) => summary(part.items)), [[[A, ['one']]], [[B, ['two']]], [[A, []]]]);
    closed.update(new Map());
    assert.equal(parts.length, 3, 'a cancelled pull is fed nothing more');
  });

  it('sends a file that was open and closed again, though its findings are what they were', async () => {
    const { closed, pushes } = recorder();
    closed.update(new Map([[A, [diagnostic('one')]]]));
    closed.opened(A);
    closed.closed(A);
    closed.update(new Map([[A, [diagnostic('one')]]]));
    assert.deepEqual(pushes, [[A, ['one']], [A, []], [A, ['one']]]);
    const parts: WorkspaceDiagnosticReportPartialResult[] = [];
    const cancel = new CancellationTokenSource();
    const pulling = closed.pull([], cancel.token, { report: (part) => parts.push(part) });
    closed.closed(A);
    closed.update(new Map([[A, [diagnostic('one')]]]));
    cancel.cancel();
    await pulling;
    assert.deepEqual(parts.map((part) => summary(part.items)), [[[A, ['one']]], [[A, ['one']]]]);
  });

  it('gives a file the client holds under an older result id in full, and leaves out the ones it holds current', async () => {
    const { closed } = recorder();
    closed.update(new Map([[A, [diagnostic('one')]], [B, [diagnostic('two')]]]));
    const first = await closed.pull([], new CancellationTokenSource().token);
    const idOf = (uri: string) => first.items.find((item) => item.uri === uri)?.resultId ?? '';
    const report = await closed.pull([{ uri: A, value: idOf(A) }, { uri: B, value: 'stale' }], new CancellationTokenSource().token);
    assert.deepEqual(summary(report.items), [[B, ['two']]]);
  });
});
