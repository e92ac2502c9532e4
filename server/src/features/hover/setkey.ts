import {
  ADDRESS_OPTIONS,
  ALGORITHM_FLAGS,
  findAlgorithm,
  findUpperLayerProtocol,
  PADDING_OPTIONS,
  POLICY_ACTIONS,
  POLICY_DIRECTIONS,
  POLICY_FLAG,
  PRIORITY_KEYWORDS,
  RAW_CPI_FLAG,
  REQUEST_LEVELS,
  REQUEST_MODES,
  REQUEST_PROTOCOLS,
  SA_EXTENSIONS,
  SA_MODES,
  SA_PROTOCOLS,
  SECURITY_CONTEXT_FLAG,
  SETKEY_COMMANDS,
  TAGGED_KEYWORD,
  isSaProtocol,
  type AlgorithmFlag,
  type Documented,
} from '../../knowledge/setkey';
import type { ParsedDocument } from '../../model/document';
import type { AlgorithmSpec, IpsecRequest, SetkeyStatement, TextPart } from '../../parsing/setkey/ast';
import { keyBits } from '../../parsing/setkey/values';
import type { Span } from '../../text/sourceText';
import type { HoverResult } from '../connHover';
import { describeAlgorithm, describeCommand, describeKeySize, describeWord } from '../describe/setkey';

/** Markdown for the word under the cursor and the span it covers. */
interface Found {
  readonly markdown: string;
  readonly span: Span;
}

/**
 * Hover in a `setkey -f` file on commands, options, protocols, SA extensions and modes,
 * algorithms, policy words and the parts of each request. On a key it tells its length
 * against what the algorithm takes, and never shows the key.
 */
export function setkeyHover(document: ParsedDocument<'setkey'>, offset: number): HoverResult | undefined {
  const statement = document.ast.statements.find((s) => s.span.start <= offset && offset <= s.span.end);
  const found = statement && describeAt(statement, offset);
  return found ? { markdown: found.markdown, range: document.source.rangeOf(found.span) } : undefined;
}

function at(part: TextPart, offset: number): boolean {
  return part.span.start <= offset && offset <= part.span.end;
}

function documented(list: readonly Documented[], name: string, role: string, part: TextPart): Found | undefined {
  const entry = list.find((item) => item.name === name);
  return entry && { markdown: describeWord(entry, role), span: part.span };
}

function describeAt(statement: SetkeyStatement, offset: number): Found | undefined {
  if (at(statement.command, offset)) {
    return statement.name && { markdown: describeCommand(SETKEY_COMMANDS[statement.name]), span: statement.command.span };
  }
  const option = statement.addressOptions.find((token) => at(token, offset));
  if (option) {
    const letters = [...option.text.slice(1)].flatMap((letter) => ADDRESS_OPTIONS.filter((o) => o.name === `-${letter}`));
    return { markdown: letters.map((o) => describeWord(o, 'address option')).join('\n\n'), span: option.span };
  }
  const protocol = statement.protocol ?? statement.sa?.protocol;
  if (protocol && at(protocol, offset) && isSaProtocol(protocol.text)) return { markdown: describeWord(SA_PROTOCOLS[protocol.text], 'SA protocol'), span: protocol.span };
  return (statement.sa && describeSaPart(statement.sa.extensions, statement.sa.algorithms, offset)) ?? describePolicyPart(statement, offset);
}

function describeSaPart(extensions: NonNullable<SetkeyStatement['sa']>['extensions'], algorithms: readonly AlgorithmSpec[], offset: number): Found | undefined {
  for (const extension of extensions) {
    if (at(extension.flag, offset)) return documented(SA_EXTENSIONS, extension.flag.text, 'SA extension', extension.flag);
    if (extension.value && at(extension.value, offset)) {
      if (extension.flag.text === '-m') return documented(SA_MODES, extension.value.text, 'SA mode', extension.value);
      if (extension.flag.text === '-f') return documented(PADDING_OPTIONS, extension.value.text, 'padding', extension.value);
    }
  }
  for (const spec of algorithms) {
    const flag = spec.flag.text as AlgorithmFlag;
    if (at(spec.flag, offset)) return { markdown: describeWord(ALGORITHM_FLAGS[flag], 'algorithm flag'), span: spec.flag.span };
    const algorithm = spec.name && findAlgorithm(flag, spec.name.text);
    if (spec.name && at(spec.name, offset)) return algorithm ? { markdown: describeAlgorithm(flag, algorithm), span: spec.name.span } : undefined;
    if (spec.rawCpi && at(spec.rawCpi, offset)) return { markdown: describeWord(RAW_CPI_FLAG, 'IPComp option'), span: spec.rawCpi.span };
    if (spec.key && at(spec.key, offset)) {
      const bits = keyBits(spec.key);
      const written = bits === undefined ? 'This key could not be measured.' : `This key is ${bits} bits long.`;
      const expected = algorithm ? ` \`${algorithm.name}\` takes ${describeKeySize(algorithm.key)}.` : '';
      return { markdown: `**key**${spec.name ? ` for \`${spec.name.text}\`` : ''}\n\n${written}${expected} The key itself is not shown.`, span: spec.key.span };
    }
  }
  return undefined;
}

function describePolicyPart(statement: SetkeyStatement, offset: number): Found | undefined {
  const policy = statement.policy;
  if (!policy) return undefined;
  const tagged = statement.args.find((token) => token.text === 'tagged' && token.kind === 'word');
  if (policy.tag && tagged && at(tagged, offset)) return { markdown: describeWord(TAGGED_KEYWORD, 'selector'), span: tagged.span };
  if (policy.upperLayer && at(policy.upperLayer, offset)) {
    const known = findUpperLayerProtocol(policy.upperLayer.text);
    const markdown = known ? describeWord(known, `upper-layer protocol ${known.number}`) : `**${policy.upperLayer.text}** (upper-layer protocol)\n\nLooked up by setkey in /etc/protocols, or a protocol number.`;
    return { markdown, span: policy.upperLayer.span };
  }
  if (policy.context && at(policy.context.flag, offset)) return { markdown: describeWord(SECURITY_CONTEXT_FLAG, 'security label'), span: policy.context.flag.span };
  if (policy.flag && at(policy.flag, offset)) return { markdown: describeWord(POLICY_FLAG, 'policy'), span: policy.flag.span };
  if (policy.direction && at(policy.direction, offset)) return documented(POLICY_DIRECTIONS, policy.direction.text, 'direction', policy.direction);
  if (policy.priority && at(policy.priority.keyword, offset)) return documented(PRIORITY_KEYWORDS, policy.priority.keyword.text, 'priority', policy.priority.keyword);
  if (policy.action && at(policy.action, offset)) return documented(POLICY_ACTIONS, policy.action.text, 'action', policy.action);
  const request = policy.requests.find((r) => at(r, offset));
  return request && describeRequestPart(request, offset);
}

function describeRequestPart(request: IpsecRequest, offset: number): Found | undefined {
  if (at(request.protocolPart, offset)) return documented(REQUEST_PROTOCOLS, request.protocol, 'request protocol', request.protocolPart);
  if (request.modePart && at(request.modePart, offset)) return documented(REQUEST_MODES, request.mode, 'request mode', request.modePart);
  if (request.levelPart && at(request.levelPart, offset)) {
    const [level, id] = request.level.split(':');
    const found = documented(REQUEST_LEVELS, level, 'request level', request.levelPart);
    return found && id !== undefined ? { ...found, markdown: `${found.markdown}\n\nBound to the SA added with \`-u ${id}\`.` } : found;
  }
  if (request.endpointsPart && at(request.endpointsPart, offset) && request.endpoints !== '') {
    return { markdown: '**tunnel endpoints** (request)\n\nThe outer addresses of the tunnel, `source-destination`: this gateway and its peer.', span: request.endpointsPart.span };
  }
  return undefined;
}
