import type { DialectGuess } from '../model/dialect';
import type { ParsedDocument } from '../model/document';
import type { FileKind } from '../model/fileKind';
import type { Span } from '../text/sourceText';
import type { Fix, RelatedLocation, Severity, SeveritySetting } from './finding';

/** What a rule hands to the reporter; code and severity are filled in by the engine. */
export interface Report {
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  readonly fixes?: readonly Fix[];
  /** A milder severity for this one finding, e.g. when only some plausible dialects object. */
  readonly severity?: Severity;
}

export type Reporter = (report: Report) => void;

/** Facts about the surroundings of a document that a rule may consult. Grows with the workspace model. */
export interface CheckContext {
  /** Which daemon the document's gateway is written for; undefined: decided from the document alone. */
  readonly dialect?: DialectGuess;
  /** racoon reads the file where another file includes it, after what came before: rules that need that leave it to the host's rules. */
  readonly readThroughInclude?: boolean;
}

/**
 * One check with a stable code. Rules are pure: they read a parsed document and report.
 * The catalogue in docs/rules.md is generated from these fields.
 */
export interface Rule<K extends FileKind = FileKind> {
  readonly code: string;
  readonly fileKinds: readonly K[];
  /** `off` for opt-in rules that users enable through `ipsec.rules`. */
  readonly defaultSeverity: SeveritySetting;
  /** A short sentence shown in the catalogue. */
  readonly title: string;
  /** Why it matters and what to do, in Markdown. */
  readonly description: string;
  /**
   * How an editor may draw what the rule finds: `deprecated` struck through (a keyword the daemon
   * ignores or spells otherwise now), `unnecessary` faded (text the daemon never reads).
   */
  readonly editorTag?: 'deprecated' | 'unnecessary';
  readonly check: (document: ParsedDocument<K>, report: Reporter, context: CheckContext) => void;
}

/** Helper so each rule file gets precise typing for its document kind. */
export function defineRule<K extends FileKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** A rule that surfaces the parser's own problems carrying this rule's code. */
export function syntaxRule<K extends FileKind>(
  definition: Omit<Rule<K>, 'check'>,
): Rule<K> {
  return {
    ...definition,
    check(document, report) {
      for (const problem of document.ast.problems) {
        if (problem.code === definition.code) report({ span: problem.span, message: problem.message, severity: problem.severity });
      }
    },
  };
}

/** A rule of any kind, as the registry holds them; the engine only runs it on documents of its kinds. */
export interface AnyRule extends Omit<Rule, 'check'> {
  readonly check: (document: never, report: Reporter, context: CheckContext) => void;
}
