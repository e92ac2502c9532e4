import { dialectTargets } from '../../checks/ipsecConf/dialectView';
import { algorithmReleases, isKnownAlgorithm, PROPOSAL_KEYS, proposalWordsOf, withoutSlot } from '../../knowledge/ipsecConf/algorithms';
import { DIALECT_TRAITS } from '../../knowledge/ipsecConf';
import { KEY_EXCHANGE_GROUPS, KEY_EXCHANGE_WORDS } from '../../knowledge/keyExchangeGroups';
import { IPSEC_CONF_WEAK_WORDS, WEAK_FAMILIES } from '../../knowledge/weakAlgorithms';
import type { DialectGuess } from '../../model/dialect';
import type { ParsedDocument } from '../../model/document';
import { isAead, readProposalWord } from '../../workspace/proposals';
import type { HoverResult } from '../connHover';

const CIPHERS: Readonly<Record<string, string>> = {
  'aes-cbc': 'AES in CBC mode',
  'aes-ctr': 'AES in counter mode',
  'aes-gcm8': 'AES-GCM with an 8-byte ICV (AEAD)',
  'aes-gcm12': 'AES-GCM with a 12-byte ICV (AEAD)',
  'aes-gcm16': 'AES-GCM with a 16-byte ICV (AEAD)',
  'aes-ccm8': 'AES-CCM with an 8-byte ICV (AEAD)',
  'aes-ccm12': 'AES-CCM with a 12-byte ICV (AEAD)',
  'aes-ccm16': 'AES-CCM with a 16-byte ICV (AEAD)',
  camellia: 'Camellia in CBC mode',
  chacha20poly1305: 'ChaCha20-Poly1305 (AEAD)',
  '3des': '3DES (triple DES) in CBC mode',
};

const HASHES: Readonly<Record<string, string>> = {
  md5: 'HMAC-MD5',
  sha1: 'HMAC-SHA-1',
  sha256: 'HMAC-SHA-256',
  sha256_96: 'HMAC-SHA-256 truncated to 96 bits (the pre-standard form some old peers use)',
  sha384: 'HMAC-SHA-384',
  sha512: 'HMAC-SHA-512',
  aesxcbc: 'AES-XCBC-MAC',
  aescmac: 'AES-CMAC',
};

/**
 * Hover on one algorithm word of `ike=`, `esp=`, `ah=`, `phase2alg=` or `pfsgroup=`: what it
 * stands for, whether the IPsec RFCs advise against it, and which of the gateway's plausible
 * daemons read it.
 */
export function proposalWordHover(document: ParsedDocument<'ipsec'>, offset: number, dialect?: DialectGuess): HoverResult | undefined {
  for (const section of document.ast.sections) {
    for (const setting of section.settings) {
      const value = setting.value;
      if (!value || offset < value.span.start || offset > value.span.end || !PROPOSAL_KEYS.has(setting.key.text.toLowerCase())) continue;
      const raw = document.source.text.slice(value.span.start, value.span.end);
      for (const { word, offset: at } of proposalWordsOf(raw)) {
        const start = value.span.start + at;
        if (offset < start || offset > start + word.length) continue;
        const lines = describeWord(word, document, dialect);
        return lines && { markdown: lines.join('\n'), range: document.source.rangeOf({ start, end: start + word.length }) };
      }
      return undefined;
    }
  }
  return undefined;
}

function describeWord(written: string, document: ParsedDocument<'ipsec'>, dialect: DialectGuess | undefined): string[] | undefined {
  const { word, additional } = withoutSlot(written);
  const bare = word.toLowerCase();
  const meaning = meaningOf(bare);
  const targets = dialectTargets(document, { dialect });
  const readers = targets.map((target) => {
    const reads = isKnownAlgorithm(written, target.dialect, target.version);
    const range = reads ? undefined : algorithmReleases(written, target.dialect);
    const when = range?.from ? ` (read from ${DIALECT_TRAITS[target.dialect].label} ${range.from} on)` : range?.until ? ` (read before ${DIALECT_TRAITS[target.dialect].label} ${range.until})` : '';
    return { label: target.label, reads, when };
  });
  if (!meaning && readers.every((r) => !r.reads)) return undefined;
  const lines = [`**${written}**${meaning ? `: ${meaning}` : ''}`];
  if (additional !== undefined) lines.push('', `Additional key exchange ${additional} (RFC 9370), made after the first one.`);
  const weak = IPSEC_CONF_WEAK_WORDS.get(bare);
  if (weak) lines.push('', `Weak: ${WEAK_FAMILIES[weak].why}. Use ${WEAK_FAMILIES[weak].instead} instead.`);
  lines.push('', ...readers.map((r) => `- ${r.label}: ${r.reads ? 'reads it' : `does not read it${r.when}`}`));
  return lines;
}

/** What a lower-case word stands for, in words; undefined when it is no algorithm read here. */
function meaningOf(word: string): string | undefined {
  if (/^\d+$/.test(word)) return `a ${word}-bit key for the cipher before it`;
  if (word === 'esn' || word === 'noesn') return word === 'esn' ? 'extended (64-bit) sequence numbers' : 'no extended sequence numbers';
  if (word === 'null' || word === 'none') return 'NULL: no encryption as the cipher, no integrity after an AEAD cipher, no key exchange (PFS) after a group';
  const exchange = KEY_EXCHANGE_WORDS[word];
  if (exchange !== undefined) return `key exchange method ${exchange}, ${KEY_EXCHANGE_GROUPS[exchange]}`;
  const read = readProposalWord(word);
  if (!read) return undefined;
  switch (read.kind) {
    case 'encryption': {
      const [family, length] = read.value.split(':');
      const name = CIPHERS[family] ?? family;
      const key = length && length !== '*' ? `, ${length}-bit key` : isAead(family) || family === 'aes-cbc' || family === 'aes-ctr' || family === 'camellia' ? ', the daemon\'s default key length' : '';
      return `encryption, ${name}${key}`;
    }
    case 'integrity':
      return `integrity, ${HASHES[read.value] ?? read.value} (in an IKE proposal also the PRF, unless one is named)`;
    case 'prf':
      return `pseudo-random function, ${HASHES[read.value] ?? read.value}`;
    case 'dh':
      return `key exchange (DH group ${read.value}${KEY_EXCHANGE_GROUPS[read.value] ? `, ${KEY_EXCHANGE_GROUPS[read.value]}` : ''}); in an ESP proposal, the group for PFS`;
  }
}
