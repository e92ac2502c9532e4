import type { SyntaxProblem } from '../../checks/finding';
import type { Span } from '../../text/sourceText';

export interface SetkeyToken {
  readonly kind: 'word' | 'string' | 'semicolon';
  readonly span: Span;
  /** The text; a string loses its quotes. */
  readonly text: string;
  readonly startsLine: boolean;
  readonly terminated: boolean;
}

/** One `ipsec` request of a policy: protocol/mode/src-dst/level. */
export interface IpsecRequest {
  readonly token: SetkeyToken;
  readonly protocol: string;
  readonly mode: string;
  readonly endpoints: string;
  readonly level: string;
}

/** What an spdadd/spdupdate/spddelete says, when it could be read. */
export interface SpdPolicy {
  readonly source?: SetkeyToken;
  readonly destination?: SetkeyToken;
  readonly upperLayer?: SetkeyToken;
  readonly direction?: SetkeyToken;
  readonly action?: SetkeyToken;
  readonly requests: readonly IpsecRequest[];
}

export interface SetkeyStatement {
  readonly type: 'statement';
  readonly span: Span;
  readonly command: SetkeyToken;
  /** Tokens after the command, up to the `;`. */
  readonly args: readonly SetkeyToken[];
  readonly semicolon?: SetkeyToken;
  readonly policy?: SpdPolicy;
}

export interface SetkeyFile {
  readonly statements: readonly SetkeyStatement[];
  readonly comments: readonly Span[];
  /** The `#!/sbin/setkey -f` line, kept as written. */
  readonly shebang?: Span;
  readonly problems: readonly SyntaxProblem[];
}
