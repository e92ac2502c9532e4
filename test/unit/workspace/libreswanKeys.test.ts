import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { libreswanDataBytes, libreswanDataProblem } from '../../../server/src/text/libreswanData';
import { rawRsaKeyProblem } from '../../../server/src/text/rawRsaKey';
import { refusedConns } from './refusedConns';

const RELEASES = ['4.10', '5.0', '5.2', '5.4'] as const;

/**
 * Keys and CKAIDs written inline, each conn added to the pluto of Libreswan 4.10 (Debian) and of
 * 5.0, 5.2 and 5.4 (built from their tags) with `npm run test:pluto-add`'s AddSession, 2026-12-04.
 * R = refused (by addconn or pluto), L = added. The last rows read as bytes, and pluto makes an RSA
 * key of them or not (RFC 3110: the exponent's length, the exponent, the modulus): a modulus of 64
 * to 1025 bytes, and an exponent that ends within the key ("modulus is shorter than minimum 64",
 * "too short for exponent of length 200").
 */
const rawKey = (head: readonly number[], modulusBytes: number): string => `0s${Buffer.from([...head, 0xc1, ...new Array<number>(modulusBytes - 1).fill(0x55)]).toString('base64')}`;

const SEEN: readonly (readonly [string, string])[] = [
  ['leftrsasigkey="0sAQNM....hIp"|rightrsasigkey=%cert', 'RRRR'],
  ['leftrsasigkey=AQNMxyzw', 'RRRR'],
  ['leftrsasigkey=0sAQNMabc', 'RRRR'],
  ['leftrsasigkey=0xZZ', 'RRRR'],
  ['leftrsasigkey=%cert', 'LLLL'],
  ['leftpubkey=MFkw....AB', 'RRRR'],
  ['leftckaid=YourCKAID', 'RRRR'],
  ['leftrsasigkey="0sAQNM hIp="', 'RRRR'],
  ['leftrsasigkey=0sAQNMhIp=', 'RRRR'],
  ['leftrsasigkey=0sAAAA', 'RRRR'],
  ['leftrsasigkey=0sAQ==', 'RRRR'],
  ['leftrsasigkey=0sAQOAAAAA', 'RRRR'],
  ['leftrsasigkey=0x0103', 'RRRR'],
  [`leftrsasigkey=${rawKey([1, 3], 40)}`, 'RRRR'],
  [`leftrsasigkey=${rawKey([1, 3], 64)}`, 'LLLL'],
  [`leftrsasigkey=${rawKey([1, 3], 1025)}`, 'LLLL'],
  [`leftrsasigkey=${rawKey([1, 3], 1026)}`, 'RRRR'],
  [`leftrsasigkey=${rawKey([0, 0, 1, 3], 100)}`, 'LLLL'],
  ['leftrsasigkey=0syAMDAw==', 'RRRR'],
];

/** For each conn of SEEN, whether ipsec-lint pinned to `release` says it does not load. */
function refusedByUs(release: string): boolean[] {
  const conns = SEEN.map(([body], index) => `conn c${index}\n\tleft=192.1.2.45\n\tright=192.1.2.23\n\tleftid=@west\n\trightid=@east\n\tauthby=rsasig\n${body.split('|').map((line) => `\t${line}\n`).join('')}\tauto=add\n`);
  return refusedConns(release, 'config setup\n', conns);
}

describe('Libreswan keys and CKAIDs written inline, by release', () => {
  for (const [index, release] of RELEASES.entries()) {
    it(`refuses exactly the conns Libreswan ${release} refused`, () => {
      const ours = refusedByUs(release);
      for (const [row, [body, verdicts]] of SEEN.entries()) assert.equal(ours[row], verdicts[index] === 'R', `${body} on ${release}`);
    });
  }
});

describe("Libreswan's reading of binary values written as text", () => {
  it('reads keys as ipsec showhostkey prints them', () => {
    for (const text of ['0sAwEAAQ==', '0SAQAB', '0x0102', '0X01_02_03', '0tanything', '0sAQA=']) assert.equal(libreswanDataProblem(text, 'prefixed'), undefined, text);
    assert.equal(libreswanDataProblem('MFkwEwYHKoZIzj0CAQ==', 'base64'), undefined);
    assert.equal(libreswanDataProblem('0a1B_2c', 'hex'), undefined);
  });

  it('says why it refuses the rest', () => {
    const cases: Array<[string, 'prefixed' | 'hex' | 'base64', RegExp]> = [
      ['0', 'prefixed', /too short/],
      ['/etc/ipsec.d/key.pem', 'prefixed', /lacks the format prefix/],
      ['0q1234', 'prefixed', /no format prefix/],
      ['0s', 'prefixed', /no base64 digits/],
      ['0x', 'prefixed', /no hex digits/],
      ['0x012', 'prefixed', /middle of a byte/],
      ['0x01__02', 'prefixed', /"_" is no digit/],
      ['0x_0102', 'prefixed', /"_" is no digit/],
      ['0x0102_', 'prefixed', /"_" is no digit/],
      ['0sAQA', 'prefixed', /middle of a byte/],
      ['0sAQ.B', 'prefixed', /"\." is no digit/],
      ['0sAQ B', 'prefixed', /blank/],
      ['0sAR==', 'prefixed', /padding/],
      ['0sAQB=', 'prefixed', /padding/],
      ['0sA===', 'prefixed', /"=" is no digit/],
      ['AB:CD', 'hex', /":" is no digit/],
    ];
    for (const [text, form, expected] of cases) assert.match(libreswanDataProblem(text, form) ?? 'read', expected, text);
  });
});

/** A P-256 key as a SubjectPublicKeyInfo (what 5.x's showhostkey prints for leftpubkey=), and a P-384 point after 0x04: both made by openssl. */
const P256_SPKI = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEYwgVS+//fi00S58ysC3Wto/RCzi9hECPus/ax2SBHP2/aB675aZQzWh0t5y0PB4KYL/ZbCDHKvmaFw1l53IPQA==';
const P384_POINT = 'BOkBc5Fly14qxZDLWRFvrOeuXLK+6b3d8MpUIEulUstIQPDb6bYaBvOPcPNQawG+S7H/0EekHD0E1WLzmZd+EXE9mbEKjokxPggQYJEaPnZJiOfvlfVv7q2+grUzVlPgzQ==';
const base64 = (bytes: Buffer): string => bytes.toString('base64');
const p256 = Buffer.from(P256_SPKI, 'base64');
const p256Point = p256.subarray(p256.length - 65);

/**
 * Keys whose text reads but whose bytes are another matter, each conn added to the pluto of 4.10
 * (Debian), 5.0, 5.2 and 5.4, 2026-12-04 (R refused, L added). Raw ECDSA keys are left out for
 * 4.10 (-), whose pluto died adding any but a bare P-256 point.
 */
const KEY_BYTES: readonly (readonly [string, string])[] = [
  [`leftpubkey=${P256_SPKI}`, 'LLLL'],
  [`leftpubkey=${base64(p256.subarray(0, p256.length - 3))}`, 'RRRR'],
  [`leftpubkey=${base64(Buffer.concat([p256, Buffer.from([0, 0, 0])]))}`, 'RRRR'],
  [`leftecdsakey=0s${base64(p256Point)}`, '-LLL'],
  [`leftecdsakey=0s${base64(p256Point.subarray(1))}`, 'LLLL'],
  [`leftecdsakey=0s${base64(Buffer.concat([p256Point, Buffer.from([1])]))}`, '-RRR'],
  [`leftecdsakey=0x${p256Point.toString('hex')}`, '-LLL'],
  [`leftecdsakey=0s${P384_POINT}`, '-LLL'],
];

describe('keys whose bytes pluto makes no key of, by release', () => {
  for (const [index, release] of RELEASES.entries()) {
    it(`refuses exactly the conns Libreswan ${release} refused`, () => {
      const conns = KEY_BYTES.map(([line], row) => `conn k${row}\n\tleft=192.0.2.1\n\tright=192.0.2.${20 + row}\n\tleftid=@west\n\trightid=@east\n\tauthby=ecdsa\n\t${line}\n\tauto=add\n`);
      const ours = refusedConns(release, 'config setup\n\tikev1-policy=accept\n', conns);
      for (const [row, [line, verdicts]] of KEY_BYTES.entries()) if (verdicts[index] !== '-') assert.equal(ours[row], verdicts[index] === 'R', `${line.slice(0, 40)} on ${release}`);
    });
  }
});

describe('raw RSA keys (RFC 3110) as pluto reads them', () => {
  it('decodes each prefix and says what makes no key', () => {
    assert.deepEqual([...(libreswanDataBytes('0x01_03') ?? [])], [1, 3]);
    assert.deepEqual([...(libreswanDataBytes('0sAQM=') ?? [])], [1, 3]);
    assert.deepEqual([...(libreswanDataBytes('0tAB') ?? [])], [65, 66]);
    assert.equal(libreswanDataBytes('0sAQ.B'), undefined);
    assert.match(rawRsaKeyProblem(Uint8Array.from([1])) ?? '', /its 1 byte cannot even hold the exponent's length/);
    assert.match(rawRsaKeyProblem(Uint8Array.from([200, 3, 3, 3])) ?? '', /runs past its end \(4 bytes\)/);
    assert.match(rawRsaKeyProblem(Uint8Array.from([1, 3, 7])) ?? '', /its modulus is 1 byte, below pluto's minimum of 64/);
    assert.equal(rawRsaKeyProblem(Uint8Array.from([1, 3, ...new Array<number>(64).fill(9)])), undefined);
  });
});
