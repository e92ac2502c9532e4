import type { SyntaxProblem } from '../../checks/finding';
import type { Span } from '../../text/sourceText';

export interface SecretsToken {
  readonly kind: 'word' | 'string' | 'open' | 'close';
  readonly span: Span;
  /** Text without quotes. May be secret material: never put it in a message. */
  readonly text: string;
  readonly line: number;
  readonly startsLine: boolean;
  readonly atColumnZero: boolean;
  readonly terminated: boolean;
}

export interface SecretEntry {
  readonly type: 'entry';
  readonly span: Span;
  readonly selectors: readonly SecretsToken[];
  readonly colon?: Span;
  /** The secret's type word (PSK, RSA, …); missing for the old `selectors : "secret"` form, which means PSK. */
  readonly secretType?: SecretsToken;
  /** What follows the type: the secret, a key file name and passphrase, etc. Secret material. */
  readonly secretTokens: readonly SecretsToken[];
  /** The `{ … }` of an inline raw RSA key. */
  readonly block?: Span;
  /** The secret stands on an indented line below its type, which Libreswan reads as part of the entry and strongSwan does not. */
  readonly secretOnNextLine?: true;
  /** The entry's first line is indented: Libreswan and Openswan read it as part of the entry above. */
  readonly startsIndented?: true;
}

export interface SecretsInclude {
  readonly type: 'include';
  readonly span: Span;
  readonly keyword: SecretsToken;
  readonly path?: SecretsToken;
}

export interface SecretsFile {
  readonly entries: readonly SecretEntry[];
  readonly includes: readonly SecretsInclude[];
  readonly comments: readonly Span[];
  /** Lone `{` and `}` outside a key block: strongSwan reads them as part of an ID or ignores them after the secret; Libreswan and Openswan do not. */
  readonly strayBraces: readonly StrayBrace[];
  readonly problems: readonly SyntaxProblem[];
}

/** A lone brace outside a key block, and whether it follows an entry's secret on that entry's last line. */
export interface StrayBrace {
  readonly token: SecretsToken;
  readonly afterSecret: boolean;
}
