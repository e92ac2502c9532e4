import type { SyntaxProblem } from '../checks/finding';
import type { IpsecConfFile } from '../parsing/ipsecConf/ast';
import type { PskFile } from '../parsing/psk/ast';
import type { RacoonFile } from '../parsing/racoon/ast';
import type { SecretsFile } from '../parsing/secrets/ast';
import type { SetkeyFile } from '../parsing/setkey/ast';
import type { SourceText } from '../text/sourceText';
import type { FileKind } from './fileKind';

export interface AstByKind {
  ipsec: IpsecConfFile;
  'ipsec-secrets': SecretsFile;
  racoon: RacoonFile;
  'racoon-psk': PskFile;
  setkey: SetkeyFile;
}

/** Every parser's root carries the problems it met while recovering. */
export interface AstRoot {
  readonly problems: readonly SyntaxProblem[];
}

/** A document parsed once for one version of its text; every feature reads this. */
export type ParsedDocument<K extends FileKind = FileKind> = {
  [P in K]: {
    readonly kind: P;
    readonly uri: string;
    readonly version: number;
    readonly source: SourceText;
    readonly ast: AstByKind[P];
  };
}[K];
