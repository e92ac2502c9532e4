/** Spellings of the same algorithm across Openswan, Libreswan and strongSwan proposal strings. */
const ALIASES: Record<string, string> = {
  aes: 'aes128',
  aes_cbc: 'aes128',
  aes_cbc_128: 'aes128',
  aes_cbc_192: 'aes192',
  aes_cbc_256: 'aes256',
  '3des_cbc': '3des',
  sha: 'sha1',
  sha2: 'sha256',
  sha2_256: 'sha256',
  sha2_384: 'sha384',
  sha2_512: 'sha512',
  hmac_sha1: 'sha1',
  hmac_md5: 'md5',
  sha256_128: 'sha256',
  modp1024: 'dh2',
  modp1536: 'dh5',
  modp2048: 'dh14',
  modp3072: 'dh15',
  modp4096: 'dh16',
  modp8192: 'dh18',
  ecp256: 'dh19',
  ecp384: 'dh20',
  ecp521: 'dh21',
};

/**
 * The proposals of an `ike=`/`esp=`/`phase2alg=` value as sets of normalized algorithm names.
 * Returns undefined for anything it cannot read with confidence (then nothing is compared).
 */
export function parseProposals(value: string): string[][] | undefined {
  const proposals = value
    .replace(/!$/, '')
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter((p) => p.length > 0);
  const parsed: string[][] = [];
  for (const proposal of proposals) {
    const parts = proposal.split(/[-;+]/).filter((p) => p.length > 0);
    if (parts.some((p) => !/^[a-z0-9_]+$/.test(p))) return undefined;
    parsed.push([...new Set(parts.map((p) => ALIASES[p] ?? p))].sort());
  }
  return parsed.length > 0 ? parsed : undefined;
}

/** Whether one proposal of each list names the same algorithms. */
export function proposalsOverlap(a: string[][], b: string[][]): boolean {
  const keys = new Set(a.map((p) => p.join('+')));
  return b.some((p) => keys.has(p.join('+')));
}
