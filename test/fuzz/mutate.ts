/** A small deterministic PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['{', '}', ';', '=', '"', '\t', '\r', '\u0000', '\u00a0', '\ufeff', '\n', '#', ' ', 'conn ', 'include ', '\\', '[', ']', '/', '%', '@', ':', '\u201c', '\u201d', '\u2013', '\u2019', ' #x'];

export type Mutator = (text: string, rand: () => number) => string;

const pick = <T>(items: readonly T[], rand: () => number): T => items[Math.floor(rand() * items.length)];
const at = (text: string, rand: () => number): number => Math.floor(rand() * (text.length + 1));

export const MUTATORS: Readonly<Record<string, Mutator>> = {
  flipCharacter: (text, rand) => {
    if (text.length === 0) return text;
    const i = Math.floor(rand() * text.length);
    return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << Math.floor(rand() * 7))) + text.slice(i + 1);
  },
  insertSpecial: (text, rand) => {
    const i = at(text, rand);
    return text.slice(0, i) + pick(INSERTS, rand) + text.slice(i);
  },
  deleteRange: (text, rand) => {
    const i = at(text, rand);
    return text.slice(0, i) + text.slice(i + 1 + Math.floor(rand() * 20));
  },
  truncate: (text, rand) => text.slice(0, at(text, rand)),
  duplicateLine: (text, rand) => {
    const lines = text.split('\n');
    const i = Math.floor(rand() * lines.length);
    lines.splice(i, 0, lines[i]);
    return lines.join('\n');
  },
  hugeLine: (text, rand) => {
    const i = at(text, rand);
    return text.slice(0, i) + pick(['a', '{', '"', ' ', '=', 'x='], rand).repeat(5000 + Math.floor(rand() * 20000)) + text.slice(i);
  },
  swapLines: (text, rand) => {
    const lines = text.split('\n');
    const i = Math.floor(rand() * lines.length);
    const j = Math.floor(rand() * lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return lines.join('\n');
  },
  crlf: (text) => text.replace(/\n/g, '\r\n'),
};

/** One to three mutations of the seed text. */
export function mutate(text: string, rand: () => number): { text: string; applied: string[] } {
  const names = Object.keys(MUTATORS);
  const applied: string[] = [];
  let result = text;
  const count = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < count; i++) {
    const name = pick(names, rand);
    applied.push(name);
    result = MUTATORS[name](result, rand);
  }
  return { text: result, applied };
}
