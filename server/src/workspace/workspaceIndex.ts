import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkspaceModel } from '../checks/workspaceRule';
import type { DialectSetting } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import { detectFileKind, type FileKind } from '../model/fileKind';
import { parseDocument } from '../model/parse';
import { holdsSetkeyCommands } from '../model/sniffKind';
import { CertificateStore } from './certificates';
import type { FileSource } from './fileSource';
import { fileUri, loadIpsecNode } from './loadIpsecNode';
import type { IpsecNode } from './model';
import { perObject } from './memo';
import { loadRacoonHost } from './racoonHost';

export interface WorkspaceIndexOptions {
  /** The `ipsec.rootDirectory` setting: where `/` of every node is. */
  readonly rootOverride?: string;
  readonly now?: () => Date;
  readonly dialect?: DialectSetting;
  readonly expiryWarningDays?: number;
}

/**
 * Parsed documents of a workspace, each parsed once per text, and the gateway model built from
 * them. Shared by the CLI (one run) and the server (kept across edits).
 */
export class WorkspaceIndex {
  readonly certificates: CertificateStore;
  private readonly documents = new Map<string, { readonly text: string; readonly document: ParsedDocument }>();
  private readonly nodes = new Map<string, { readonly node: IpsecNode; readonly structure: number }>();
  /** Bumped when files appear or disappear, which can change what a glob include expands to. */
  private structure = 0;
  /** Files forgotten since the last model: only nodes holding one of them need a second look. */
  private readonly changed = new Set<string>();
  /** Which nodes (by ipsec.conf path) have read each file. */
  private readonly owners = new Map<string, Set<string>>();

  constructor(
    readonly files: FileSource,
    private options: WorkspaceIndexOptions = {},
  ) {
    this.certificates = new CertificateStore(files);
  }

  /** A certificate's subject, for the pairing's IDs implied by certificates. */
  private readonly subjectOf = (certificatePath: string): string | undefined => {
    if (!this.files.isFile(certificatePath)) return undefined;
    const loaded = this.certificates.load(certificatePath);
    return loaded.ok ? loaded.info.subject : undefined;
  };

  /** The parsed document for a file, re-parsed only when its text changed. */
  document<K extends FileKind>(filePath: string, kind: K): ParsedDocument<K> | undefined {
    const read = this.files.read(filePath);
    if (!read.ok) return undefined;
    const cached = this.documents.get(filePath);
    if (cached && cached.text === read.text && cached.document.kind === kind) return cached.document as ParsedDocument<K>;
    const document = parseDocument(fileUri(filePath), read.text, kind);
    paths.set(document, filePath);
    this.documents.set(filePath, { text: read.text, document });
    return document as ParsedDocument<K>;
  }

  /** Applies the dialect and root settings; nodes are rebuilt when either changes. */
  configure(dialect: DialectSetting, rootOverride: string | undefined, expiryWarningDays = 30): void {
    if (this.options.dialect !== dialect || this.options.rootOverride !== rootOverride) this.nodes.clear();
    this.options = { ...this.options, dialect, rootOverride, expiryWarningDays };
  }

  /** A file changed; `created` or deleted files may change what includes expand to. */
  forget(filePath: string, structural = false): void {
    this.documents.delete(filePath);
    this.changed.add(filePath);
    this.certificates.invalidate(filePath);
    // A certificate or key is not a document of any node, yet what the nodes' checks found depends on it.
    if (structural || detectFileKind(filePath) === undefined) this.structure++;
  }

  /** Whether every file of a node still parses to the very documents it was built from. */
  private unchanged(node: IpsecNode, touched: ReadonlySet<string>): boolean {
    if (!touched.has(node.confPath)) return true;
    const same = (document: ParsedDocument): boolean => this.document(pathOf(document), document.kind) === document;
    return node.documents.every(same) && node.secrets.every(same) && node.unincluded.every(same);
  }

  /** Builds every node from its ipsec.conf; `pskFiles` are racoon psk.txt files to watch over too. */
  model(allConfPaths: readonly string[], pskFiles: readonly string[] = [], racoonConfs: readonly string[] = [], allSetkeyPaths: readonly string[] = []): WorkspaceModel {
    const holdsSetkey = (confPath: string): boolean => {
      const document = this.document(confPath, 'ipsec');
      return document !== undefined && isSetkeyText(document);
    };
    const confPaths = allConfPaths.filter((confPath) => !holdsSetkey(confPath));
    const setkeyPaths = confPaths.length === allConfPaths.length ? allSetkeyPaths : [...allSetkeyPaths, ...allConfPaths.filter(holdsSetkey)];
    const provider = <K extends FileKind>(filePath: string, kind: K): ParsedDocument<K> | undefined => this.document(filePath, kind);
    const touched = new Set<string>();
    for (const filePath of this.changed) for (const owner of this.owners.get(filePath) ?? []) touched.add(owner);
    this.changed.clear();
    const nodes = confPaths.map((confPath) => {
      const cached = this.nodes.get(confPath);
      if (cached && cached.structure === this.structure && this.unchanged(cached.node, touched)) return cached.node;
      const node = loadIpsecNode(confPath, this.files, provider, this.options.rootOverride, this.options.dialect, this.subjectOf);
      this.nodes.set(confPath, { node, structure: this.structure });
      for (const document of [...node.documents, ...node.secrets, ...node.unincluded]) {
        const filePath = pathOf(document);
        const owners = this.owners.get(filePath) ?? new Set<string>();
        owners.add(confPath);
        this.owners.set(filePath, owners);
      }
      return node;
    });
    const secretFiles: Array<{ filePath: string; document: ParsedDocument }> = [];
    const seen = new Set<string>();
    for (const node of nodes) {
      for (const document of node.secrets) {
        const filePath = pathOf(document);
        if (!seen.has(filePath)) secretFiles.push({ filePath, document });
        seen.add(filePath);
      }
    }
    const racoonHosts = racoonConfs.flatMap((confPath) => loadRacoonHost(confPath, this.files, provider, this.options.rootOverride) ?? []);
    const hostPsk = racoonHosts.flatMap((host) => (host.psk ? [host.pskPath.resolved] : []));
    for (const filePath of [...pskFiles, ...hostPsk]) {
      const kind = path.basename(filePath) === 'psk.txt' ? 'racoon-psk' : 'ipsec-secrets';
      const document = seen.has(filePath) ? undefined : this.document(filePath, kind);
      if (document) secretFiles.push({ filePath, document });
      seen.add(filePath);
    }
    const setkeyFiles = setkeyPaths.flatMap((filePath) => this.document(filePath, 'setkey') ?? []);
    return { nodes, certificates: this.certificates, files: this.files, now: this.options.now?.() ?? new Date(), expiryWarningDays: this.options.expiryWarningDays ?? 30, secretFiles, racoonHosts, setkeyFiles, dialectSetting: this.options.dialect };
  }
}

/** An ipsec.conf that holds setkey commands: FreeBSD's /etc/ipsec.conf, read by `setkey -f`. */
const isSetkeyText = perObject((document: ParsedDocument): boolean => holdsSetkeyCommands(document.source.text));

const paths = new WeakMap<ParsedDocument, string>();

function pathOf(document: ParsedDocument): string {
  let filePath = paths.get(document);
  if (!filePath) {
    filePath = fileURLToPath(document.uri);
    paths.set(document, filePath);
  }
  return filePath;
}
