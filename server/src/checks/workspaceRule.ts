import type { DialectSetting } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { Span } from '../text/sourceText';
import type { CertificateStore } from '../workspace/certificates';
import type { FileSource } from '../workspace/fileSource';
import type { DocumentRef, IpsecNode } from '../workspace/model';
import type { PeerPair } from '../workspace/peers';
import type { RacoonHost } from '../workspace/racoonHost';
import type { Fix, Severity } from './finding';
import type { Rule } from './rule';

/** Everything a cross-file rule can look at. */
export interface WorkspaceModel {
  readonly nodes: readonly IpsecNode[];
  readonly certificates: CertificateStore;
  readonly files: FileSource;
  /** The time certificate validity is judged against. */
  readonly now: Date;
  /** Certificates expiring within this many days get a notice. */
  readonly expiryWarningDays: number;
  /** Files holding secrets (ipsec.secrets, psk.txt) known to the workspace, with their documents. */
  readonly secretFiles: readonly { readonly filePath: string; readonly document: DocumentRef }[];
  readonly racoonHosts: readonly RacoonHost[];
  readonly setkeyFiles: readonly ParsedDocument<'setkey'>[];
  /** The dialect setting (ipsec.dialect, .ipsec-lint.json, --dialect), also for files no gateway holds. */
  readonly dialectSetting?: DialectSetting;
}

export interface WorkspaceReport {
  readonly document: DocumentRef;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly { readonly document: DocumentRef; readonly span: Span; readonly message: string }[];
  readonly fixes?: readonly Fix[];
  /** A milder severity for this one finding, e.g. when only some of the daemons the gateway may run object. */
  readonly severity?: Severity;
  /** The one conn the finding is about, when it sits on a line several conns share (a `%default` value). */
  readonly conn?: string;
}

export type WorkspaceReporter = (r: WorkspaceReport) => void;

/**
 * A rule that reads several files at once and reports on any of them. It says what it depends
 * on by the form it takes: one gateway (`checkNode`), one pair of peered conns (`checkPair`),
 * or the whole workspace (`check`). The engine re-runs the first two only for gateways whose
 * files changed, so an edit costs what it touches, not what the workspace holds.
 */
export interface WorkspaceRule extends Omit<Rule, 'check'> {
  readonly check?: (model: WorkspaceModel, report: WorkspaceReporter) => void;
  readonly checkNode?: (node: IpsecNode, model: WorkspaceModel, report: WorkspaceReporter) => void;
  readonly checkPair?: (pair: PeerPair, model: WorkspaceModel, report: WorkspaceReporter) => void;
}

export function defineWorkspaceRule(rule: WorkspaceRule): WorkspaceRule {
  return rule;
}

/** A workspace rule that surfaces the model's own problems carrying this rule's code. */
export function modelProblemRule(definition: Omit<WorkspaceRule, 'check'>): WorkspaceRule {
  return {
    ...definition,
    checkNode(node, _model, report) {
      for (const problem of node.problems) {
        if (problem.code === definition.code) report(problem);
      }
    },
  };
}
