import { lookupKeyword, type ValueType } from '../../server/src/knowledge/ipsecConf';
import { libreswan5AddconnReads } from '../../server/src/knowledge/ipsecConf/libreswan5Addconn';
import type { LintMessage } from './lint';
import type { Oracle, OracleName, Verdict } from './oracles';

/**
 * Rule codes whose errors the parser oracles can confirm or refute. `addconn --checkconfig` and
 * `starter --conftest` read the file, the keywords, the values of typed keywords and the sections
 * (also=, duplicates); they do not load conns into pluto or charon. So algorithm strings, IDs,
 * host names, certificates, secrets and everything between two gateways are out of their sight:
 * `peer-*`, `cert-*`, `ca-missing`, `ikev1-authby`, `conn-psk-missing`, `private-key-missing`,
 * `include-*` (includes are removed from the samples) and `also-conflict` (pluto merges) are not
 * compared, nor `bad-value` on proposals, IDs or hosts, nor Libreswan's `duplicate-section`.
 */
const PARSER_LEVEL = new Set([
  'binary-content',
  'crlf-line-endings',
  'nonascii-whitespace',
  'bad-header',
  'missing-equals',
  'unterminated-quote',
  'unexpected-text',
  'column-zero-key',
  'indented-header',
  'duplicate-key',
  'duplicate-section',
  'unknown-keyword',
  'wrong-section',
  'bad-value',
  'also-undefined',
  'also-cycle',
]);

/**
 * Value types each parser reads itself. Libreswan 4's confread.c also parses subnets and protoports
 * (`bad subnet`, `bad leftprotoport`) but resolves hosts later; strongSwan's starter parses protoports
 * and marks, while subnets and hosts go to charon unread.
 */
const PARSED_VALUE_KINDS: Readonly<Record<OracleName, ReadonlySet<ValueType['kind']>>> = {
  libreswan: new Set(['yesno', 'enum', 'enumList', 'number', 'duration', 'percent', 'byteCount', 'subnet', 'subnetList', 'protoport']),
  strongswan: new Set(['yesno', 'enum', 'enumList', 'number', 'duration', 'percent', 'byteCount', 'protoport', 'mark']),
  // 5.0 reads words, numbers and durations, and drops the line when it cannot ("keyword ignored").
  'libreswan-5.0': new Set(['yesno', 'enum', 'enumList', 'number', 'duration', 'percent', 'byteCount']),
  // 5.2's addconn still reads them the way 5.0's does.
  'libreswan-5.2': new Set(['yesno', 'enum', 'enumList', 'number', 'duration', 'percent', 'byteCount']),
  // 5.4's addconn keeps conn values as text; pluto reads them when the conn is added.
  'libreswan-5.4': new Set(),
  // Openswan's parser (the ancestor of Libreswan 4's) reads the same kinds, and warns and drops a value it cannot read.
  'openswan-2.6': new Set(['yesno', 'enum', 'enumList', 'number', 'duration', 'percent', 'byteCount', 'subnet', 'subnetList', 'protoport']),
};

function keyOnLine(text: string, line: number): string | undefined {
  const l = text.split('\n')[line - 1];
  return l === undefined ? undefined : /^\s*([^=\s]+)\s*=/.exec(l)?.[1];
}

/** Whether the oracle can judge this finding. */
export function isParserLevel(message: LintMessage, text: string, oracle: Oracle): boolean {
  if (!PARSER_LEVEL.has(message.ruleId)) return false;
  // Libreswan 4's parser keeps both sections; pluto refuses the second ("attempt to redefine connection").
  if (message.ruleId === 'duplicate-section' && oracle.family === 'libreswan') return false;
  // Openswan's confread.c skips an also= target it cannot find without a word (and campaign samples lose their includes).
  if (message.ruleId === 'also-undefined' && oracle.name === 'openswan-2.6') return false;
  // Libreswan 5's addconn keeps the carriage return in values it leaves to pluto (all conn values in 5.4).
  if (message.ruleId === 'crlf-line-endings' && oracle.name !== 'libreswan' && oracle.family === 'libreswan') return false;
  if (message.ruleId !== 'bad-value') return true;
  const key = keyOnLine(text, message.line);
  if (key === undefined) return false;
  const found = lookupKeyword(key, oracle.knowledge.dialect, oracle.knowledge.version);
  // 5.0's addconn hands the keys it does not read (dpddelay=, for one) to pluto, which refuses the conn over a bad value.
  if (oracle.name === 'libreswan-5.0' && found.entry !== undefined && libreswan5AddconnReads('5.0', found.entry.name) !== true) return false;
  return found.type !== undefined && PARSED_VALUE_KINDS[oracle.name].has(found.type.kind);
}

export type Outcome = 'agree' | 'false-error' | 'missed';

export interface Classification {
  readonly outcome: Outcome;
  /** Parser-level errors the oracle contradicts (false errors). */
  readonly falseErrors: readonly LintMessage[];
}

/** A verdict that lets the daemon run the file's conns as written (at most a line is dropped). */
export function oracleLetsThrough(verdict: Verdict): boolean {
  return verdict === 'accepts' || verdict === 'skips';
}

export function classify(messages: readonly LintMessage[], text: string, verdict: Verdict, oracle: Oracle): Classification {
  const errors = messages.filter((m) => m.severity === 2);
  if (oracleLetsThrough(verdict)) {
    const falseErrors = errors.filter((m) => isParserLevel(m, text, oracle));
    return { outcome: falseErrors.length > 0 ? 'false-error' : 'agree', falseErrors };
  }
  return { outcome: errors.length === 0 ? 'missed' : 'agree', falseErrors: [] };
}
