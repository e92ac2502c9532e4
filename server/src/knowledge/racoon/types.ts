/** The blocks of racoon.conf whose bodies hold their own set of statements, and the top level. */
export const RACOON_SECTIONS = [
  'top',
  'privsep',
  'padding',
  'listen',
  'timer',
  'remote',
  'proposal',
  'sainfo',
  'mode_cfg',
  'ldapcfg',
  'radiuscfg',
] as const;
export type RacoonSection = (typeof RACOON_SECTIONS)[number];

/** The algorithm lists racoon checks a name against, one per directive that takes algorithms. */
export type AlgorithmFamily =
  | 'isakmp-encryption'
  | 'isakmp-hash'
  | 'isakmp-authentication'
  | 'ipsec-encryption'
  | 'ipsec-authentication'
  | 'ipsec-compression';

/** One piece of a directive's arguments, as racoon's grammar reads them. */
export type ArgumentSlot =
  /** One of these bare words. */
  | { readonly kind: 'keyword'; readonly values: readonly string[] }
  /** `on` or `off`. */
  | { readonly kind: 'switch' }
  /** A decimal number. */
  /** `fileMode`: a mode such as 0660, which racoon reads digit by digit as octal. */
  | { readonly kind: 'number'; readonly label: string; readonly only?: readonly number[]; readonly fileMode?: boolean }
  /** A double-quoted string. */
  | { readonly kind: 'string'; readonly label: string }
  /**
   * A bare IPv4 or IPv6 address, with or without `/len`; `range` also allows `a-b`. `reader` says
   * which C library call racoon hands it to: getaddrinfo unless `inet_pton4` (mode_cfg's IPv4 only).
   */
  | { readonly kind: 'address'; readonly prefix: 'none' | 'optional' | 'required'; readonly range?: boolean; readonly reader?: 'inet_pton4' }
  /** A port in brackets: `[500]`; `any` also allows `[any]`. */
  | { readonly kind: 'port'; readonly any: boolean }
  | { readonly kind: 'timeUnit' }
  | { readonly kind: 'byteUnit' }
  /** A Diffie-Hellman group by name (modp1024) or number (2). */
  | { readonly kind: 'dhGroup' }
  /** An algorithm of the family, optionally followed by a key length where the cipher has one. */
  | { readonly kind: 'algorithm'; readonly family: AlgorithmFamily }
  /** An identifier's value: a quoted string or a bare address. */
  | { readonly kind: 'identifierValue' }
  /** sainfo's upper-layer protocol: a name, a number or `any`. */
  | { readonly kind: 'protocol' }
  | { readonly kind: 'optional'; readonly slots: readonly ArgumentSlot[] }
  | { readonly kind: 'choice'; readonly options: readonly (readonly ArgumentSlot[])[] }
  /** Repeats `item`; `separator` says whether commas must, may or must not come between. */
  | {
      readonly kind: 'list';
      readonly item: readonly ArgumentSlot[];
      readonly separator: 'comma' | 'optional-comma';
      readonly min: 0 | 1;
    };

/** Extra build options a directive depends on; absent from some racoon builds. */
export type RacoonFeature = 'hybrid' | 'radius' | 'ldap' | 'natt' | 'adminport' | 'gssapi' | 'frag' | 'fork';

export interface RacoonDirective {
  /** The keyword; two words for the `path` family (`path certificate`). */
  readonly name: string;
  /** Other spellings racoon accepts for the same keyword. */
  readonly aliases?: readonly string[];
  /** The sections in which racoon accepts it. */
  readonly sections: readonly RacoonSection[];
  /** For block statements: the section their braces open. */
  readonly opens?: RacoonSection;
  /** When the head holds this word the block may be left out and the statement ended with `;` (`remote "b" inherit "a";`). */
  readonly blockOptionalWith?: string;
  /** Accepted argument sequences after the keyword; an empty sequence means no arguments. */
  readonly forms: readonly (readonly ArgumentSlot[])[];
  /** A short usage line for completion and hover. */
  readonly syntax: string;
  /** What it does and its default, in Markdown. */
  readonly doc: string;
  readonly requires?: RacoonFeature;
  /** Set when racoon still reads it but warns or the manual calls it obsolete. */
  readonly deprecated?: string;
}
