/**
 * Why Libreswan's reader of binary values written as text (keys, CKAIDs) refuses a text, in our
 * words, or undefined when it reads it. `prefixed`: `0x` hex, `0s` base64 or `0t` text, as
 * `leftrsasigkey=` is written; `hex` and `base64`: the bare digits, as `leftckaid=` and
 * `leftpubkey=` are. Only the text is judged, not whether the bytes make a key.
 */
export function libreswanDataProblem(text: string, form: 'prefixed' | 'hex' | 'base64'): string | undefined {
  if (form === 'hex') return hexProblem(text);
  if (form === 'base64') return base64Problem(text);
  if (text.length < 2) return 'too short to hold a format prefix (0s for base64, 0x for hex)';
  if (text[0] !== '0') return 'it lacks the format prefix (0s for base64, 0x for hex)';
  const digits = text.slice(2);
  switch (text[1]) {
    case 'x':
    case 'X':
      return hexProblem(digits);
    case 's':
    case 'S':
      return base64Problem(digits);
    case 't':
    case 'T':
      return digits.length === 0 ? 'there is nothing after the prefix' : undefined;
    default:
      return `"0${text[1]}" is no format prefix (0s for base64, 0x for hex)`;
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Two hex digits per byte; an underscore may follow a byte that is not the last. */
function hexProblem(digits: string): string | undefined {
  let inByte = 0;
  let bytes = 0;
  let afterUnderscore = false;
  for (let i = 0; i < digits.length; i++) {
    const c = digits[i];
    if (c === '_' && inByte === 0 && bytes > 0 && !afterUnderscore && i < digits.length - 1) {
      afterUnderscore = true;
      continue;
    }
    afterUnderscore = false;
    if (!/[0-9a-fA-F]/.test(c)) return unknownCharacter(c);
    inByte = (inByte + 1) % 2;
    if (inByte === 0) bytes++;
  }
  if (inByte !== 0) return 'it ends in the middle of a byte (an odd number of hex digits), as if cut short';
  return bytes === 0 ? 'there are no hex digits' : undefined;
}

/** Groups of four base64 digits; `=` pads a last byte or two, with the unused bits zero. */
function base64Problem(digits: string): string | undefined {
  if (digits.length === 0) return 'there are no base64 digits';
  for (let group = 0; group < digits.length; group += 4) {
    const chunk = digits.slice(group, group + 4);
    if (chunk.length < 4) {
      const stray = [...chunk].find((c) => !BASE64.includes(c) && c !== '=');
      return stray !== undefined ? unknownCharacter(stray) : 'it ends in the middle of a byte (its length is no multiple of four), as if cut short';
    }
    const problem = groupProblem(chunk);
    if (problem) return problem;
  }
  return undefined;
}

function groupProblem(chunk: string): string | undefined {
  const [a, b, c, d] = [...chunk].map((ch) => BASE64.indexOf(ch));
  if (a < 0) return unknownCharacter(chunk[0]);
  if (b < 0) return unknownCharacter(chunk[1]);
  if (c < 0) {
    if (chunk[2] !== '=' || chunk[3] !== '=') return unknownCharacter(chunk[2]);
    return (b & 0xf) !== 0 ? 'the bits the padding leaves over are not zero' : undefined;
  }
  if (d < 0) {
    if (chunk[3] !== '=') return unknownCharacter(chunk[3]);
    return (c & 0x3) !== 0 ? 'the bits the padding leaves over are not zero' : undefined;
  }
  return undefined;
}

function unknownCharacter(c: string): string {
  return c.trim() === '' ? 'it holds a blank, which is no digit' : `"${c}" is no digit of its encoding`;
}

/** The bytes of a prefixed text (`0x`, `0s`, `0t`) that libreswanDataProblem passes; undefined for any other. */
export function libreswanDataBytes(text: string): Uint8Array | undefined {
  if (libreswanDataProblem(text, 'prefixed') !== undefined) return undefined;
  const digits = text.slice(2);
  switch (text[1].toLowerCase()) {
    case 'x':
      return Uint8Array.from(Buffer.from(digits.replace(/_/g, ''), 'hex'));
    case 's':
      return Uint8Array.from(Buffer.from(digits, 'base64'));
    default:
      return Uint8Array.from(Buffer.from(digits, 'latin1'));
  }
}
