/** A light, line-based view of an ipsec.conf, enough to place mutations. */
export interface SettingLine {
  readonly index: number;
  readonly indent: string;
  readonly key: string;
  readonly value: string;
  /** The kind of section the line is in. */
  readonly section: 'config' | 'conn' | 'ca';
  /** The header line index of its section. */
  readonly header: number;
}

export interface HeaderLine {
  readonly index: number;
  readonly kind: 'config' | 'conn' | 'ca';
  readonly name: string;
}

export interface ConfLines {
  readonly lines: readonly string[];
  readonly headers: readonly HeaderLine[];
  readonly settings: readonly SettingLine[];
}

const HEADER = /^(conn|config|ca)[ \t]+(\S+)/;
const SETTING = /^([ \t]+)([A-Za-z0-9_.-]+)[ \t]*=[ \t]*(.*)$/;

export function readLines(text: string): ConfLines {
  const lines = text.split('\n');
  const headers: HeaderLine[] = [];
  const settings: SettingLine[] = [];
  let current: HeaderLine | undefined;
  lines.forEach((line, index) => {
    const h = HEADER.exec(line);
    if (h !== null) {
      current = { index, kind: h[1] as HeaderLine['kind'], name: h[2] };
      headers.push(current);
      return;
    }
    if (/^\S/.test(line) && !line.startsWith('#')) current = undefined;
    const s = SETTING.exec(line);
    if (s === null || current === undefined) return;
    settings.push({ index, indent: s[1], key: s[2], value: s[3], section: current.kind, header: current.index });
  });
  return { lines, headers, settings };
}

/** The text with line `index` replaced by `replacement` (several lines, or none). */
export function replaceLine(conf: ConfLines, index: number, ...replacement: string[]): string {
  return [...conf.lines.slice(0, index), ...replacement, ...conf.lines.slice(index + 1)].join('\n');
}

/** The text with `added` inserted after line `index`. */
export function insertAfter(conf: ConfLines, index: number, ...added: string[]): string {
  return [...conf.lines.slice(0, index + 1), ...added, ...conf.lines.slice(index + 1)].join('\n');
}

/** The last line of the section whose header is at `header`, skipping trailing blank lines. */
export function sectionEnd(conf: ConfLines, header: number): number {
  let last = header;
  for (const s of conf.settings) if (s.header === header) last = Math.max(last, s.index);
  return last;
}
