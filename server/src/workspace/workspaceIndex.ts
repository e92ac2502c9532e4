import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { DialectSetting } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { FileKind } from '../model/fileKind';
import { parseDocument } from '../model/parse';
import { CertificateStore } from './certificates';
import type { FileSource } from './fileSource';
import { loadIpsecNode } from './loadIpsecNode';

export interface WorkspaceIndexOptions {
  /** The `ipsec.rootDirectory` setting: where `/` of every node is. */
  readonly rootOverride?: string;
  readonly now?: () => Date;
  readonly dialect?: DialectSetting;
}

/**
 * Parsed documents of a workspace, each parsed once per text, and the gateway model built from
 * them. Shared by the CLI (one run) and the server (kept across edits).
 */
export class WorkspaceIndex {
  readonly certificates: CertificateStore;
  private readonly documents = new Map<string, { readonly text: string; readonly document: ParsedDocument }>();

  constructor(
    readonly files: FileSource,
    private options: WorkspaceIndexOptions = {},
  ) {
    this.certificates = new CertificateStore(files);
  }

  /** The parsed document for a file, re-parsed only when its text changed. */
  document<K extends FileKind>(filePath: string, kind: K): ParsedDocument<K> | undefined {
    const read = this.files.read(filePath);
    if (!read.ok) return undefined;
    const cached = this.documents.get(filePath);
    if (cached && cached.text === read.text && cached.document.kind === kind) return cached.document as ParsedDocument<K>;
    const document = parseDocument(pathToFileURL(filePath).href, read.text, kind);
    this.documents.set(filePath, { text: read.text, document });
    return document as ParsedDocument<K>;
  }

  setDialect(dialect: DialectSetting): void {
    this.options = { ...this.options, dialect };
  }

  forget(filePath: string): void {
    this.documents.delete(filePath);
  }

  /** Builds every node from its ipsec.conf; `pskFiles` are racoon psk.txt files to watch over too. */
  model(confPaths: readonly string[], pskFiles: readonly string[] = []): WorkspaceModel {
    const provider = <K extends FileKind>(filePath: string, kind: K): ParsedDocument<K> | undefined => this.document(filePath, kind);
    const nodes = confPaths.map((confPath) => loadIpsecNode(confPath, this.files, provider, this.options.rootOverride, this.options.dialect));
    const secretFiles: Array<{ filePath: string; document: ParsedDocument }> = [];
    const seen = new Set<string>();
    for (const node of nodes) {
      for (const document of node.secrets) {
        const filePath = fileURLToPath(document.uri);
        if (!seen.has(filePath)) secretFiles.push({ filePath, document });
        seen.add(filePath);
      }
    }
    for (const filePath of pskFiles) {
      const kind = path.basename(filePath) === 'psk.txt' ? 'racoon-psk' : 'ipsec-secrets';
      const document = seen.has(filePath) ? undefined : this.document(filePath, kind);
      if (document) secretFiles.push({ filePath, document });
      seen.add(filePath);
    }
    return { nodes, certificates: this.certificates, files: this.files, now: this.options.now?.() ?? new Date(), secretFiles };
  }
}
