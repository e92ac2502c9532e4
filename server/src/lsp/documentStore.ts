import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../model/document';
import { detectFileKind, isFileKind, isRacoonToolConf, type FileKind } from '../model/fileKind';
import { parseDocument } from '../model/parse';
import { refineKindByContent } from '../model/sniffKind';
import { LargeDocumentHeap } from './heapFlags';

/** Parses each open document once per version; every feature reads the cached tree. */
export class ParsedDocumentCache {
  private readonly cache = new Map<string, ParsedDocument>();

  constructor(private readonly heap = new LargeDocumentHeap()) {}

  get(document: TextDocument): ParsedDocument | undefined {
    const cached = this.cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const kind = kindOf(document);
    if (!kind) return undefined;
    const text = document.getText();
    this.heap.noteLength(text.length);
    const parsed = parseDocument(document.uri, text, kind, document.version);
    this.cache.set(document.uri, parsed);
    return parsed;
  }

  delete(uri: string): void {
    this.cache.delete(uri);
  }
}

export function kindOf(document: TextDocument): FileKind | undefined {
  let filePath = document.uri;
  try {
    if (document.uri.startsWith('file:')) filePath = fileURLToPath(document.uri);
  } catch {
    // Not a usable file URI: fall back to the raw string for name matching.
  }
  // The editor's racoon/*.conf association also takes racoon-tool.conf, which is not racoon.conf.
  if (document.languageId === 'racoon' && isRacoonToolConf(filePath)) return undefined;
  const firstLine = (): string => document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).replace(/\r?\n$/, '');
  const byName = isFileKind(document.languageId) ? document.languageId : detectFileKind(filePath, firstLine());
  return refineKindByContent(byName, document.getText());
}
