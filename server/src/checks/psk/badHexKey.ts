import { defineRule } from '../rule';

export const pskBadHexKey = defineRule({
  code: 'psk-bad-hex-key',
  fileKinds: ['racoon-psk'],
  defaultSeverity: 'error',
  title: 'A key starting with 0x is not valid hex',
  description:
    'racoon decodes a key that starts with `0x` as hexadecimal. If the rest holds anything but hex digits (blanks are ignored) or an odd number of digits, racoon cannot build the key and the negotiation fails. Fix the digits, or drop the `0x` if the key is meant as text.',
  check(document, report) {
    for (const entry of document.ast.entries) {
      const key = entry.key;
      if (!key || !key.text.startsWith('0x')) continue;
      const problem = hexProblem(key.text.slice(2));
      if (problem) report({ span: key.span, message: `This hex key ${problem}: racoon cannot decode it. Correct the digits, or remove \`0x\` to use the text as it is.` });
    }
  },
});

function hexProblem(digits: string): string | undefined {
  let count = 0;
  for (let i = 0; i < digits.length; i++) {
    const code = digits.charCodeAt(i);
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) continue;
    if (!/[0-9a-fA-F]/.test(digits[i])) return 'contains characters that are not hex digits';
    count++;
  }
  if (count === 0) return 'has no digits after `0x`';
  return count % 2 === 0 ? undefined : 'has an odd number of hex digits';
}
