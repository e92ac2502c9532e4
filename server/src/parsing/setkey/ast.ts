import type { SyntaxProblem } from '../../checks/finding';
import type { SetkeyCommandName } from '../../knowledge/setkey';
import type { Span } from '../../text/sourceText';

/** A word, a quoted string or a `;`, with its exact place in the text. */
export interface SetkeyToken {
  readonly kind: 'word' | 'string' | 'semicolon';
  readonly span: Span;
  /** The text; a string loses its quotes. */
  readonly text: string;
  /** First token on its line. */
  readonly startsLine: boolean;
  /** False for a string whose closing quote is missing. */
  readonly terminated: boolean;
}

/** A piece of a token (part of an address, of a policy request…). */
export interface TextPart {
  readonly text: string;
  readonly span: Span;
}

/** `host`, `host/prefix`, `host[port]` or `host/prefix[port]`, as written. */
export interface AddressSpec extends TextPart {
  readonly host: TextPart;
  /** The digits after `/` (empty text when nothing follows the slash). */
  readonly prefix?: TextPart;
  /** What stands between `[` and `]` (empty text for `[]`). */
  readonly port?: TextPart;
  /** False when `[` has no `]`. */
  readonly portClosed: boolean;
  /** Anything after the `]`, which setkey does not accept. */
  readonly trailing?: TextPart;
}

/** `-ctx doi algorithm "name"` */
export interface SecurityContext {
  readonly flag: SetkeyToken;
  readonly doi?: SetkeyToken;
  readonly algorithm?: SetkeyToken;
  readonly name?: SetkeyToken;
}

/** `-m mode`, `-u id`, `-f pad`, `-lh seconds`, … of a security association. */
export interface SaExtension {
  readonly flag: SetkeyToken;
  readonly value?: SetkeyToken;
  readonly context?: SecurityContext;
}

/** `-E name key`, `-A name key` or `-C name [-R]`. */
export interface AlgorithmSpec {
  readonly flag: SetkeyToken;
  readonly name?: SetkeyToken;
  /** A `"string"` or `0x…` key, when one follows the name. */
  readonly key?: SetkeyToken;
  /** `-R` after a compression algorithm. */
  readonly rawCpi?: SetkeyToken;
}

/** What add, get, getspi, delete and deleteall say. */
export interface SaSpec {
  readonly source?: AddressSpec;
  readonly destination?: AddressSpec;
  readonly protocol?: SetkeyToken;
  /** The address before NAT that may follow `esp-udp`. */
  readonly natOriginalAddress?: AddressSpec;
  readonly spi?: SetkeyToken;
  readonly extensions: readonly SaExtension[];
  readonly algorithms: readonly AlgorithmSpec[];
}

/** `prio offset`, `prio base`, `prio base+offset`, … */
export interface PolicyPriority extends TextPart {
  readonly keyword: TextPart;
  /** The words after the keyword, joined. */
  readonly value: string;
}

/** One `protocol/mode/src-dst/level` request of an ipsec policy. */
export interface IpsecRequest extends TextPart {
  /** The four fields as written; '' when absent. */
  readonly protocol: string;
  readonly mode: string;
  readonly endpoints: string;
  readonly level: string;
  /** How many `/` the request has. */
  readonly slashes: number;
  readonly protocolPart: TextPart;
  readonly modePart?: TextPart;
  readonly endpointsPart?: TextPart;
  readonly levelPart?: TextPart;
  /** The endpoints split at `-`, when there is exactly one. */
  readonly tunnelSource?: AddressSpec;
  readonly tunnelDestination?: AddressSpec;
}

/** What spdadd, spdupdate and spddelete say. */
export interface SpdPolicy {
  readonly tag?: SetkeyToken;
  readonly source?: AddressSpec;
  readonly destination?: AddressSpec;
  readonly upperLayer?: SetkeyToken;
  /** `type,code` after icmp/icmp6, the key after gre. */
  readonly upperLayerDetail?: SetkeyToken;
  readonly context?: SecurityContext;
  /** The `-P` flag. */
  readonly flag?: SetkeyToken;
  readonly direction?: TextPart;
  readonly priority?: PolicyPriority;
  readonly action?: TextPart;
  readonly requests: readonly IpsecRequest[];
}

export interface SetkeyStatement {
  readonly type: 'statement';
  /** From the command to the `;` (or the last token when it is missing). */
  readonly span: Span;
  readonly command: SetkeyToken;
  /** The command, when setkey knows it. */
  readonly name?: SetkeyCommandName;
  /** Tokens after the command, up to the `;`. */
  readonly args: readonly SetkeyToken[];
  readonly semicolon?: SetkeyToken;
  /** `-4`, `-6`, `-n` and their combinations. */
  readonly addressOptions: readonly SetkeyToken[];
  /** The protocol of flush and dump. */
  readonly protocol?: SetkeyToken;
  readonly sa?: SaSpec;
  readonly policy?: SpdPolicy;
}

export interface SetkeyFile {
  readonly statements: readonly SetkeyStatement[];
  /** `#` comments, each to the end of its line. */
  readonly comments: readonly Span[];
  /** The `#!/sbin/setkey -f` line, kept as written. */
  readonly shebang?: Span;
  /**
   * The first line names another interpreter (`#!/bin/sh`): the file is a script that feeds setkey,
   * so lines that are not setkey statements are left alone and only the statements are checked.
   */
  readonly shellScript: boolean;
  readonly problems: readonly SyntaxProblem[];
}
