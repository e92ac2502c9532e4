import type { CertificateInfo } from './certificates';
import { BIT_STRING, certificateExtensions, readTlv } from './der';
import { perObject } from './memo';

export type KeyUsageBit = 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment' | 'keyAgreement' | 'keyCertSign' | 'cRLSign' | 'encipherOnly' | 'decipherOnly';

/** RFC 5280's KeyUsage bits, in order from bit 0. */
const BITS: readonly KeyUsageBit[] = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

/** id-ce-keyUsage, 2.5.29.15, as the hex of its DER content. */
const KEY_USAGE = '551d0f';

/**
 * The uses a certificate's keyUsage extension allows; undefined when it has none (any use is
 * allowed) or it cannot be read. Kept per certificate, which a mesh holds in many folders.
 */
export const keyUsageOf = perObject((info: CertificateInfo): ReadonlySet<KeyUsageBit> | undefined => {
  const raw = info.cert.raw;
  const value = certificateExtensions(raw).get(KEY_USAGE);
  const bits = value && readTlv(raw, value.contentStart, value.end);
  if (bits?.tag !== BIT_STRING || bits.end - bits.contentStart < 1) return undefined;
  const found = new Set<KeyUsageBit>();
  for (let i = 0; i < BITS.length; i++) {
    const byte = bits.contentStart + 1 + (i >> 3);
    if (byte < bits.end && (raw[byte] & (0x80 >> (i & 7))) !== 0) found.add(BITS[i]);
  }
  return found;
});
