import { expandVersion } from '../../../knowledge/ipsecConf';
import { rangeMatches } from '../../../knowledge/ipsecConf/versions';
import type { Release, ValueProblem } from './release';

/**
 * What strongSwan's stroke plugin reads in `leftauth=`/`rightauth=` (and the `…auth2` rounds):
 * words starting so, or exactly so, case as written (stroke_config.c, 5.0.0 to 6.0.6). `bliss`
 * went with 6.0; anything else is logged as unknown and the round accepts any method.
 */
const PREFIXES = ['ike:', 'pubkey', 'rsa', 'ecdsa', 'xauth', 'eap'];
const WORDS = ['psk', 'secret', 'any'];
const BLISS_UNTIL = '6.0.0';

/** `leftauth=`/`rightauth=` and the second round's `…auth2=`, by their keyword entry's name. */
export function isAuthRound(name: string | undefined): boolean {
  return name === 'auth' || name === 'auth2';
}

export function strongswanAuthProblem(name: string, value: string, release: Release): ValueProblem | undefined {
  if (release.dialect !== 'strongswan' || !isAuthRound(name)) return undefined;
  if (WORDS.includes(value) || PREFIXES.some((prefix) => value.startsWith(prefix))) return undefined;
  if (value.startsWith('bliss') && rangeMatches({ until: BLISS_UNTIL }, expandVersion('strongswan', release.version))) return undefined;
  const lower = value.toLowerCase();
  const spelt = [...WORDS, ...PREFIXES].find((word) => lower === word || (PREFIXES.includes(word) && lower.startsWith(word)));
  return {
    message: `"${value}" is no authentication method strongSwan knows (pubkey, rsa, ecdsa, psk, eap-…, xauth-…, any)`,
    suggestion: spelt !== undefined ? `${spelt}${value.slice(spelt.length)}` : undefined,
  };
}

/** Why a gateway still loads such a conn, and what the round then accepts. */
export const STRONGSWAN_AUTH_LENIENCY = 'strongSwan logs it and accepts any authentication method for that round';
