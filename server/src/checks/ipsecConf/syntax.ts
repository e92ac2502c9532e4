import { lookupKeyword, type SectionKind } from '../../knowledge/ipsecConf';
import type { ParsedDocument } from '../../model/document';
import type { Setting } from '../../parsing/ipsecConf/ast';
import { IPSEC_CONF_SYNTAX } from '../../parsing/ipsecConf/parser';
import type { Span } from '../../text/sourceText';
import { joinNames } from '../../text/joinNames';
import { defineRule, syntaxRule, type Report } from '../rule';
import { strongswanMoreWords } from '../../parsing/ipsecConf/strongswanWords';
import { everyTarget, scannerReadsComment, strongswanReadsOneWord, valueBeforeHash } from './dialectParsers';
import { dialectTargets, type DialectTarget } from './dialectView';
import { hashWordReports } from './hashWord';
import { refusesQuoted } from './quotedValue';

/**
 * What Libreswan's scanner makes of the text after the later `=`: the value is the longest of its
 * value patterns (a quoted string, a brace list, a word without quotes, a word without braces), and a
 * word after it, unless it begins a comment longer than the word, is read as the next keyword.
 */
function readAfterLaterEquals(rest: string): { value: string; more?: string } | undefined {
  const at = rest.indexOf('=');
  if (at < 0) return undefined;
  const text = rest.slice(at + 1).replace(/^[ \t]+/, '');
  const length = Math.max(...[/^"[^"\n]*"/, /^\{[^"\n]*\}/, /^[^" \t\n]+/, /^[^{} \t\n]+/].map((pattern) => pattern.exec(text)?.[0].length ?? 0));
  const after = text.slice(length).trimStart();
  return { value: text.slice(0, length), more: after.length > 0 && !scannerReadsComment(after) ? after.split(/[ \t]/)[0] : undefined };
}

export const missingEquals = defineRule({
  code: IPSEC_CONF_SYNTAX.missingEquals,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A setting has no `=`',
  description:
    'Every indented line in a section must read `key=value`. Add the `=` or remove the line. When an `=` comes later on the line, Libreswan (4 and 5) skips the text before it and reads the key with what follows (`ike aes;x=y` becomes `ike=y`): a warning with that dialect, unless more words follow that value, which it then reads as keywords and refuses the file.',
  check(document, report, context) {
    const problems = document.ast.problems.filter((p) => p.code === IPSEC_CONF_SYNTAX.missingEquals);
    if (problems.length === 0) return;
    // Libreswan's lexer (4 and 5) has no rule for other characters after a keyword: flex drops them up to the "=".
    const targets = dialectTargets(document, context);
    const libreswan = everyTarget(targets, (t) => t.dialect === 'libreswan');
    for (const problem of problems) {
      const line = document.source.line(document.source.positionAt(problem.span.start).line);
      const rest = document.source.text.slice(problem.span.end, line.end);
      const key = document.source.slice(problem.span).trim();
      // Only a keyword the scanner knows starts that state; any other word is a syntax error ("also:").
      const known = targets.every((t) => lookupKeyword(key, t.dialect, t.version).entry !== undefined);
      const read = libreswan && known ? readAfterLaterEquals(rest) : undefined;
      if (read?.more) report({ span: problem.span, message: `${problem.message}; Libreswan skips the text up to the later "=", reads "${read.value}" as the value and "${read.more}" as another keyword, and does not load the file` });
      else if (read) report({ span: problem.span, message: `${problem.message}; Libreswan skips the text up to the later "=" and reads the value after it ("${read.value}")`, severity: 'warning' });
      else report({ span: problem.span, message: problem.message });
    }
  },
});

export const unterminatedQuote = defineRule({
  code: IPSEC_CONF_SYNTAX.unterminatedQuote,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A quoted value or brace list is not closed',
  description:
    'A value that opens `"` or `{` must close it on the same line. strongSwan refuses the file. Openswan and Libreswan keep the quote as part of the value, up to the next blank: a word after that blank is read as a keyword and the file does not load; an `also=` names no conn; Libreswan 4 refuses words, subnets and most addresses with a quote in them, and Openswan numbers, durations, subnets, protocol/port pairs and next hops. Elsewhere it is a warning with that dialect, since the value is still not what was meant. Close the quote.',
  check(document, report, context) {
    const problems = document.ast.problems.filter((p) => p.code === IPSEC_CONF_SYNTAX.unterminatedQuote);
    if (problems.length === 0) return;
    const targets = dialectTargets(document, context);
    const settingOnLine = new Map<number, { setting: Setting; section: SectionKind | undefined }>();
    for (const section of document.ast.sections) {
      for (const setting of section.settings) if (setting.equals) settingOnLine.set(setting.line, { setting, section: section.kind === 'none' ? undefined : section.kind });
    }
    for (const problem of problems) {
      const found = settingOnLine.get(document.source.positionAt(problem.span.start).line);
      const raw = found?.setting.value ? document.source.slice(found.setting.value.span) : '';
      if (everyTarget(targets, (t) => refusesQuoted(found?.setting, found?.section, t, raw))) report({ span: problem.span, message: problem.message });
      else report({ span: problem.span, message: `${problem.message}; Libreswan reads the quote as part of the value`, severity: 'warning' });
    }
  },
});

export const badHeader = syntaxRule({
  code: IPSEC_CONF_SYNTAX.badHeader,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'A line in column 0 is not a valid header',
  description:
    'Column 0 is reserved for `config setup`, `conn NAME`, `ca NAME`, `include PATH` and `version 2.0`. Anything else there, a section without a name, or a damaged header (often from copying a config out of a web page) stops the daemon.',
});

export const unexpectedText = defineRule({
  code: IPSEC_CONF_SYNTAX.unexpectedText,
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: 'Extra text after a statement',
  description:
    'Each line holds one header or one `key=value`. Put further settings on their own lines, and quote values that contain spaces. strongSwan alone reads further words (no `=`) as more of the value, joined with one space (`charondebug=dmn 2,mgr 2`): no error when the gateway runs strongSwan, a warning when its daemon is not known; but where strongSwan reads one word or number (`auto=add x`), or a value no blank can stand in (a protocol/port selector, a mark, a DSCP), the joined value is one it cannot read, and it skips the conn (or, in `config setup`, the file); an `also=` of several words names no section, and the file does not load. A comment after a statement needs a blank after `#`: Openswan and Libreswan read `left=192.0.2.1 #primary` or a lone trailing `#` as another keyword and do not load the file (strongSwan takes it as a comment); the fix inserts the blank.',
  check(document, report, context) {
    const targets = dialectTargets(document, context);
    for (const found of hashWordReports(document, targets)) report(found);
    const problems = document.ast.problems.filter((p) => p.code === IPSEC_CONF_SYNTAX.unexpectedText);
    if (problems.length === 0) return;
    // `value#comment`: where the daemon's lexer ends the value at `#`, the rest of the line is a comment.
    const commentLines = new Set(
      document.ast.sections
        .flatMap((section) => section.settings)
        .filter((setting) => setting.equals && targets.every((t) => valueBeforeHash(setting, t) !== undefined))
        .map((setting) => setting.line),
    );
    const settingsByLine = new Map(document.ast.sections.flatMap((section) => section.settings.map((setting) => [setting.line, { setting, section: section.kind }] as const)));
    for (const problem of problems) {
      const line = document.source.positionAt(problem.span.start).line;
      if (commentLines.has(line)) continue;
      const { setting, section } = settingsByLine.get(line) ?? {};
      const rest = document.source.text.slice(problem.span.start, document.source.line(line).end);
      const joined = setting?.equals !== undefined ? strongswanJoins(problem, setting, section, rest, targets) : undefined;
      if (joined === 'accepted') continue;
      if (joined) {
        report(joined);
        continue;
      }
      const swallowed = setting && targets.every((t) => t.dialect !== 'strongswan') ? braceListRunsOn(document, setting, problem.span.start) : undefined;
      if (swallowed) report({ span: problem.span, message: `${setting?.key.text} takes everything up to the last "}" on the line as its value (${swallowed}), so this text is not read as a statement: put it on a line of its own`, severity: 'warning' });
      else report({ span: problem.span, message: problem.message });
    }
  },
});

/**
 * Openswan's and Libreswan's brace-list pattern (`{` anything but a quote `}`) is greedy: a later
 * `}` on the line ends the value there, and what stood between is part of it. The value as read.
 */
function braceListRunsOn(document: ParsedDocument<'ipsec'>, setting: Setting, from: number): string | undefined {
  const value = setting.value;
  if (value === undefined || value.quoted || !value.text.startsWith('{')) return undefined;
  const line = document.source.line(setting.line);
  const read = /^\{[^"\n]*\}/.exec(document.source.text.slice(value.span.start, line.end))?.[0];
  return read !== undefined && value.span.start + read.length > from ? truncate(read) : undefined;
}

/**
 * What becomes of more words after a value where strongSwan may run the gateway: it joins them into
 * the value, which is fine (`accepted`, or a warning while other targets refuse the line) unless it
 * reads the key as one word, number or section name; undefined leaves the plain syntax error.
 */
function strongswanJoins(problem: { span: Span; message: string }, setting: Setting, section: string | undefined, rest: string, targets: readonly DialectTarget[]): Report | 'accepted' | undefined {
  const more = strongswanMoreWords(rest);
  const joiners = more === undefined ? [] : targets.filter((t) => t.dialect === 'strongswan');
  if (more === undefined || joiners.length === 0) return undefined;
  const accepting = joiners.filter((t) => !strongswanReadsOneWord(setting, t));
  if (accepting.length === targets.length) return 'accepted';
  if (accepting.length > 0) {
    const refusing = joinNames(targets.filter((t) => !accepting.includes(t)).map((t) => t.label));
    return { span: problem.span, message: `${problem.message} (strongSwan joins the words into one value; ${refusing} do not load the file)`, severity: 'warning' };
  }
  if (joiners.length < targets.length) return undefined;
  const joined = truncate([setting.value?.text ?? '', ...more].join(' '));
  // A section name is one word, so an also= of several names nothing: "section '…' not found", the file does not load.
  const what =
    setting.key.text === 'also'
      ? `one section name ("${joined}"), which no section has, and does not load the file`
      : `one value ("${joined}"), which is not a value it reads here, and ${section === 'config' ? 'does not load the file' : 'skips the conn'}`;
  return { span: problem.span, message: `${setting.key.text}: strongSwan joins the words after "=" into ${what}: remove the extra words` };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
