/** The daemons whose ipsec.conf dialects we know. */
export type Dialect = 'openswan' | 'libreswan' | 'strongswan';
export const DIALECTS: readonly Dialect[] = ['openswan', 'libreswan', 'strongswan'];

/** `config setup`, `conn <name>` (including `conn %default`) and strongSwan's `ca <name>`. */
export type SectionKind = 'config' | 'conn' | 'ca';

/**
 * What a value must look like. Closed kinds (yesno, enum, enumList, number, duration, percent)
 * can be checked strictly; the others describe the value for hover and completion and should
 * only be checked loosely, because each daemon accepts more forms than a regex easily covers.
 */
export type ValueType =
  /** A boolean; the accepted spellings depend on the dialect (see `yesNoSpellings`). */
  | { readonly kind: 'yesno' }
  /** Exactly one of the words; `open`: the parser takes any word and only these mean something. */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly open?: boolean }
  /** One or more of the words, separated by commas or blanks. */
  | { readonly kind: 'enumList'; readonly values: readonly string[] }
  /** A decimal integer in range, or one of the special words. */
  | { readonly kind: 'number'; readonly min?: number; readonly max?: number; readonly specials?: readonly string[] }
  /** A number with an optional time unit (see `durationUnits`). */
  | { readonly kind: 'duration' }
  /** A number followed by `%`. */
  | { readonly kind: 'percent' }
  /** A count with an optional size suffix such as `Ki`, `Mi`, `Gi`. */
  | { readonly kind: 'byteCount' }
  | { readonly kind: 'address' }
  /** Addresses separated by commas (or blanks). */
  | { readonly kind: 'addressList' }
  /** `left=`/`right=`: an address, a host name, or a `%`-keyword such as `%any` or `%defaultroute`. */
  | { readonly kind: 'host' }
  | { readonly kind: 'subnet' }
  /** Subnets (or selectors) separated by commas or blanks. */
  | { readonly kind: 'subnetList' }
  /** An address range `a-b` or a CIDR prefix handed out to clients. */
  | { readonly kind: 'addressPool' }
  /** An IKE identity: `@fqdn`, an address, a DN, `%fromcert`, `%any` … */
  | { readonly kind: 'id' }
  /** `protocol[/port]`, e.g. `tcp/22`, `17/%any`. */
  | { readonly kind: 'protoport' }
  /** A cipher-suite proposal list. */
  | { readonly kind: 'proposals'; readonly protocol: 'ike' | 'esp' | 'ah' }
  /** A raw public key (`0s…`, `0x…`), a file, or `%cert`/`%dns`-style keywords. */
  | { readonly kind: 'pubkey' }
  /** A netfilter mark `value[/mask]`. */
  | { readonly kind: 'mark' }
  | { readonly kind: 'filename' }
  | { readonly kind: 'directory' }
  /** Names of other conn sections. */
  | { readonly kind: 'connList' }
  | { readonly kind: 'string' };

/**
 * - valid: accepted and in effect.
 * - deprecated: accepted and in effect, but an older spelling; prefer `replacement`.
 * - ignored: accepted by the parser, which warns and drops it; it has no effect.
 * - removed: the parser rejects it (Libreswan and Openswan refuse to load the file;
 *   strongSwan logs it as unknown and skips it, see `DialectTraits.unknownKeyword`).
 */
export type Status = 'valid' | 'deprecated' | 'ignored' | 'removed';

/** How one dialect treats a keyword, optionally only for releases in [from, until). */
export interface Availability {
  readonly status: Status;
  /** First release this applies to (inclusive). Absent: every release we know. */
  readonly from?: string;
  /** First release this no longer applies to (exclusive). */
  readonly until?: string;
  /** The keyword to write instead (base name; left/right keywords keep their side). */
  readonly replacement?: string;
  /** Another spelling of the same setting in this dialect. */
  readonly sameAs?: string;
  /** Overrides the keyword's sections for this dialect. */
  readonly sections?: readonly SectionKind[];
  /** Overrides the keyword's value type for this dialect. */
  readonly type?: ValueType;
  /** Overrides the keyword's default for this dialect. */
  readonly default?: string;
  /** Only present when the daemon was built with this feature. */
  readonly build?: string;
  /** A default that distribution packages change for these releases. */
  readonly packagedDefault?: { readonly value: string; readonly by: string };
  readonly note?: string;
}

export type DialectAvailability = Availability | readonly Availability[];

export interface KeywordInfo {
  /** The name; for left/right keywords the part after the side: `id` stands for `leftid`/`rightid`, `''` for `left`/`right`. */
  readonly name: string;
  readonly leftRight: boolean;
  readonly sections: readonly SectionKind[];
  readonly type: ValueType;
  readonly default?: string;
  readonly doc: string;
  /** Dialects that know this keyword; a dialect missing here does not know it at all. */
  readonly dialects: Partial<Record<Dialect, DialectAvailability>>;
}

/** A value for some releases of a dialect only. */
export interface Versioned<T> {
  readonly value: T;
  readonly from?: string;
  readonly until?: string;
}

/** How a dialect's parser treats keys, as read from its source. */
export interface DialectTraits {
  readonly label: string;
  /** Releases we compared, oldest first; partial versions such as `4` match these. */
  readonly releases: readonly string[];
  readonly sections: readonly SectionKind[];
  /** Whether `Leftid` and `leftid` are the same key. */
  readonly caseInsensitiveKeys: boolean;
  /** Whether enum values may be written in any case. */
  readonly caseInsensitiveValues: boolean;
  /**
   * An unknown key: `error` means the daemon refuses the whole file (Libreswan, Openswan);
   * `skipped` means it logs `# unknown keyword` and goes on (strongSwan).
   */
  readonly unknownKeyword: 'error' | 'skipped';
  /**
   * A key of another section. Libreswan 5.3+ reports it as unrecognized and refuses the file;
   * Libreswan 4 refuses conn keys in config setup and skips setup keys in a conn with an error;
   * strongSwan drops the conn or ca section (or refuses to start, in config setup).
   */
  readonly wrongSection: 'error';
  /** Keys starting with `x-` or `x_`: user comments, silently kept, kept with a warning, or an unknown key. */
  readonly commentKeys: readonly Versioned<'silent' | 'warning' | 'unknown'>[];
  /** A left/right keyword written without its side (`subnet=`): taken as the right side, an error, or unknown. */
  readonly bareLeftRight: readonly Versioned<'right' | 'right-with-warning' | 'error' | 'unknown'>[];
  /** Whether `left-subnet` is read like `leftsubnet`. */
  readonly dashAfterSide: readonly Versioned<boolean>[];
  readonly yesNo: readonly Versioned<readonly string[]>[];
  /** Whether `Yes` counts as `yes` (Libreswan 4 and Openswan match booleans in their lexer, case and all). */
  readonly yesNoAnyCase: readonly Versioned<boolean>[];
  /** Units after a duration's number; any release's, so a check never rejects what one release accepts. */
  readonly durationUnits: readonly string[];
  readonly durationUnitsAnyCase: boolean;
  /**
   * The bison value grammar of Libreswan 4 and Openswan: a bare number (or `%forever`, read as 0)
   * is taken for any keyword, and an enum value is split at `:`, `,` and blanks, empty pieces dropped.
   */
  readonly legacyValueGrammar: readonly Versioned<boolean>[];
  /** Whether every subnet needs its `/prefix` (a bare address is not read as a host subnet). */
  readonly subnetNeedsPrefix: readonly Versioned<boolean>[];
  /** Whether a duration may be a decimal fraction with a blank before the unit (`1.5 h`). */
  readonly durationFractions: readonly Versioned<boolean>[];
  /**
   * Whether the default ESP proposals (no `esp=`) offer every key exchange and none, so that PFS is
   * whatever the peer asks for (strongSwan from 6.0.2); otherwise `pfs=` or the proposals decide.
   */
  readonly defaultEspLeavesPfsToPeer: readonly Versioned<boolean>[];
  /** Whether a proposal may start with `!`: Libreswan's flag, from 5.4, for test setups whose proposals pluto takes unchecked. */
  readonly uncheckedProposalMark: readonly Versioned<boolean>[];
}
