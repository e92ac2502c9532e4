import { keywordsFor, lookupKeyword, type SectionKind, type ValueType } from '../../knowledge/ipsecConf';
import { dialectTargets, type DialectTarget } from '../../checks/ipsecConf/dialectView';
import { libreswan3RefusedWord } from '../../knowledge/ipsecConf/libreswan3Keywords';
import type { DialectGuess } from '../../model/dialect';
import type { ParsedDocument } from '../../model/document';
import type { Section } from '../../parsing/ipsecConf/ast';
import type { Position } from '../../text/sourceText';
import type { CertFolder } from '../../workspace/certPaths';
import { rangeBack, type CompletionEntry } from './entry';
import type { IdentityCandidate } from './identities';
import type { PeerValueCandidate } from './peerValues';
import { proposalWordCompletions } from './proposalWords';

/** Lists the files of the gateway's `ipsec.d/<folder>`. */
export type CertificateLister = (folder: CertFolder) => readonly string[];

/** The IDs that fit one end of a conn of the gateway. */
export type IdentityLister = (connName: string, side: 'left' | 'right') => readonly IdentityCandidate[];

/** The addresses and subnets that fit a key of a conn of the gateway (`right=`, `leftsubnet=`…). */
export type PeerValueLister = (connName: string, key: string) => readonly PeerValueCandidate[];

export interface IpsecConfCompletionContext {
  /** Conns of the gateway, offered after `also=`. */
  readonly connNames: readonly string[];
  readonly dialect?: DialectGuess;
  readonly certificateFiles?: CertificateLister;
  readonly identities?: IdentityLister;
  readonly peerValues?: PeerValueLister;
}

/** Keys whose value, where the dialect reads it as a file name, is looked up in this ipsec.d folder. */
const CERTIFICATE_FOLDERS: Readonly<Record<string, CertFolder>> = { cert: 'certs', cert2: 'certs', ca: 'cacerts', ca2: 'cacerts', cacert: 'cacerts' };

function sectionAt(document: ParsedDocument<'ipsec'>, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of document.ast.sections) if (section.kind !== 'none' && section.headerLine < line) found = section;
  return found;
}

function valuesOf(type: ValueType): readonly string[] {
  if (type.kind === 'yesno') return ['yes', 'no'];
  if (type.kind === 'enum' || type.kind === 'enumList') return type.values;
  return [];
}

/** The ipsec.d folder a key's value names a file in, for the first plausible dialect that reads it as a file. */
function certificateFolderFor(key: string, targets: readonly DialectTarget[]): CertFolder | undefined {
  for (const target of targets) {
    const lookup = lookupKeyword(key, target.dialect, target.version);
    const folder = lookup.entry && CERTIFICATE_FOLDERS[lookup.entry.name];
    if (folder && lookup.type?.kind === 'filename') return folder;
  }
  return undefined;
}

/**
 * Completion in ipsec.conf: keys the section accepts in the gateway's dialect (with `=`),
 * values of enumerated keys, conn names after `also=`, IDs from the conn's certificates and its
 * peer after `leftid=`/`rightid=`, addresses and subnets from the peer and the workspace's
 * gateways after `left=`/`right=`/`leftsubnet=`/`rightsubnet=`, and certificate file names from
 * the gateway's ipsec.d folders where the dialect takes a file name.
 */
export function completeIpsecConf(document: ParsedDocument<'ipsec'>, position: Position, context: IpsecConfCompletionContext): CompletionEntry[] {
  if (position.line >= document.source.lineCount) return [];
  const lineText = document.source.lineText(position.line).slice(0, position.character);
  const section = sectionAt(document, position.line);
  if (!section || !/^[ \t]/.test(lineText)) return [];
  const kind = section.kind as SectionKind;
  const targets = dialectTargets(document, { dialect: context.dialect });
  const valueMatch = /^[ \t]+([A-Za-z0-9_.-]+)[ \t]*=[ \t]*([^ \t#]*)$/.exec(lineText);
  if (valueMatch) {
    const [, key, typed] = valueMatch;
    const range = rangeBack(position, typed.length);
    if (key === 'also') {
      const own = section.kind === 'conn' ? section.name?.text : undefined;
      return context.connNames.filter((name) => name !== own && name !== '%default').map((name) => ({ label: name, kind: 'reference', insertText: name, range }));
    }
    const idSide = /^(left|right)id$/.exec(key)?.[1] as 'left' | 'right' | undefined;
    if (idSide && section.kind === 'conn' && section.name && section.name.text !== '%default' && !typed.startsWith('"')) {
      const ids = context.identities?.(section.name.text, idSide) ?? [];
      if (ids.length > 0) return ids.map((candidate) => ({ label: candidate.id, kind: 'value', detail: candidate.detail, insertText: candidate.id, range }));
    }
    const connName = section.kind === 'conn' && section.name && section.name.text !== '%default' ? section.name.text : undefined;
    const peerValues = connName ? (context.peerValues?.(connName, key) ?? []) : [];
    const fromPeers: CompletionEntry[] = peerValues.map((candidate, index) => ({ label: candidate.value, kind: 'value', detail: candidate.detail, insertText: candidate.value, sortText: `0${String(index).padStart(3, '0')}`, range }));
    const folder = certificateFolderFor(key, targets);
    if (folder) {
      if (typed.includes('/')) return [];
      return (context.certificateFiles?.(folder) ?? []).map((name) => ({ label: name, kind: 'file', detail: `ipsec.d/${folder}`, insertText: name, range }));
    }
    const candidate = targets.flatMap((t) => keywordsFor(kind, t.dialect, t.version)).find((c) => c.name === key);
    if (!candidate) return fromPeers;
    // The peer's whole list fits only where the value starts; further on, each word completes.
    if (candidate.entry.type.kind === 'proposals') return [...(typed === '' ? fromPeers : []), ...proposalWordCompletions(typed, position, targets)];
    const offered = new Set(peerValues.map((c) => c.value));
    // A file pinned to Libreswan 3 is offered only the words 3.x took.
    const older = targets.some((t) => t.dialect === 'libreswan' && t.olderRelease !== undefined);
    const values = valuesOf(candidate.entry.type).filter((value) => !offered.has(value) && !(older && libreswan3RefusedWord(key, value)));
    return [...fromPeers, ...values.map((value): CompletionEntry => ({ label: value, kind: 'value', insertText: value, range, detail: candidate.entry.default === value ? 'default' : undefined }))];
  }
  const keyMatch = /^[ \t]+([A-Za-z0-9_.-]*)$/.exec(lineText);
  if (!keyMatch) return [];
  const range = rangeBack(position, keyMatch[1].length);
  const seen = new Map<string, CompletionEntry>();
  for (const target of targets) {
    for (const candidate of keywordsFor(kind, target.dialect, target.version)) {
      if (seen.has(candidate.name)) continue;
      seen.set(candidate.name, {
        label: candidate.name,
        kind: 'keyword',
        detail: candidate.entry.default !== undefined ? `default ${candidate.entry.default}` : undefined,
        documentation: candidate.entry.doc,
        insertText: `${candidate.name}=`,
        range,
        deprecated: candidate.status === 'deprecated',
        suggestNext: true,
      });
    }
  }
  return [...seen.values()];
}
