/**
 * Conns that differ from a loadable one in one proposal list (or one subnet charon reads itself),
 * with what strongSwan 5.9.8's charon did with each: `test/oracle/charonLoad.test.ts` loads them into the real daemon and checks these
 * verdicts, the unit tests check ipsec-lint's findings against the same verdicts.
 */
export interface ProposalCase {
  readonly conn: string;
  /** The conn's settings beyond its ends and `authby=secret`. */
  readonly settings: string;
  readonly charon: 'added' | 'refused';
}

export const PROPOSAL_CASES: readonly ProposalCase[] = [
  { conn: 'ok', settings: 'ike=aes256-sha256-modp2048!\nesp=aes256-sha256!', charon: 'added' },
  { conn: 'ike-aead-no-prf', settings: 'ike=aes256gcm16-ecp384!', charon: 'refused' },
  { conn: 'ike-aead-prf', settings: 'ike=aes256gcm16-prfsha384-ecp384!', charon: 'added' },
  { conn: 'ike-aead-integrity-as-prf', settings: 'ike=aes256gcm16-sha384-ecp384!', charon: 'added' },
  { conn: 'ike-sha256-96-no-prf', settings: 'ike=aes256-sha256_96-modp2048!', charon: 'refused' },
  { conn: 'ike-sha256-96-prf', settings: 'ike=aes256-sha256_96-prfsha256-modp2048!', charon: 'added' },
  { conn: 'ike-prf-no-integrity', settings: 'ike=aes256-prfsha256-modp2048!', charon: 'refused' },
  { conn: 'ike-no-integrity', settings: 'ike=aes256-modp2048!', charon: 'refused' },
  { conn: 'ike-no-cipher', settings: 'ike=sha256-modp2048!', charon: 'refused' },
  { conn: 'ike-mixed', settings: 'ike=aes256-aes256gcm16-sha256-modp2048!', charon: 'refused' },
  { conn: 'ike-no-dh', settings: 'ike=aes256-sha256!', charon: 'refused' },
  { conn: 'ike-modpnone', settings: 'ike=aes256-sha256-modpnone!', charon: 'refused' },
  { conn: 'ike-second-bad', settings: 'ike=aes256-sha256-modp2048,aes256gcm16-modp2048!', charon: 'refused' },
  { conn: 'ike-bad-not-strict', settings: 'ike=aes256gcm16-modp2048', charon: 'refused' },
  { conn: 'ike-two-good', settings: 'ike=aes256-sha256-modp2048,aes256gcm16-prfsha256-ecp256!', charon: 'added' },
  { conn: 'ike-null-cipher', settings: 'ike=null-sha256-modp2048!', charon: 'added' },
  { conn: 'ike-md5-128', settings: 'ike=aes256-md5_128-modp2048!', charon: 'added' },
  { conn: 'ike-camellia-xcbc', settings: 'ike=aes256-camelliaxcbc-modp2048!', charon: 'added' },
  { conn: 'ike-esn', settings: 'ike=aes256-sha256-modp2048-esn!', charon: 'added' },
  { conn: 'ike-blanks', settings: 'ike=aes256 - sha256 - modp2048 , aes128gcm16 - ecp256!', charon: 'refused' },
  { conn: 'ikev1-aead-no-prf', settings: 'keyexchange=ikev1\nike=aes256gcm16-modp2048!', charon: 'refused' },
  { conn: 'esp-no-cipher', settings: 'esp=sha256!', charon: 'refused' },
  { conn: 'esp-dh-only', settings: 'esp=modp2048!', charon: 'refused' },
  { conn: 'esp-mixed', settings: 'esp=aes256-aes256gcm16-sha256!', charon: 'refused' },
  { conn: 'esp-gmac-mixed', settings: 'esp=aes256gmac-aes256-sha256!', charon: 'refused' },
  { conn: 'esp-no-integrity', settings: 'esp=aes256!', charon: 'added' },
  { conn: 'esp-gmac', settings: 'esp=aes256gmac!', charon: 'added' },
  { conn: 'esp-null', settings: 'esp=null-sha256!', charon: 'added' },
  { conn: 'esp-null-alone', settings: 'esp=null!', charon: 'added' },
  { conn: 'esp-prf', settings: 'esp=aes256-sha256-prfsha256!', charon: 'added' },
  { conn: 'esp-aead-dh', settings: 'esp=aes256gcm16-modp2048!', charon: 'added' },
  { conn: 'esp-second-bad', settings: 'esp=aes256-sha256,sha256!', charon: 'refused' },
  { conn: 'ike-trailing-comma', settings: 'ike=aes256-sha256-modp2048,', charon: 'refused' },
  { conn: 'esp-empty-between', settings: 'esp=aes128-sha256,,aes256-sha256!', charon: 'refused' },
  { conn: 'esp-blank-proposal', settings: 'esp=aes256-sha256, ,aes128-sha1!', charon: 'refused' },
  { conn: 'esp-mark-only', settings: 'esp=!', charon: 'refused' },
  { conn: 'ike-list-over-words', settings: 'ike=aes256-sha256-modp2048, aes128-sha256-modp2048!', charon: 'added' },
  { conn: 'ike-double-dash', settings: 'ike=aes256--sha256-modp2048!', charon: 'added' },
  { conn: 'ah-ok', settings: 'ah=sha256!', charon: 'added' },
  { conn: 'ah-no-integrity', settings: 'ah=modp2048!', charon: 'refused' },
  { conn: 'ah-cipher-and-integrity', settings: 'ah=aes256-sha256!', charon: 'added' },
  { conn: 'ah-gmac', settings: 'ah=aes256gmac!', charon: 'added' },
  { conn: 'ah-cipher-only', settings: 'ah=aes256!', charon: 'refused' },
  { conn: 'ah-over-bad-esp', settings: 'ah=sha256!\nesp=sha256!', charon: 'added' },
  { conn: 'subnet-bad-octet', settings: 'rightsubnet=10.2.0.0/16,10.3.0.300/16', charon: 'added' },
  { conn: 'subnet-bad-only', settings: 'rightsubnet=10.3.0.300/16', charon: 'added' },
  { conn: 'subnet-long-prefix', settings: 'rightsubnet=10.3.0.0/33', charon: 'added' },
  { conn: 'dns-bad-address', settings: 'leftdns=10.3.0.300', charon: 'added' },
  { conn: 'shunt-bad-ike', settings: 'type=passthrough\nike=aes256gcm16-modp2048!', charon: 'refused' },
];

/** The cases as one ipsec.conf: each conn with a peer address of its own, so that none joins another. */
export function proposalCasesConf(head: string): string {
  const conns = PROPOSAL_CASES.map((c, i) => `conn ${c.conn}\n\tleft=192.0.2.1\n\tright=192.0.2.${10 + i}\n\tauthby=secret\n\tauto=add\n${c.settings.split('\n').map((l) => `\t${l}\n`).join('')}`);
  return `${head}config setup\n\n${conns.join('\n')}`;
}
