import { readAll } from './readAll';

/**
 * `ike=`/`esp=`/`phase2alg=` proposals read by meaning across Openswan, Libreswan and strongSwan
 * spellings: each proposal as the sets of transforms it offers (within one proposal, `+` or
 * several words of one kind are alternatives). Anything not read with confidence makes the whole
 * value unreadable, and then nothing is compared.
 */
export interface Proposal {
  /** `family:keyLength`, `*` for a length left to the daemon (`aes-cbc:256`, `aes-gcm16:*`). */
  readonly encryption: ReadonlySet<string>;
  readonly integrity: ReadonlySet<string>;
  readonly prf: ReadonlySet<string>;
  readonly dh: ReadonlySet<string>;
}

const KEY = '(128|192|256)';
const ICV: Record<string, string> = { a: '8', b: '12', c: '16', '8': '8', '12': '12', '16': '16', '64': '8', '96': '12', '128': '16' };

/** Encryption words and how each names its cipher: strongSwan's `aes256gcm16`, Libreswan's `aes_gcm_c_256`, both `aes256`. */
const ENCRYPTION: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => string]> = [
  [new RegExp(`^aes(?:_cbc)?_?${KEY}?$`), (m) => `aes-cbc:${m[1] ?? '*'}`],
  [/^3des(?:_cbc)?$/, () => '3des'],
  [new RegExp(`^aes${KEY}(gcm|ccm)(8|12|16|64|96|128)?$`), (m) => `aes-${m[2]}${ICV[m[3] ?? '16']}:${m[1]}`],
  [new RegExp(`^aes_(gcm|ccm)(?:_?([abc]|8|12|16))?(?:_?${KEY})?$`), (m) => `aes-${m[1]}${ICV[m[2] ?? 'c']}:${m[3] ?? '*'}`],
  [new RegExp(`^aes_?ctr_?${KEY}?$|^aes${KEY}ctr$`), (m) => `aes-ctr:${m[1] ?? m[2] ?? '*'}`],
  [new RegExp(`^camellia(?:_cbc)?_?${KEY}?$`), (m) => `camellia:${m[1] ?? '*'}`],
  [/^chacha20_?poly1305$/, () => 'chacha20poly1305'],
];

const INTEGRITY: Record<string, string> = {
  md5: 'md5', hmac_md5: 'md5', sha: 'sha1', sha1: 'sha1', hmac_sha1: 'sha1', sha2: 'sha256', sha256: 'sha256', sha2_256: 'sha256', sha256_128: 'sha256',
  sha384: 'sha384', sha2_384: 'sha384', sha512: 'sha512', sha2_512: 'sha512', sha256_96: 'sha256_96', aesxcbc: 'aesxcbc', aes_xcbc: 'aesxcbc', aescmac: 'aescmac', aes_cmac: 'aescmac',
};

const DH: Record<string, string> = {
  modp768: '1', modp1024: '2', modp1536: '5', modp2048: '14', modp3072: '15', modp4096: '16', modp6144: '17', modp8192: '18', ecp256: '19', ecp384: '20', ecp521: '21',
  modp1024s160: '22', modp2048s224: '23', modp2048s256: '24', ecp192: '25', ecp224: '26', ecp224bp: '27', ecp256bp: '28', ecp384bp: '29', ecp512bp: '30', curve25519: '31', x25519: '31', curve448: '32', x448: '32',
};

/** Words that change nothing for whether two lists meet: extended sequence numbers. */
const IGNORED = new Set(['esn', 'noesn']);

export function parseProposals(value: string): Proposal[] | undefined {
  const texts = value
    .split(',')
    .map((p) => p.trim().toLowerCase().replace(/!$/, ''))
    .filter((p) => p.length > 0);
  return readAll(texts, parseProposal);
}

function parseProposal(text: string): Proposal | undefined {
  const encryption = new Set<string>();
  const integrity = new Set<string>();
  const prf = new Set<string>();
  const dh = new Set<string>();
  for (const word of text.split(/[-;+]/).filter((w) => w.length > 0)) {
    if (IGNORED.has(word)) continue;
    // NULL after an AEAD cipher is Libreswan's "no integrity"; first, it is the NULL cipher.
    if (word === 'null' || word === 'none') {
      (encryption.size > 0 ? integrity : encryption).add('null');
      continue;
    }
    const read = readProposalWord(word);
    if (!read) return undefined;
    ({ encryption, integrity, prf, dh })[read.kind].add(read.value);
  }
  return encryption.size > 0 ? { encryption, integrity, prf, dh } : undefined;
}

/** What one proposal word (lower case) stands for, as `parseProposals` reads it: a cipher `family:keyLength`, an integrity or PRF hash, a DH group number. */
export function readProposalWord(word: string): { readonly kind: keyof Proposal; readonly value: string } | undefined {
  const cipher = readEncryption(word);
  if (cipher) return { kind: 'encryption', value: cipher };
  if (INTEGRITY[word]) return { kind: 'integrity', value: INTEGRITY[word] };
  if (word.startsWith('prf') && INTEGRITY[word.slice(3)]) return { kind: 'prf', value: INTEGRITY[word.slice(3)] };
  if (DH[word]) return { kind: 'dh', value: DH[word] };
  if (/^dh\d+$/.test(word)) return { kind: 'dh', value: word.slice(2) };
  return undefined;
}

function readEncryption(word: string): string | undefined {
  for (const [pattern, name] of ENCRYPTION) {
    const match = pattern.exec(word);
    if (match) return name(match);
  }
  return undefined;
}

export const isAead = (cipher: string): boolean => /^aes-(gcm|ccm)|^chacha20poly1305/.test(cipher);

function ciphersMeet(a: string, b: string): boolean {
  const [familyA, lengthA] = a.split(':');
  const [familyB, lengthB] = b.split(':');
  return familyA === familyB && (lengthA === lengthB || lengthA === '*' || lengthB === '*');
}

/** Unset on either side is the daemon's default, which is not judged. */
function meetOrUnset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === 0 || b.size === 0 || [...a].some((x) => b.has(x));
}

/** A proposal's integrity algorithms, without Libreswan's `null` (none, after an AEAD cipher). */
function integrity(p: Proposal): ReadonlySet<string> {
  return new Set([...p.integrity].filter((i) => i !== 'null'));
}

/**
 * Whether two proposals can agree. For IKE, a word of integrity beside an AEAD cipher is its PRF,
 * and the DH groups must meet; for ESP, the group is only the one for PFS on rekeying, which
 * other rules judge.
 */
function proposalsMeet(a: Proposal, b: Proposal, kind: 'ike' | 'esp'): boolean {
  const ciphers = [...a.encryption].filter((x) => [...b.encryption].some((y) => ciphersMeet(x, y)));
  if (ciphers.length === 0) return false;
  const aeadOnly = ciphers.every(isAead);
  if (kind === 'ike') {
    const prfOf = (p: Proposal): ReadonlySet<string> => (p.prf.size > 0 ? p.prf : integrity(p));
    if (!meetOrUnset(prfOf(a), prfOf(b))) return false;
    if (!aeadOnly && !meetOrUnset(integrity(a), integrity(b))) return false;
    return meetOrUnset(a.dh, b.dh);
  }
  return aeadOnly || meetOrUnset(integrity(a), integrity(b));
}

/** Whether some proposal of one list can agree with some proposal of the other. */
export function proposalsOverlap(a: readonly Proposal[], b: readonly Proposal[], kind: 'ike' | 'esp'): boolean {
  return a.some((x) => b.some((y) => proposalsMeet(x, y, kind)));
}

/**
 * The ESP integrity algorithms two lists can settle on, over every pair of proposals that meet;
 * `aead` for a pair that settles on an AEAD cipher. Undefined when a pair leaves integrity to a
 * daemon (neither proposal names one), where what they settle on is not known here.
 */
export function espIntegrityAgreed(a: readonly Proposal[], b: readonly Proposal[]): ReadonlySet<string> | undefined {
  const agreed = new Set<string>();
  for (const x of a) {
    for (const y of b) {
      if (!proposalsMeet(x, y, 'esp')) continue;
      const ciphers = [...x.encryption].filter((c) => [...y.encryption].some((d) => ciphersMeet(c, d)));
      if (ciphers.some(isAead)) agreed.add('aead');
      if (ciphers.every(isAead)) continue;
      const [ours, theirs] = [integrity(x), integrity(y)];
      if (ours.size === 0 && theirs.size === 0) return undefined;
      const shared = ours.size === 0 ? theirs : theirs.size === 0 ? ours : new Set([...ours].filter((i) => theirs.has(i)));
      for (const i of shared) agreed.add(i);
    }
  }
  return agreed;
}
