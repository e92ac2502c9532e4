import type { SourceText } from '../text/sourceText';
import { MemoSlot } from '../workspace/memo';
import type { EffectiveConn, IpsecNode } from '../workspace/model';
import { generationOf, peersOf, takePairingChange, type PeerPair } from '../workspace/peers';
import type { CheckOptions } from './engine';
import type { Finding } from './finding';
import { WORKSPACE_RULES } from './registry';
import { readSuppressions, type Suppressions } from './suppression';
import type { WorkspaceModel, WorkspaceReport, WorkspaceRule } from './workspaceRule';

/** What the rules reported for one gateway or one pair, by rule code (only codes that reported), before severity and suppressions. */
type Reports = ReadonlyMap<string, readonly WorkspaceReport[]>;

/** Reports kept with a gateway or a conn, and the stamp they were made under; none yet after a change of stamp. */
interface Stamped<V> {
  stamp: string;
  value: V | undefined;
}

const NODE_REPORTS = new MemoSlot<Stamped<Reports>>('gateway reports');
const PAIR_REPORTS = new MemoSlot<Stamped<WeakMap<EffectiveConn, Reports>>>('pair reports');
const unstamped = <V>(stamp: string): Stamped<V> => ({ stamp, value: undefined });

/**
 * Remembers per-gateway and per-pair reports by object identity, kept with the gateway and the
 * conn they belong to: the workspace index keeps a gateway's objects while its files are
 * unchanged, so only what an edit touched is checked again. Results also depend on the clock and
 * the expiry setting, so a change of either starts afresh.
 */
class ScopedResults {
  private stamp = '';

  /** The pairs of the last pairing that reported something: most pairs report nothing. */
  private reporting: { readonly pairs: readonly PeerPair[]; readonly found: Map<PeerPair, Reports> } | undefined;

  begin(model: WorkspaceModel): void {
    const stamp = `${model.expiryWarningDays}|${Math.floor(model.now.getTime() / 60_000)}`;
    if (stamp === this.stamp) return;
    this.stamp = stamp;
    this.reporting = undefined;
  }

  /**
   * The reports of every pair that has any. After an edit that kept the pairing, only the
   * re-pointed pairs are looked at, so the cost follows the edit rather than the mesh.
   */
  pairsWithReports(pairs: readonly PeerPair[], check: (pair: PeerPair) => Reports): Iterable<Reports> {
    if (this.reporting?.pairs !== pairs) {
      const change = takePairingChange(pairs);
      const previous = this.reporting && generationOf(this.reporting.pairs);
      const found = change && previous !== undefined && previous === change.baseGeneration ? this.reporting?.found : undefined;
      if (found && change) {
        for (const pair of change.removed) found.delete(pair);
        for (const pair of change.added) {
          const reports = check(pair);
          if (reports.size > 0) found.set(pair, reports);
        }
        this.reporting = { pairs, found };
      } else {
        const fresh = new Map<PeerPair, Reports>();
        for (const pair of pairs) {
          const reports = check(pair);
          if (reports.size > 0) fresh.set(pair, reports);
        }
        this.reporting = { pairs, found: fresh };
      }
    }
    return this.reporting.found.values();
  }

  forNode(node: IpsecNode, compute: () => Reports): Reports {
    const held = this.current(node.memo.get(NODE_REPORTS, this.stamp, unstamped<Reports>));
    held.value ??= compute();
    return held.value;
  }

  forPair(a: EffectiveConn, b: EffectiveConn, compute: () => Reports): Reports {
    const held = this.current(a.memo.get(PAIR_REPORTS, this.stamp, unstamped<WeakMap<EffectiveConn, Reports>>));
    const byPartner = (held.value ??= new WeakMap());
    let reports = byPartner.get(b);
    if (!reports) {
      reports = compute();
      byPartner.set(b, reports);
    }
    return reports;
  }

  /** A kept result made under an earlier stamp is dropped before use. */
  private current<V>(held: Stamped<V>): Stamped<V> {
    if (held.stamp !== this.stamp) {
      held.stamp = this.stamp;
      held.value = undefined;
    }
    return held;
  }
}

const scoped = new ScopedResults();

/** Runs rules on one gateway or one pair; what each reported, by code. */
function runRules(rules: readonly WorkspaceRule[], run: (rule: WorkspaceRule, report: (r: WorkspaceReport) => void) => void): Reports {
  // Most gateways and pairs report nothing: nothing is made for them but the shared empty map.
  let reports: Map<string, WorkspaceReport[]> | undefined;
  let code = '';
  const report = (r: WorkspaceReport): void => {
    reports ??= new Map();
    const list = reports.get(code);
    if (list) list.push(r);
    else reports.set(code, [r]);
  };
  for (const rule of rules) {
    code = rule.code;
    run(rule, report);
  }
  return reports ?? NOTHING_REPORTED;
}

const NOTHING_REPORTED: Reports = new Map();

/** Every report of the rules over the model by rule code; scoped rules are served from memory. */
function collectReports(rules: readonly WorkspaceRule[], model: WorkspaceModel): Map<string, WorkspaceReport[]> {
  const byCode = new Map<string, WorkspaceReport[]>();
  const add = (code: string, reports: readonly WorkspaceReport[]): void => {
    const list = byCode.get(code);
    if (list) list.push(...reports);
    else byCode.set(code, [...reports]);
  };
  for (const rule of rules) rule.check?.(model, (r) => add(rule.code, [r]));
  const nodeRules = rules.filter((rule) => rule.checkNode);
  const pairRules = rules.filter((rule) => rule.checkPair);
  for (const node of model.nodes) {
    const found = scoped.forNode(node, () => runRules(nodeRules, (rule, report) => rule.checkNode?.(node, model, report)));
    for (const [code, reports] of found) add(code, reports);
  }
  if (pairRules.length > 0) {
    const check = (pair: PeerPair): Reports => scoped.forPair(pair.a.conn, pair.b.conn, () => runRules(pairRules, (rule, report) => rule.checkPair?.(pair, model, report)));
    for (const found of scoped.pairsWithReports(peersOf(model.nodes), check)) {
      for (const [code, reports] of found) add(code, reports);
    }
  }
  return byCode;
}

/** Runs the cross-file rules and groups what they find by document URI. */
export function checkWorkspace(model: WorkspaceModel, options: CheckOptions = {}): Map<string, Finding[]> {
  const byUri = new Map<string, Finding[]>();
  const suppressions = new Map<string, Suppressions>();
  const suppressionsOf = (uri: string, source: SourceText): Suppressions => {
    let found = suppressions.get(uri);
    if (!found) {
      found = readSuppressions(source);
      suppressions.set(uri, found);
    }
    return found;
  };
  scoped.begin(model);
  // The full set is cached whatever is switched off, so that a settings change costs nothing extra.
  const all = collectReports(WORKSPACE_RULES, model);
  for (const rule of WORKSPACE_RULES) {
    const configured = options.rules?.[rule.code];
    const severity = configured ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const seen = new Set<string>();
    for (const r of all.get(rule.code) ?? []) {
      const range = r.document.source.rangeOf(r.span);
      if (suppressionsOf(r.document.uri, r.document.source).isSuppressed(rule.code, range.start.line)) continue;
      const key = `${r.document.uri}:${r.span.start}:${r.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const related = r.related?.map((x) => ({ uri: x.document.uri, range: x.document.source.rangeOf(x.span), message: x.message }));
      const list = byUri.get(r.document.uri) ?? [];
      list.push({ code: rule.code, severity: configured !== undefined ? severity : (r.severity ?? severity), message: r.message, range, related, fixes: r.fixes, conn: r.conn });
      byUri.set(r.document.uri, list);
    }
  }
  return byUri;
}
