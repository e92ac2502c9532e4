/**
 * What the words racoon.conf accepts as arguments mean, for hover and completion. Keyed by the
 * directive's name, because the same word can mean different things in different statements
 * (`none` for accounting, `include` for split_network).
 */

const IDENTIFIER_TYPE_DOCS: Readonly<Record<string, string>> = {
  address: 'An IP address; without a value, the address racoon talks from (for `my_identifier`).',
  subnet: 'A network in `address/prefix` form.',
  fqdn: 'A fully qualified host name, quoted: `"gw.example.org"`.',
  user_fqdn: 'A mail-style identity, quoted: `"vpn@example.org"`.',
  keyid: 'An opaque key id: read from a file (`file "name"`) or given literally (`tag "id"`).',
  asn1dn: 'An X.509 distinguished name, quoted; without a value, the subject of our certificate.',
  file: 'The key id is the content of this file.',
  tag: 'The key id is the quoted string itself.',
};

const SWITCH_DOCS: Readonly<Record<string, string>> = {
  on: 'Turns the setting on.',
  off: 'Turns the setting off.',
};

const FORCE = { force: 'Always, without waiting for the peer or a detected need.' };

export const KEYWORD_VALUE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  log: {
    error: 'Only errors.',
    warning: 'Errors and warnings.',
    notify: 'Errors, warnings and notable events such as SAs coming up.',
    info: 'The usual level: a line per negotiation step.',
    debug: 'Detailed tracing of every exchange; for finding faults.',
    debug2: 'Everything `debug` shows plus packet dumps; very verbose.',
  },
  gss_id_enc: {
    'utf-16le': 'UTF-16 little-endian, which Windows peers expect.',
    latin1: 'ISO-8859-1, as racoon sent it before ipsec-tools 0.3.',
  },
  adminsock: { disabled: 'Open no admin socket: racoonctl cannot talk to this racoon.' },
  remote: {
    anonymous: 'Matches any peer that no other remote block names.',
    inherit: 'Starts from the settings of the remote named after it.',
  },
  exchange_mode: {
    main: 'Main mode: six messages, the identities travel encrypted.',
    aggressive: 'Aggressive mode: three messages, identities sent in clear; the usual choice for road warriors with pre-shared keys and changing addresses.',
    base: 'Base mode (RFC draft): four messages; rarely supported by other implementations.',
  },
  doi: { ipsec_doi: 'The IPsec domain of interpretation (RFC 2407).' },
  situation: {
    identity_only: 'Only identity matters; the one situation in practical use.',
    secrecy: 'Labelled secrecy situation; practically unused.',
    integrity: 'Labelled integrity situation; practically unused.',
  },
  my_identifier: IDENTIFIER_TYPE_DOCS,
  peers_identifier: IDENTIFIER_TYPE_DOCS,
  certificate_type: {
    x509: 'An X.509 certificate file followed by its private key file.',
    plain_rsa: 'A bare RSA private key made with plainrsa-gen, no certificate.',
  },
  ca_type: { x509: 'An X.509 CA certificate file.' },
  peers_certfile: {
    x509: "The peer's X.509 certificate, read from a file.",
    plain_rsa: "The peer's bare RSA public key, read from a file.",
    dnssec: "Look the peer's key up in DNSSEC-signed DNS.",
  },
  lifetime: {
    time: 'Limit the SA by age: a number and `sec`, `min` or `hour`.',
    byte: 'Limit the SA by traffic: a number and `B`, `KB`, `MB` or `TB`.',
  },
  proposal_check: {
    obey: "Accept whatever the initiator proposes; the most permissive setting.",
    strict: 'Accept a shorter lifetime and a longer key than ours, refuse the rest (default).',
    claim: 'Like strict, but when the initiator asks for a longer lifetime, answer with ours.',
    exact: 'Refuse anything that differs from our own values.',
  },
  generate_policy: {
    require: 'Same as `on`: build the missing policy from the initiator\'s proposal.',
    unique: 'Like `on`, with a separate request id for each generated policy.',
  },
  nat_traversal: FORCE,
  rekey: FORCE,
  ike_frag: FORCE,
  script: {
    phase1_up: 'Run when phase 1 is established.',
    phase1_down: 'Run when phase 1 goes away.',
    phase1_dead: 'Run when dead peer detection declares the peer gone.',
  },
  sainfo: {
    ...IDENTIFIER_TYPE_DOCS,
    address: 'A single address, network or range, then the port in brackets (optional) and the upper-layer protocol.',
    subnet: 'Same as `address`: a network, an optional port in brackets and the upper-layer protocol.',
    anonymous: 'Any traffic on this side.',
    clientaddr: 'The address handed to the peer by Mode Config.',
    from: 'Only for peers that authenticated in phase 1 with the identity after it.',
    group: 'Only for Xauth users in the quoted group.',
  },
  split_network: {
    include: 'Only these networks go through the tunnel.',
    local_lan: 'These networks stay outside the tunnel; everything else goes through it.',
  },
  auth_source: {
    system: 'Check Xauth logins against the system password database.',
    radius: 'Check Xauth logins with a RADIUS server.',
    pam: 'Check Xauth logins through PAM.',
    ldap: 'Check Xauth logins against an LDAP directory.',
  },
  group_source: {
    system: 'Take group membership from the system group database.',
    ldap: 'Take group membership from LDAP.',
  },
  conf_source: {
    local: 'Hand out addresses from the local pool (`network4`, `pool_size`).',
    radius: 'Take the address and netmask from the RADIUS reply.',
    ldap: 'Take the address and netmask from LDAP attributes.',
  },
  accounting: {
    none: 'Keep no accounting.',
    system: 'Log logins to the system (utmp/wtmp).',
    radius: 'Send accounting records to the RADIUS server.',
    pam: 'Report sessions through PAM.',
  },
};

/** The meaning of a bare word in a directive's arguments, when it is one of its keyword values. */
export function keywordValueDoc(directive: string, word: string): string | undefined {
  return KEYWORD_VALUE_DOCS[directive]?.[word] ?? SWITCH_DOCS[word];
}

/** What each algorithm name stands for; key lengths come from `ALGORITHMS`. */
export const ALGORITHM_DOCS: Readonly<Record<string, string>> = {
  des: 'DES, a 56-bit cipher that can be broken in hours; only for old peers.',
  '3des': 'Triple DES: slow, with a 64-bit block; acceptable only where nothing better is available.',
  des_iv64: 'DES with a 64-bit IV (an old ESP variant).',
  des_iv32: 'DES with a 32-bit IV (an old ESP variant).',
  blowfish: 'Blowfish, a 64-bit block cipher with a variable key.',
  cast128: 'CAST-128, a 64-bit block cipher.',
  aes: 'AES (Rijndael), the usual choice.',
  twofish: 'Twofish, an AES finalist.',
  camellia: 'Camellia, a 128-bit block cipher comparable to AES.',
  idea: 'IDEA, a 64-bit block cipher; absent from many OpenSSL builds.',
  '3idea': 'Triple IDEA; absent from most builds.',
  rc5: 'RC5, a variable-key cipher; absent from many OpenSSL builds.',
  rc4: 'RC4, a broken stream cipher.',
  null_enc: 'No encryption: ESP with integrity protection only.',
  md5: 'MD5, a broken hash; avoid it.',
  sha1: 'SHA-1, weak against collisions but still common in IKEv1.',
  sha256: 'SHA-256 (SHA-2).',
  sha384: 'SHA-384 (SHA-2).',
  sha512: 'SHA-512 (SHA-2).',
  pre_shared_key: 'Both sides prove they know the same secret, looked up in psk.txt by the peer\'s identifier.',
  rsasig: 'RSA signatures with certificates (or plain RSA keys).',
  gssapi_krb: 'Kerberos through GSS-API.',
  dsssig: 'DSS signatures.',
  rsaenc: 'RSA encryption (RFC 2409 revised mode); rarely supported.',
  rsarev: 'Revised RSA encryption; rarely supported.',
  hybrid_rsa_server: 'Hybrid authentication, responder side: the server signs with RSA, the client logs in with Xauth.',
  hybrid_rsa_client: 'Hybrid authentication, initiator side: check the server\'s RSA signature, then log in with Xauth.',
  hybrid_dss_server: 'Hybrid authentication with a DSS server signature, responder side.',
  hybrid_dss_client: 'Hybrid authentication with a DSS server signature, initiator side.',
  xauth_psk_server: 'Pre-shared key plus an Xauth login, responder side.',
  xauth_psk_client: 'Pre-shared key plus an Xauth login, initiator side.',
  xauth_rsa_server: 'RSA signatures plus an Xauth login, responder side.',
  xauth_rsa_client: 'RSA signatures plus an Xauth login, initiator side.',
  hmac_md5: 'HMAC with MD5; still sound as a MAC but dated.',
  hmac_sha1: 'HMAC with SHA-1, the common IKEv1 default.',
  hmac_sha256: 'HMAC with SHA-256.',
  hmac_sha384: 'HMAC with SHA-384.',
  hmac_sha512: 'HMAC with SHA-512.',
  non_auth: 'No integrity protection: packets can be altered unnoticed.',
  kpdk: 'Keyed-prefix/suffix MD5 (RFC 1828); obsolete.',
  deflate: 'DEFLATE compression (IPComp).',
  lzs: 'LZS compression (IPComp).',
  oui: 'A vendor-specific compression algorithm.',
};

/** A Diffie-Hellman group racoon knows, by number, with its name where it has one. */
export interface DhGroupInfo {
  readonly number: number;
  readonly name?: string;
  readonly doc: string;
}

export const DH_GROUPS: readonly DhGroupInfo[] = [
  { number: 1, name: 'modp768', doc: '768-bit MODP group; broken, do not use.' },
  { number: 2, name: 'modp1024', doc: '1024-bit MODP group; weak by today\'s standards but the most common IKEv1 default.' },
  { number: 3, doc: 'EC2N group on a 155-bit field (Oakley); weak and rarely supported.' },
  { number: 4, doc: 'EC2N group on a 185-bit field (Oakley); weak and rarely supported.' },
  { number: 5, name: 'modp1536', doc: '1536-bit MODP group.' },
  { number: 14, name: 'modp2048', doc: '2048-bit MODP group; the usual minimum today.' },
  { number: 15, name: 'modp3072', doc: '3072-bit MODP group.' },
  { number: 16, name: 'modp4096', doc: '4096-bit MODP group.' },
  { number: 17, name: 'modp6144', doc: '6144-bit MODP group; slow.' },
  { number: 18, name: 'modp8192', doc: '8192-bit MODP group; very slow.' },
];

export function findDhGroup(word: string): DhGroupInfo | undefined {
  return DH_GROUPS.find((group) => group.name === word || String(group.number) === word);
}

export const UNIT_DOCS: Readonly<Record<string, string>> = {
  sec: 'seconds',
  secs: 'seconds',
  second: 'seconds',
  seconds: 'seconds',
  min: 'minutes',
  mins: 'minutes',
  minute: 'minutes',
  minutes: 'minutes',
  hour: 'hours',
  hours: 'hours',
  B: 'bytes',
  byte: 'bytes',
  bytes: 'bytes',
  KB: 'kilobytes',
  MB: 'megabytes',
  TB: 'terabytes',
};

/** sainfo's upper-layer protocol words. */
export const SAINFO_PROTOCOL_DOCS: Readonly<Record<string, string>> = {
  any: 'Any upper-layer protocol.',
  tcp: 'TCP only.',
  udp: 'UDP only.',
  icmp: 'ICMP only.',
  icmp6: 'ICMPv6 only.',
  gre: 'GRE only.',
  esp: 'ESP packets (protocol 50) as the payload.',
  ah: 'AH packets (protocol 51) as the payload.',
  ipcomp: 'IPComp packets (protocol 108) as the payload.',
};
