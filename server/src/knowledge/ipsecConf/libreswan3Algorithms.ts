import { isKnownAlgorithm } from './algorithms';

/*
 * Algorithm names in the tables of some 3.x release (lib/libswan/ike_alg_*.c, 3.0 to 3.32) that
 * 4.0 and later dropped. Releases before the tables were rewritten looked a word up in the IANA
 * name lists Openswan uses, so Openswan's words count too.
 */
const DROPPED_IN_4: ReadonlySet<string> = new Set([
  'cast', 'cast_cbc', 'ripemd', 'hmac_ripemd', 'hmac_ripemd_160_96', 'serpent', 'serpent_cbc', 'twofish', 'twofish_cbc',
  'twofish_ssh', 'twofish_cbc_ssh',
]);

/** Whether some Libreswan 3 release read the word in an `ike=`, `esp=` or `phase2alg=` proposal. */
export function libreswan3ReadAlgorithm(word: string): boolean {
  const lower = word.toLowerCase();
  return DROPPED_IN_4.has(lower) || isKnownAlgorithm(lower, 'libreswan') || isKnownAlgorithm(lower, 'openswan');
}
