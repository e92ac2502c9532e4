import {
  CodeAction,
  CodeActionKind,
  CreateFile,
  Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  DocumentSymbol,
  FoldingRange,
  FoldingRangeKind,
  SymbolKind,
  TextDocumentEdit,
  TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Finding, Fix, Severity } from '../checks/finding';
import { findRule } from '../checks/registry';
import { ruleDocUrl } from '../checks/ruleDocs';
import type { FoldingSpan } from '../features/folding';
import type { OutlineKind, OutlineNode } from '../features/outline/outline';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The severity a diagnostic came with, as the checks name it. */
export function severityOf(diagnostic: Diagnostic): Severity | undefined {
  return (Object.keys(SEVERITY) as Severity[]).find((severity) => SEVERITY[severity] === diagnostic.severity);
}

export interface DiagnosticData {
  readonly fixes: readonly Fix[];
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocUrl(finding.code) },
    source: 'ipsec-lint',
    message: finding.message,
  };
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  }
  if (finding.fixes && finding.fixes.length > 0) diagnostic.data = { fixes: finding.fixes } satisfies DiagnosticData;
  const tag = findRule(finding.code)?.editorTag;
  if (tag) diagnostic.tags = [tag === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary];
  return diagnostic;
}

export function fixToCodeAction(fix: Fix, uri: string, diagnostic: Diagnostic): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const edit of fix.edits) {
    const target = edit.uri ?? uri;
    (changes[target] ??= []).push(TextEdit.replace(edit.range, edit.newText));
  }
  const action = CodeAction.create(fix.title, fix.creates ? withCreatedFiles(fix, changes) : { changes }, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred === true;
  return action;
}

/** Created files go first (failing if one exists meanwhile), then their text, then the other edits. */
function withCreatedFiles(fix: Fix, changes: Record<string, TextEdit[]>): WorkspaceEdit {
  const created = fix.creates ?? [];
  return {
    documentChanges: [
      ...created.map((file) => CreateFile.create(file.uri, { overwrite: false, ignoreIfExists: false })),
      ...created.map((file) => TextDocumentEdit.create({ uri: file.uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, file.text)])),
      ...Object.entries(changes).map(([target, edits]) => TextDocumentEdit.create({ uri: target, version: null }, edits)),
    ],
  };
}

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  setup: SymbolKind.Namespace,
  connection: SymbolKind.Interface,
  ca: SymbolKind.Class,
  include: SymbolKind.File,
  block: SymbolKind.Struct,
  statement: SymbolKind.Event,
  entry: SymbolKind.Key,
  key: SymbolKind.Property,
};

export function toDocumentSymbol(node: OutlineNode): DocumentSymbol {
  return {
    name: node.name.length > 0 ? node.name : '(empty)',
    detail: node.detail,
    kind: SYMBOL_KIND[node.kind],
    range: node.range,
    selectionRange: node.selectionRange,
    children: node.children.map(toDocumentSymbol),
  };
}

export function toFoldingRange(span: FoldingSpan): FoldingRange {
  const range = FoldingRange.create(span.startLine, span.endLine);
  if (span.kind === 'comment') range.kind = FoldingRangeKind.Comment;
  return range;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  return typeof value === 'object' && value !== null && Array.isArray((value as { fixes?: unknown }).fixes);
}
