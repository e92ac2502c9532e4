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
  /** `{` and `}` outside a key block: Libreswan and Openswan refuse the file over them, strongSwan reads them as part of an ID. */
  readonly strayBraces: readonly SecretsToken[];
  readonly problems: readonly SyntaxProblem[];
}
