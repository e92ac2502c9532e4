import type { Fix } from '../checks/finding';
import type { DialectGuess } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { Section, Setting } from '../parsing/ipsecConf/ast';
import type { SourceText, Span } from '../text/sourceText';
import type { Memo } from './memo';
import type { NodeLayout } from './nodeLayout';

/** What a cross-file finding needs to know about a document: where it is and its text. */
export interface DocumentRef {
  readonly uri: string;
  readonly source: SourceText;
}

/** A problem the workspace model found while assembling a node, attributed to one document. */
export interface ModelProblem {
  readonly code: string;
  readonly document: DocumentRef;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly { readonly document: DocumentRef; readonly span: Span; readonly message: string }[];
  readonly fixes?: readonly Fix[];
  /** Only a note: what the problem is about lies where the workspace shows nothing. */
  readonly severity?: 'info';
}

export interface ConnDefinition {
  readonly name: string;
  readonly section: Section;
  readonly document: ParsedDocument<'ipsec'>;
}

/** One value of an effective conn and where it came from. */
export interface EffectiveValue {
  readonly value: string;
  readonly setting: Setting;
  readonly document: ParsedDocument<'ipsec'>;
  readonly via: 'self' | 'also' | 'default';
}

/** A conn with `%default` and `also=` applied: what the daemon would load. */
export interface EffectiveConn {
  readonly name: string;
  readonly definition: ConnDefinition;
  readonly values: ReadonlyMap<string, EffectiveValue>;
  /** What pairing and checks derive from this conn, kept with it. */
  readonly memo: Memo;
}

/** One gateway: an ipsec.conf and everything it includes. */
export interface IpsecNode {
  readonly confPath: string;
  readonly layout: NodeLayout;
  /** ipsec.conf first, then included files in the order the daemon reads them. */
  readonly documents: readonly ParsedDocument<'ipsec'>[];
  /** `ipsec.d/*.conf` files beside ipsec.conf that no include reads: the daemon never sees them. */
  readonly unincluded: readonly ParsedDocument<'ipsec'>[];
  /** The paths, as written, of include lines (of ipsec.conf's files, of ipsec.secrets') that found no file in the workspace. */
  readonly unmatchedIncludes: { readonly conf: readonly string[]; readonly secrets: readonly string[] };
  readonly secrets: readonly ParsedDocument<'ipsec-secrets'>[];
  readonly conns: ReadonlyMap<string, ConnDefinition>;
  readonly effective: ReadonlyMap<string, EffectiveConn>;
  readonly problems: readonly ModelProblem[];
  /** Which daemon the node's files are written for, and why. */
  readonly dialect: DialectGuess;
  /** The subject DN of a certificate named as `leftcert=` would name it, when the workspace can read it. */
  readonly certificateSubject?: (written: string) => string | undefined;
  /** What checks derive from this gateway, kept with it. */
  readonly memo: Memo;
}
