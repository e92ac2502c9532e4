import type { KeySize } from '../../knowledge/setkey';
import { keyBits } from '../../parsing/setkey/values';
import { defineRule } from '../rule';
import { namedAlgorithms } from './algorithms';

export const setkeyBadKeyLength = defineRule({
  code: 'setkey-bad-key-length',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'A key does not have the length its algorithm takes',
  description:
    'After `-E` or `-A` the key, as `0x` and hex digits (two per byte) or as a quoted string (one byte per character), must have a length the algorithm accepts: 192 bits (48 hex digits) for 3des-cbc, 128, 192 or 256 for aes-cbc, 160 for hmac-sha1, 256 for hmac-sha256, and so on. setkey or the kernel refuses the SA otherwise. Generate a key of the right length, e.g. `dd if=/dev/urandom count=24 bs=1 | xxd -p` for 24 bytes. The message never repeats the key.',
  check(document, report) {
    for (const { spec, algorithm } of namedAlgorithms(document.ast)) {
      if (!spec.key?.terminated || !algorithm || algorithm.key.kind === 'none') continue;
      const bits = keyBits(spec.key);
      if (bits === undefined || fits(algorithm.key, bits)) continue;
      report({
        span: spec.key.span,
        message: `${algorithm.name} takes a key of ${describeBits(algorithm.key)} bits, but this key has ${bits} (${bits / 8} bytes): use a key of the right length`,
      });
    }
  },
});

function fits(size: KeySize, bits: number): boolean {
  if (size.kind === 'none') return bits === 0;
  if (size.kind === 'exact') return size.bits.includes(bits);
  return bits >= size.min && bits <= size.max;
}

export function describeBits(size: KeySize): string {
  if (size.kind === 'none') return '0';
  if (size.kind === 'range') return `${size.min} to ${size.max}`;
  const bits = size.bits.map(String);
  return bits.length === 1 ? bits[0] : `${bits.slice(0, -1).join(', ')} or ${bits[bits.length - 1]}`;
}
