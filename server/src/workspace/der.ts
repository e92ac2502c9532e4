/** Just enough DER to walk certificates, keys and CRLs: elements found by offset, never copied. */

export interface Tlv {
  readonly tag: number;
  /** The whole element, header included. */
  readonly start: number;
  readonly contentStart: number;
  readonly end: number;
}

export const SEQUENCE = 0x30;
export const INTEGER = 0x02;
export const OCTET_STRING = 0x04;
export const BIT_STRING = 0x03;
export const OID = 0x06;
export const UTC_TIME = 0x17;
export const GENERALIZED_TIME = 0x18;
export const CONTEXT_0 = 0xa0;
export const CONTEXT_1 = 0xa1;
export const CONTEXT_3 = 0xa3;

/** The element at `at`, or undefined when its header or length runs past `limit`. */
export function readTlv(der: Uint8Array, at: number, limit: number): Tlv | undefined {
  if (at + 2 > limit) return undefined;
  const tag = der[at];
  let length = der[at + 1];
  let contentStart = at + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3 || contentStart + count > limit) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[contentStart + i];
    contentStart += count;
  }
  const end = contentStart + length;
  return end <= limit ? { tag, start: at, contentStart, end } : undefined;
}

/** The elements directly inside a constructed element. */
export function children(der: Uint8Array, parent: Tlv): Tlv[] | undefined {
  const out: Tlv[] = [];
  for (let at = parent.contentStart; at < parent.end; ) {
    const child = readTlv(der, at, parent.end);
    if (!child) return undefined;
    out.push(child);
    at = child.end;
  }
  return out;
}

/** The content bytes of an element in lower-case hex. */
export function hexOf(der: Uint8Array, tlv: Tlv): string {
  return Buffer.from(der.subarray(tlv.contentStart, tlv.end)).toString('hex');
}

/** The whole element, header included. */
export function bytesOf(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.start, tlv.end);
}

export function encode(tag: number, content: Uint8Array): Buffer {
  const n = content.length;
  const header = n < 0x80 ? [tag, n] : n < 0x100 ? [tag, 0x81, n] : n < 0x10000 ? [tag, 0x82, n >> 8, n & 0xff] : [tag, 0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}

/** The fields of a certificate's tbsCertificate, the version's `[0]` included when present. */
export function tbsCertificateFields(raw: Uint8Array): Tlv[] | undefined {
  const certificate = readTlv(raw, 0, raw.length);
  const tbs = certificate && certificate.tag === SEQUENCE ? children(raw, certificate)?.[0] : undefined;
  return tbs && tbs.tag === SEQUENCE ? children(raw, tbs) : undefined;
}

/** A certificate's issuer or subject Name, as the DER bytes a CRL's issuer is compared with. */
export function certificateName(raw: Uint8Array, which: 'issuer' | 'subject'): Uint8Array | undefined {
  const fields = tbsCertificateFields(raw);
  if (!fields) return undefined;
  const offset = fields[0]?.tag === CONTEXT_0 ? 1 : 0;
  const name = fields[offset + (which === 'issuer' ? 2 : 4)];
  return name?.tag === SEQUENCE ? bytesOf(raw, name) : undefined;
}

/** UTCTime or GeneralizedTime as a Date, or undefined when it is neither or malformed. */
export function timeOf(der: Uint8Array, tlv: Tlv): Date | undefined {
  if (tlv.tag !== UTC_TIME && tlv.tag !== GENERALIZED_TIME) return undefined;
  const text = Buffer.from(der.subarray(tlv.contentStart, tlv.end)).toString('latin1');
  const match = (tlv.tag === UTC_TIME ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/ : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/).exec(text);
  if (!match) return undefined;
  let year = Number(match[1]);
  if (tlv.tag === UTC_TIME) year += year < 50 ? 2000 : 1900;
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6])));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** An Extensions SEQUENCE: each extension's OID (DER content, hex) and its extnValue OCTET STRING. */
export function extensionsIn(der: Uint8Array, list: Tlv | undefined): Map<string, Tlv> {
  const found = new Map<string, Tlv>();
  for (const extension of (list?.tag === SEQUENCE && children(der, list)) || []) {
    const parts = extension.tag === SEQUENCE ? children(der, extension) : undefined;
    const value = parts?.[parts.length - 1];
    if (parts?.[0]?.tag === OID && value?.tag === OCTET_STRING) found.set(hexOf(der, parts[0]), value);
  }
  return found;
}

/** A certificate's extensions (inside tbsCertificate's `[3]`). */
export function certificateExtensions(raw: Uint8Array): Map<string, Tlv> {
  const wrapper = tbsCertificateFields(raw)?.find((field) => field.tag === CONTEXT_3);
  return extensionsIn(raw, wrapper && readTlv(raw, wrapper.contentStart, wrapper.end));
}

export const AUTHORITY_KEY_IDENTIFIER = '551d23';

/** An authorityKeyIdentifier: its keyIdentifier `[0]` and authorityCertSerialNumber `[2]`, in hex, where present. */
export interface AuthorityKey {
  readonly keyId?: string;
  readonly serial?: string;
}

/** Reads an authorityKeyIdentifier extension's value; undefined when there is none. */
export function authorityKeyOf(der: Uint8Array, value: Tlv | undefined): AuthorityKey | undefined {
  const inner = value && readTlv(der, value.contentStart, value.end);
  const parts = inner?.tag === SEQUENCE ? children(der, inner) : undefined;
  if (!parts) return undefined;
  const part = (tag: number): string | undefined => {
    const found = parts.find((p) => p.tag === tag);
    return found && hexOf(der, found);
  };
  return { keyId: part(0x80), serial: part(0x82) };
}
