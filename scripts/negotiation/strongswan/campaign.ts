import path from 'node:path';
import { RULE_REASONS } from '../compare';
import type { Pki } from '../pki';
import { predict, type Prediction } from '../predict';
import { negotiateScenario, type ScenarioOutcome } from './negotiateScenario';
import { CONN_NAME, type Scenario } from './scenarios';
import { writeScenario } from './writeScenario';

export type Agreement = 'agree-up' | 'agree-fails' | 'agree-fails-other-reason' | 'agree-at-risk' | 'missed' | 'false-alarm';

export interface ScenarioResult {
  readonly scenario: Scenario;
  readonly prediction: Prediction;
  readonly daemon: ScenarioOutcome;
  readonly agreement: Agreement;
  /** Our error rules that name the daemons' reason. */
  readonly matchedRules: readonly string[];
}

/** Writes, predicts and negotiates each scenario in turn. */
export async function runScenarios(scenarios: readonly Scenario[], workDir: string, pki: Pki, strongswanLib: string, onResult: (r: ScenarioResult) => void = () => undefined): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const pairDir = path.join(workDir, scenario.name);
    writeScenario(pairDir, scenario, CONN_NAME, pki);
    const prediction = predict(pairDir);
    const daemon = await negotiateScenario(pairDir, scenario, pki, strongswanLib);
    const result = judge(scenario, prediction, daemon);
    onResult(result);
    results.push(result);
  }
  return results;
}

function judge(scenario: Scenario, prediction: Prediction, daemon: ScenarioOutcome): ScenarioResult {
  const matchedRules = prediction.errorCodes.filter((code) => RULE_REASONS[code]?.includes(daemon.reason));
  let agreement: Agreement;
  if (daemon.verdict === 'up') agreement = prediction.verdict === 'up' ? 'agree-up' : 'false-alarm';
  else if (prediction.verdict === 'up') agreement = warnsOfIt(scenario, prediction, daemon) ? 'agree-at-risk' : 'missed';
  else agreement = matchedRules.length > 0 ? 'agree-fails' : 'agree-fails-other-reason';
  return { scenario, prediction, daemon, agreement, matchedRules };
}

/** The scenario's failure depends on who starts the tunnel, and the rule that says so warned, naming the daemons' reason. */
function warnsOfIt(scenario: Scenario, prediction: Prediction, daemon: ScenarioOutcome): boolean {
  const rule = scenario.atRiskRule;
  return rule !== undefined && prediction.warningCodes.includes(rule) && (RULE_REASONS[rule]?.includes(daemon.reason) ?? false);
}

export function resultLine(r: ScenarioResult): string {
  const predicted = r.prediction.verdict === 'up' ? `up${r.prediction.warningCodes.length > 0 ? ` (warnings: ${r.prediction.warningCodes.join(', ')})` : ''}` : `fails: ${r.prediction.errorCodes.join(', ')}`;
  return `${r.agreement.padEnd(24)} ${r.scenario.name.padEnd(26)} daemons: ${r.daemon.verdict === 'up' ? 'up' : `fails (${r.daemon.reason})`}; ipsec-lint: ${predicted}`;
}
