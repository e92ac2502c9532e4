import type { ParsedDocument } from '../model/document';
import type { Setting } from '../parsing/ipsecConf/ast';
import { strongswanMoreWords } from '../parsing/ipsecConf/strongswanWords';
import { closestName } from '../text/editDistance';
import { Memo } from './memo';
import type { ConnDefinition, EffectiveConn, EffectiveValue, ModelProblem } from './model';

/**
 * Applies `%default` and `also=` to every conn, as the daemons do: a conn's own lines win over
 * what `also=` brings in (earlier `also=` first), and both win over `%default`.
 */
export function buildEffectiveConns(
  conns: ReadonlyMap<string, ConnDefinition>,
  documents: readonly ParsedDocument<'ipsec'>[],
  problems: ModelProblem[],
  /** strongSwan's starter reads the gateway: a bare name ends at `#`, and the words after a value's first join it. */
  strongswan = false,
): Map<string, EffectiveConn> {
  const defaults = collectDefaults(documents, strongswan);
  // Each definition's also= targets, read once for the checks and the merge below.
  const targets = new Map<ConnDefinition, readonly AlsoTarget[]>();
  for (const definition of conns.values()) targets.set(definition, alsoTargets(definition, strongswan));
  const targetsOf: TargetsOf = (definition) => targets.get(definition) ?? alsoTargets(definition, strongswan);
  reportAlsoProblems(conns, problems, targetsOf);
  const effective = new Map<string, EffectiveConn>();
  for (const definition of conns.values()) {
    const values = new Map<string, EffectiveValue>();
    addOwnAndAlso(definition, conns, values, new Set(), targetsOf, strongswan);
    defaults.forEach((value, key) => {
      if (!values.has(key)) values.set(key, value);
    });
    effective.set(definition.name, { name: definition.name, definition, values, memo: new Memo() });
  }
  return effective;
}

/** What the `conn %default` sections of a gateway's files set, the later line winning. */
export function collectDefaults(documents: readonly ParsedDocument<'ipsec'>[], strongswan = false): Map<string, EffectiveValue> {
  const defaults = new Map<string, EffectiveValue>();
  for (const document of documents) {
    for (const section of document.ast.sections) {
      if (section.kind !== 'conn' || section.name?.text !== '%default') continue;
      for (const setting of section.settings) {
        if (setting.equals && setting.key.text !== 'also') defaults.set(setting.key.text, valueOf(setting, document, 'default', strongswan));
      }
    }
  }
  return defaults;
}

function addOwnAndAlso(
  definition: ConnDefinition,
  conns: ReadonlyMap<string, ConnDefinition>,
  values: Map<string, EffectiveValue>,
  visiting: Set<string>,
  targetsOf: TargetsOf,
  strongswan: boolean,
): void {
  visiting.add(definition.name);
  const via = visiting.size === 1 ? 'self' : 'also';
  // A key set twice in one conn: strongSwan's starter keeps the later line, Libreswan 5 the first
  // (Libreswan 4 and Openswan refuse most such conns, which duplicate-key reports).
  const settings = definition.section.settings;
  for (let i = 0; i < settings.length; i++) {
    const setting = settings[strongswan ? settings.length - 1 - i : i];
    if (!setting.equals || setting.key.text === 'also') continue;
    if (!values.has(setting.key.text)) values.set(setting.key.text, valueOf(setting, definition.document, via, strongswan));
  }
  for (const target of targetsOf(definition)) {
    const next = conns.get(target.name);
    if (next && !visiting.has(next.name)) addOwnAndAlso(next, conns, values, visiting, targetsOf, strongswan);
  }
}

type TargetsOf = (definition: ConnDefinition) => readonly AlsoTarget[];

function reportAlsoProblems(conns: ReadonlyMap<string, ConnDefinition>, problems: ModelProblem[], targetsOf: TargetsOf): void {
  let names: string[] | undefined;
  for (const definition of conns.values()) {
    const targets = targetsOf(definition);
    // Most conns have no also=: nothing to check, and no cycle can start at them.
    if (targets.length === 0) continue;
    for (const target of targets) {
      if (!conns.has(target.name)) {
        // A lost line break glues the next header's "conn" onto the value: also=roadwarriorconn.
        const unglued = target.name.endsWith('conn') ? target.name.slice(0, -4) : undefined;
        const suggestion = unglued && conns.has(unglued) ? unglued : closestName(target.name, (names ??= [...conns.keys()]));
        const span = target.setting.value?.span ?? target.setting.span;
        problems.push({
          code: 'also-undefined',
          document: definition.document,
          span,
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, preferred: true, edits: [{ range: definition.document.source.rangeOf(span), newText: suggestion }] }] : undefined,
          message: `also=${target.name} names no conn in this node${suggestion ? `: did you mean "${suggestion}"?` : ': define it or fix the name'}`,
        });
      }
    }
    const chain = findCycle(definition, conns, targetsOf);
    if (chain) {
      const first = targets.find((t) => t.name === chain[1]);
      if (first) {
        problems.push({
          code: 'also-cycle',
          document: definition.document,
          span: first.setting.value?.span ?? first.setting.span,
          message: `also= forms a cycle: ${chain.join(' → ')}; remove one of these also= lines`,
        });
      }
    }
  }
}

/** A cycle that starts and ends at this conn, as a list of names, if there is one. */
function findCycle(start: ConnDefinition, conns: ReadonlyMap<string, ConnDefinition>, targetsOf: TargetsOf): string[] | undefined {
  const stack: Array<{ name: string; targets: string[]; next: number }> = [{ name: start.name, targets: targetsOf(start).map((t) => t.name), next: 0 }];
  const seen = new Set<string>([start.name]);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.targets.length) {
      stack.pop();
      continue;
    }
    const target = frame.targets[frame.next++];
    if (target === start.name) return [...stack.map((f) => f.name), start.name];
    const next = conns.get(target);
    if (!next || seen.has(target)) continue;
    seen.add(target);
    stack.push({ name: target, targets: targetsOf(next).map((t) => t.name), next: 0 });
  }
  return undefined;
}

export interface AlsoTarget {
  readonly name: string;
  readonly setting: Setting;
}

/** The conns a definition names in `also=`; strongSwan's lexer (`wordsEndAtHash`) ends a bare name at `#`. */
export function alsoTargets(definition: ConnDefinition, wordsEndAtHash = false): AlsoTarget[] {
  return definition.section.settings
    .filter((s) => s.key.text === 'also' && s.value && s.value.text.length > 0)
    .map((setting) => {
      const text = (setting.value?.text ?? '').trim();
      return { name: wordsEndAtHash && !setting.value?.quoted && text.indexOf('#') > 0 ? text.slice(0, text.indexOf('#')) : text, setting };
    });
}

function valueOf(setting: Setting, document: ParsedDocument<'ipsec'>, via: EffectiveValue['via'], strongswan: boolean): EffectiveValue {
  return { value: strongswan ? strongswanValueText(setting, document) : (setting.value?.text ?? ''), setting, document, via };
}

/** The value with the words after it on its line, as strongSwan's starter joins them (`leftsubnet=10.1.0.0/16, 10.2.0.0/16`). */
function strongswanValueText(setting: Setting, document: ParsedDocument<'ipsec'>): string {
  const value = setting.value;
  if (!value) return '';
  const lineEnd = document.source.line(setting.line).end;
  if (value.span.end >= lineEnd) return value.text;
  const more = strongswanMoreWords(document.source.text.slice(value.span.end, lineEnd));
  return more && more.length > 0 ? [value.text, ...more].join(' ') : value.text;
}
