import type { ParsedDocument } from '../model/document';
import type { Span } from '../text/sourceText';

/** Token types and modifiers, in the order the legend announces them. */
export const SEMANTIC_TOKEN_TYPES = ['keyword', 'namespace', 'class', 'property', 'string', 'macro'] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'defaultLibrary'] as const;

type TokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
type TokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

interface Token {
  readonly span: Span;
  readonly type: TokenType;
  readonly modifiers: readonly TokenModifier[];
}

/**
 * Semantic tokens for ipsec.conf: section keywords, conn and CA names where they are declared
 * and where `also=` refers to them, keys, and `%` special values. Encoded as LSP's relative
 * five-integer groups.
 */
export function semanticTokensIpsecConf(document: ParsedDocument<'ipsec'>): number[] {
  const tokens: Token[] = [];
  for (const section of document.ast.sections) {
    if (section.kind === 'none') continue;
    tokens.push({ span: section.keyword.span, type: 'keyword', modifiers: [] });
    if (section.name) {
      const builtin = section.name.text.startsWith('%');
      tokens.push({ span: section.name.span, type: section.kind === 'config' ? 'keyword' : 'class', modifiers: builtin ? ['declaration', 'defaultLibrary'] : ['declaration'] });
    }
    for (const setting of section.settings) {
      tokens.push({ span: setting.key.span, type: 'property', modifiers: [] });
      if (!setting.value) continue;
      if (setting.key.text === 'also') tokens.push({ span: setting.value.span, type: 'class', modifiers: [] });
      else if (setting.value.text.startsWith('%')) tokens.push({ span: setting.value.span, type: 'macro', modifiers: ['defaultLibrary'] });
    }
  }
  for (const include of document.ast.includes) {
    tokens.push({ span: include.keyword.span, type: 'keyword', modifiers: [] });
    if (include.path) tokens.push({ span: include.path.span, type: 'string', modifiers: [] });
  }
  return encode(document, tokens.sort((a, b) => a.span.start - b.span.start));
}

function encode(document: ParsedDocument, tokens: readonly Token[]): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  for (const token of tokens) {
    const start = document.source.positionAt(token.span.start);
    const end = document.source.positionAt(token.span.end);
    if (end.line !== start.line || token.span.end <= token.span.start) continue;
    const deltaLine = start.line - previousLine;
    const deltaCharacter = deltaLine === 0 ? start.character - previousCharacter : start.character;
    const modifiers = token.modifiers.reduce((bits, m) => bits | (1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(deltaLine, deltaCharacter, end.character - start.character, SEMANTIC_TOKEN_TYPES.indexOf(token.type), modifiers);
    previousLine = start.line;
    previousCharacter = start.character;
  }
  return data;
}
