import { findRule, RULE_INFO } from '../checks/registry';
import { ruleDocUrl } from '../checks/ruleDocs';
import { suppressionDirectiveAt } from '../checks/suppression';
import type { ParsedDocument } from '../model/document';
import type { Position } from '../text/sourceText';
import type { HoverResult } from './connHover';
import { rangeBack, type CompletionEntry } from './completion/entry';

const DIRECTIVES = ['ipsec-lint-disable-next-line', 'ipsec-lint-disable'] as const;
/** A comment whose first word is being typed. */
const TYPING_DIRECTIVE = /^[ \t]*#[ \t]*([\w-]*)$/;
/** A directive's list of codes, the last one being typed. */
const TYPING_CODE = /^[ \t]*#[ \t]*ipsec-lint-(?:disable-next-line|disable)[ \t][^#]*?([\w-]*)$/;

/**
 * Completion inside a suppression comment: the directive itself after `# ipsec-lint-`, then the
 * codes of the rules that read this kind of file (not those already listed). Undefined when the
 * cursor is not in such a comment, so the other completions take over.
 */
export function suppressionCompletions(document: ParsedDocument, position: Position): CompletionEntry[] | undefined {
  if (position.line >= document.source.lineCount) return undefined;
  const before = document.source.lineText(position.line).slice(0, position.character);
  const code = TYPING_CODE.exec(before);
  if (code) {
    const listed = new Set(before.slice(before.indexOf('ipsec-lint-')).split(/[\s,]+/));
    const range = rangeBack(position, code[1].length);
    return RULE_INFO.filter((rule) => (rule.fileKinds as readonly string[]).includes(document.kind) && !listed.has(rule.code)).map((rule) => ({
      label: rule.code,
      kind: 'value',
      detail: rule.title,
      documentation: ruleMarkdown(rule.code),
      insertText: rule.code,
      range,
    }));
  }
  const directive = TYPING_DIRECTIVE.exec(before);
  if (!directive || !'ipsec-lint-'.startsWith(directive[1].slice(0, 'ipsec-lint-'.length)) || directive[1].length < 2) return undefined;
  const range = rangeBack(position, directive[1].length);
  return DIRECTIVES.map((name) => ({
    label: name,
    kind: 'keyword',
    detail: name === 'ipsec-lint-disable' ? 'silence rules in the whole file' : 'silence rules on the next line',
    insertText: `${name} `,
    range,
    suggestNext: true,
  }));
}

/** Hover on a code in a suppression comment: what the rule finds. */
export function suppressionHover(document: ParsedDocument, offset: number): HoverResult | undefined {
  const directive = suppressionDirectiveAt(document.source, document.source.positionAt(offset).line);
  const code = directive?.codes.find((c) => c.span.start <= offset && offset <= c.span.end);
  if (!code || !findRule(code.text)) return undefined;
  return { markdown: ruleMarkdown(code.text), range: document.source.rangeOf(code.span) };
}

function ruleMarkdown(code: string): string {
  const rule = findRule(code);
  if (!rule) return '';
  return `**${rule.code}**: ${rule.title} (default: ${rule.defaultSeverity})\n\n${rule.description}\n\n[All about ${rule.code}](${ruleDocUrl(rule.code)})`;
}
