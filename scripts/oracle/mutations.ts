import type { Rng } from '../negotiation/random';
import { insertAfter, readLines, replaceLine, sectionEnd, type ConfLines, type SettingLine } from './fileLines';
import { foreignKeyword, misspell, sectionKeyword, typedBadValue } from './mutationMaterial';
import type { Family } from './oracles';

export interface Mutated {
  readonly text: string;
  /** 1-based line of the mutation in the mutated text (the dialect comment is line 1). */
  readonly line: number;
  /** What was changed, for the report. */
  readonly note: string;
}

export interface Mutation {
  readonly name: string;
  apply(conf: ConfLines, rng: Rng, dialect: Family): Mutated | undefined;
}

function connSettings(conf: ConfLines): SettingLine[] {
  return conf.settings.filter((s) => s.section === 'conn');
}

function pickSetting(conf: ConfLines, rng: Rng, filter: (s: SettingLine) => boolean = () => true): SettingLine | undefined {
  const candidates = conf.settings.filter(filter);
  return candidates.length === 0 ? undefined : rng.pick(candidates);
}

function at(text: string, index: number, note: string): Mutated {
  return { text, line: index + 1, note };
}

const OTHER_BLANKS = ['\u00a0', '\u00a0\u00a0', '\u2003', '\u3000', '\u200b\t', '\t\u00a0'];

const MUTATIONS: readonly Mutation[] = [
  { name: 'none', apply: (conf) => ({ text: conf.lines.join('\n'), line: 1, note: 'unchanged' }) },
  {
    name: 'column-zero-key',
    apply(conf, rng) {
      const s = pickSetting(conf, rng);
      return s && at(replaceLine(conf, s.index, `${s.key}=${s.value}`), s.index, `unindented ${s.key}`);
    },
  },
  {
    name: 'indented-header',
    apply(conf, rng) {
      const candidates = conf.headers.filter((h) => h.index > 1);
      if (candidates.length === 0) return undefined;
      const h = rng.pick(candidates);
      return at(replaceLine(conf, h.index, `${rng.pick(['\t', '  ', ' '])}${conf.lines[h.index]}`), h.index, `indented ${h.kind} ${h.name}`);
    },
  },
  {
    name: 'other-blank-indent',
    apply(conf, rng) {
      const s = pickSetting(conf, rng);
      const blank = rng.pick(OTHER_BLANKS);
      const code = [...blank].map((c) => `U+${c.codePointAt(0)?.toString(16).padStart(4, '0')}`).join(' ');
      return s && at(replaceLine(conf, s.index, `${blank}${s.key}=${s.value}`), s.index, `indent ${code} before ${s.key}`);
    },
  },
  { name: 'crlf', apply: (conf) => ({ text: conf.lines.join('\r\n'), line: 2, note: 'CRLF line endings' }) },
  {
    name: 'missing-equals',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0);
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}${rng.pick([' ', '\t', ': '])}${s.value}`), s.index, `${s.key} without =`);
    },
  },
  {
    name: 'misspelt-keyword',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.key.length > 3);
      if (s === undefined) return undefined;
      const wrong = misspell(s.key, rng);
      return at(replaceLine(conf, s.index, `${s.indent}${wrong}=${s.value}`), s.index, `${s.key} → ${wrong}`);
    },
  },
  {
    name: 'foreign-keyword',
    apply(conf, rng, dialect) {
      const s = pickSetting(conf, rng, (x) => x.section === 'conn');
      if (s === undefined) return undefined;
      const line = foreignKeyword(dialect, rng);
      return at(insertAfter(conf, s.index, `${s.indent}${line}`), s.index + 1, `added ${line}`);
    },
  },
  {
    name: 'wrong-section',
    apply(conf, rng, dialect) {
      const target = rng.pick(conf.headers);
      if (target === undefined || target.kind === 'ca') return undefined;
      const line = sectionKeyword(target.kind === 'config' ? 'conn' : 'config', dialect, rng);
      const end = sectionEnd(conf, target.index);
      return at(insertAfter(conf, end, `\t${line}`), end + 1, `added ${line} to ${target.kind} ${target.name}`);
    },
  },
  {
    name: 'bad-typed-value',
    apply(conf, rng, dialect) {
      const withBad = conf.settings.flatMap((s) => {
        const bad = typedBadValue(s.key, s.value, dialect, rng);
        return bad === undefined ? [] : [{ s, bad }];
      });
      if (withBad.length === 0) return undefined;
      const { s, bad } = rng.pick(withBad);
      return at(replaceLine(conf, s.index, `${s.indent}${s.key}=${bad}`), s.index, `${s.key}=${s.value} → ${s.key}=${bad}`);
    },
  },
  {
    name: 'duplicate-key',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.key !== 'also');
      return s && at(insertAfter(conf, s.index, `${s.indent}${s.key}=${s.value}`), s.index + 1, `${s.key} twice`);
    },
  },
  {
    name: 'duplicate-conn',
    apply(conf, rng) {
      const conns = conf.headers.filter((h) => h.kind === 'conn' && h.name !== '%default');
      if (conns.length < 2) return undefined;
      const [a, b] = rng.shuffle(conns);
      return at(replaceLine(conf, b.index, `conn ${a.name}`), b.index, `conn ${b.name} renamed to ${a.name}`);
    },
  },
  {
    name: 'unclosed-quote',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0 && !x.value.includes('"'));
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}="${s.value}`), s.index, `${s.key}="${s.value} (no closing quote)`);
    },
  },
  {
    name: 'trailing-comment',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0 && !x.value.includes('#'));
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}=${s.value}${rng.pick([' # note', '\t# was no', '# old'])}`), s.index, `comment after ${s.key}`);
    },
  },
  {
    name: 'empty-value',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.key !== 'also');
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}=`), s.index, `${s.key}= (empty)`);
    },
  },
  {
    name: 'also-unknown',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.section === 'conn');
      return s && at(insertAfter(conf, s.index, `${s.indent}also=no-such-conn`), s.index + 1, 'also=no-such-conn');
    },
  },
  {
    name: 'upper-case-keyword',
    apply(conf, rng) {
      const s = pickSetting(conf, rng);
      if (s === undefined) return undefined;
      const key = rng.chance(0.5) ? s.key.toUpperCase() : s.key[0].toUpperCase() + s.key.slice(1);
      return key === s.key ? undefined : at(replaceLine(conf, s.index, `${s.indent}${key}=${s.value}`), s.index, `${s.key} → ${key}`);
    },
  },
  {
    name: 'two-statements',
    apply(conf, rng) {
      const pairs = conf.settings.filter((s, i) => i + 1 < conf.settings.length && conf.settings[i + 1].index === s.index + 1 && conf.settings[i + 1].header === s.header);
      if (pairs.length === 0) return undefined;
      const s = rng.pick(pairs);
      const next = conf.lines[s.index + 1].trim();
      return at([...conf.lines.slice(0, s.index), `${conf.lines[s.index]}${rng.pick([' ', '\t', '; '])}${next}`, ...conf.lines.slice(s.index + 2)].join('\n'), s.index, `${s.key} and ${next.split('=')[0]} on one line`);
    },
  },
  {
    name: 'tabs-vs-spaces',
    apply(conf, rng) {
      const s = pickSetting(conf, rng);
      if (s === undefined) return undefined;
      const indent = s.indent.includes('\t') ? rng.pick(['  ', '    ', ' ', ' \t']) : rng.pick(['\t', '\t ', '\t\t']);
      return at(replaceLine(conf, s.index, `${indent}${s.key}=${s.value}`), s.index, `indent of ${s.key} changed`);
    },
  },
  {
    name: 'late-default',
    apply(conf, rng, dialect) {
      const conns = connSettings(conf);
      if (conns.length === 0) return undefined;
      const s = rng.pick(conns);
      const line = `${s.key}=${s.value}`;
      void dialect;
      return { text: `${conf.lines.join('\n').replace(/\n*$/, '')}\n\nconn %default\n\t${line}\n`, line: conf.lines.length + 2, note: `conn %default with ${s.key} after the conns` };
    },
  },
  {
    name: 'spaces-around-equals',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0);
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}${rng.pick([' = ', ' =', '= ', '\t=\t'])}${s.value}`), s.index, `blanks around = of ${s.key}`);
    },
  },
  {
    name: 'quoted-value',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0 && !x.value.includes('"') && x.key !== 'also');
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}="${s.value}"`), s.index, `${s.key} quoted`);
    },
  },
  {
    name: 'glued-quote-comment',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0 && !x.value.includes('"') && !x.value.includes('#') && x.key !== 'also');
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}="${s.value}"${rng.pick(['# old', '#old', '#\told', '# "old"'])}`), s.index, `${s.key} quoted, "#" right after the quote`);
    },
  },
  {
    name: 'empty-before-comment',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.key !== 'also' && x.value.length > 0);
      if (s === undefined) return undefined;
      const lines = [...conf.lines.slice(0, s.index), `${s.indent}${s.key}=`, `${s.indent}${rng.pick(['# was ', '#', '# '])}${s.value}`, ...conf.lines.slice(s.index + 1)];
      return at(lines.join('\n'), s.index, `${s.key}= (empty) over a comment line`);
    },
  },
  {
    name: 'unclosed-quote-words',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0 && !x.value.includes('"') && x.key !== 'also');
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}="${s.value}${rng.pick([' old', ' # old', '\t#old', ' {x}'])}`), s.index, `${s.key}="… with more on the line, no closing quote`);
    },
  },
  {
    name: 'braced-value',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0 && !/["{} \t]/.test(x.value) && x.key !== 'also');
      return s && at(replaceLine(conf, s.index, `${s.indent}${s.key}={${s.value}}`), s.index, `${s.key} in braces`);
    },
  },
  {
    name: 'trailing-blanks',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0);
      return s && at(replaceLine(conf, s.index, `${conf.lines[s.index]}${rng.pick([' ', '\t', '  \t'])}`), s.index, `blanks after ${s.key}`);
    },
  },
  {
    // strongSwan's grammar joins further words into the value; Openswan's and Libreswan's read them as the next keyword.
    name: 'extra-words',
    apply(conf, rng) {
      const s = pickSetting(conf, rng, (x) => x.value.length > 0 && !x.value.includes('"') && !x.value.includes('#'));
      return s && at(replaceLine(conf, s.index, `${conf.lines[s.index]}${rng.pick([' old', '\tx y', ' "two words"', ', 2', ' @#0a'])}`), s.index, `more words after the value of ${s.key}`);
    },
  },
  {
    name: 'header-comment',
    apply(conf, rng) {
      const h = rng.pick(conf.headers);
      return h && at(replaceLine(conf, h.index, `${conf.lines[h.index]}${rng.pick([' # primary', '\t#x', ' #'])}`), h.index, `comment after header ${h.kind} ${h.name}`);
    },
  },
];

export function mutationNames(): string[] {
  return MUTATIONS.map((m) => m.name);
}

export function mutationByName(name: string): Mutation {
  const m = MUTATIONS.find((x) => x.name === name);
  if (m === undefined) throw new Error(`no mutation ${name}; known: ${mutationNames().join(', ')}`);
  return m;
}

/** Applies `name` to the text, or undefined when the file offers no place for it. */
export function mutate(text: string, name: string, rng: Rng, dialect: Family): Mutated | undefined {
  return mutationByName(name).apply(readLines(text), rng, dialect);
}
