import type { CertificateInfo } from '../../workspace/certificates';
import { namesCertificateFile, resolveInNode } from '../../workspace/certPaths';
import { MemoSlot } from '../../workspace/memo';
import type { EffectiveValue, IpsecNode } from '../../workspace/model';
import type { ConnRef, Side } from '../../workspace/peers';
import type { WorkspaceModel } from '../workspaceRule';

export interface CertificateRef {
  readonly node: IpsecNode;
  readonly connName: string;
  readonly side: Side;
  readonly value: EffectiveValue;
  readonly filePath: string;
  /** Undefined when the file is missing or unreadable. */
  readonly info?: CertificateInfo;
  readonly reason?: string;
}

const NODE_REFS = new MemoSlot<CertificateRef[]>('certificate references');

/**
 * Every leftcert/rightcert of a gateway that names a file, once per (file, setting): several
 * conns sharing a `%default` certificate are reported once. Cached per node object, which is
 * rebuilt when its files change.
 */
export function nodeCertificateRefs(model: WorkspaceModel, node: IpsecNode): CertificateRef[] {
  return node.memo.get(NODE_REFS, model, (m) => nodeRefs(m, node));
}

function nodeRefs(model: WorkspaceModel, node: IpsecNode): CertificateRef[] {
  const refs: CertificateRef[] = [];
  {
    const seen = new Set<string>();
    for (const conn of node.effective.values()) {
      for (const side of ['left', 'right'] as const) {
        const value = conn.values.get(`${side}cert`);
        if (!value || !namesCertificateFile(value.value)) continue;
        const key = `${value.document.uri}:${value.setting.span.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const filePath = resolveInNode(node, value.value, 'certs');
        const loaded = model.files.isFile(filePath) ? model.certificates.load(filePath) : undefined;
        refs.push({
          node,
          connName: conn.name,
          side,
          value,
          filePath,
          info: loaded?.ok ? loaded.info : undefined,
          reason: loaded && !loaded.ok ? loaded.reason : undefined,
        });
      }
    }
  }
  return refs;
}

/** Whether a conn's effective value is the very setting a reference came from. */
export function sameSetting(value: { readonly document: { readonly uri: string }; readonly setting: { readonly span: { readonly start: number } } } | undefined, ref: CertificateRef): boolean {
  return value !== undefined && value.document.uri === ref.value.document.uri && value.setting.span.start === ref.value.setting.span.start;
}

/** The certificate a conn presents to its peer: its `leftcert`, when that names a file. */
export function presentedCertificate(model: WorkspaceModel, ref: ConnRef): CertificateRef | undefined {
  const leftcert = ref.conn.values.get('leftcert');
  return leftcert && nodeCertificateRefs(model, ref.node).find((r) => r.side === 'left' && sameSetting(leftcert, r));
}

/** Where a certificate reference is written: its value, or the whole setting when it has none. */
export function certificateSite(ref: CertificateRef): { readonly document: EffectiveValue['document']; readonly span: EffectiveValue['setting']['span'] } {
  return { document: ref.value.document, span: ref.value.setting.value?.span ?? ref.value.setting.span };
}
