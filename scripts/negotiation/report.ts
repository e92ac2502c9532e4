import type { CaseResult } from './campaign';
import { OUTCOMES, RULE_REASONS } from './compare';
import { diagnose } from './diagnose';
import { LIBRESWAN5_CATALOGUE, mutationNamed } from './mutations';
import { percent, ratio, type Summary } from './summary';

export interface RunMeta {
  readonly seed: number;
  readonly pairs: number;
  readonly libreswan: string;
  readonly totalMs: number;
  readonly pkiMs: number;
  readonly workDir: string;
  readonly command: string;
  /** The commit the checks came from, with `+changes` when server/ had uncommitted edits. */
  readonly revision?: string;
}

function predicted(r: CaseResult): string {
  return r.prediction.verdict === 'up' ? `up${r.prediction.warningCodes.length ? ` (warnings: ${r.prediction.warningCodes.join(', ')})` : ''}` : `fails: ${r.prediction.errorCodes.join(', ')}`;
}

function base(r: CaseResult): string {
  const b = r.pair.base;
  return `${b.auth} IKEv${b.ikev2 ? 2 : 1} ${b.type}${b.subnets ? '+subnets' : ''} id=${b.idForm}`;
}

export function caseLine(r: CaseResult, done: number, total: number): string {
  const mark = r.comparison.outcome.startsWith('agree') ? 'ok ' : r.comparison.outcome === 'undecidable' ? ' ? ' : 'XX ';
  const side = r.pair.mutatedSide ? `@${r.pair.mutatedSide}` : '';
  return `${mark}${String(done).padStart(4)}/${total} ${r.pair.id} ${base(r)} ${r.pair.mutation}${side}: ours ${predicted(r)} | pluto ${r.daemon.verdict} ${r.daemon.reason} (${r.daemon.decideMs} ms) -> ${r.comparison.outcome}`;
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function fenced(title: string, text: string): string {
  return `${title}\n\n\`\`\`\n${text.trimEnd()}\n\`\`\``;
}

function disagreement(r: CaseResult): string {
  const d = diagnose(r);
  const items: (string | undefined)[] = [
    `### ${r.pair.id}: ${r.pair.mutation}${r.pair.mutatedSide ? ` on ${r.pair.mutatedSide}` : ''} (${r.comparison.outcome})`,
    '',
    `- case seed ${r.pair.seed}: \`npm run test:negotiation -- --case ${r.pair.seed} --only ${r.pair.mutation} --verbose\`; base: ${base(r)}; change: ${r.pair.detail}`,
    `- ours: ${predicted(r)}`,
    `- pluto: ${r.daemon.verdict}, ${r.daemon.reason}${r.daemon.timedOut ? ' (timed out)' : ''}, ${r.daemon.initiator} initiating; deciding line: \`${(r.daemon.line ?? '(none)').replace(/`/g, "'")}\``,
    r.comparison.undecidable ? `- undecidable: ${r.comparison.undecidable}` : undefined,
    d ? `- diagnosis (${d.kind}${d.rule ? `, ${d.rule}` : ''}): ${d.text}` : undefined,
    '',
    fenced('west/etc/ipsec.conf', r.files.west.conf),
    '',
    fenced('east/etc/ipsec.conf', r.files.east.conf),
    '',
    `${fenced('ipsec.secrets (west, then east; each secret replaced by a label that is equal for equal secrets)', `${r.files.west.secrets}${r.files.east.secrets}`)}\n`,
  ];
  return items.filter((l): l is string => l !== undefined).join('\n');
}

/** One row per diagnosis: how many cases, which mutations, one case to look at. */
function diagnosisTable(results: readonly CaseResult[]): string {
  const groups = new Map<string, { kind: string; rule: string; text: string; cases: CaseResult[] }>();
  for (const r of results) {
    const d = diagnose(r);
    if (!d) continue;
    const key = `${d.kind}|${d.rule ?? ''}|${r.pair.mutation}|${r.comparison.outcome}`;
    const group = groups.get(key) ?? { kind: d.kind, rule: d.rule ?? '–', text: d.text, cases: [] };
    group.cases.push(r);
    groups.set(key, group);
  }
  const rows = [...groups.values()]
    .sort((a, b) => b.cases.length - a.cases.length)
    .map((g) => [g.kind, g.rule, `${g.cases[0].pair.mutation} → ${g.cases[0].comparison.outcome}`, g.cases.length, g.cases[0].pair.id, g.text.replace(/\|/g, '\\|')]);
  return table(['kind', 'rule', 'mutation → outcome', 'cases', 'example', 'diagnosis'], rows);
}

const LIMITS = [
  '- The kernel has no ESP/AH: the responder chooses the Child SA proposal and then fails to install it (errno 38/93). "Up" therefore means: IKE SA established on both sides and the responder got as far as installing the Child SA (after its proposal, mode and traffic-selector checks).',
  '- Each pair is negotiated twice against fresh daemons, west initiating and then east, and counts as up only when both directions do: settings that only hurt one direction (pfs with IKEv1, tunnel against transport) are decided that way. When the first direction fails, the second is not run.',
  "- The initiator's check of the responder's reply is never observed. A pair that came up both ways but where an initiator might still refuse the reply (the responder narrowed the traffic selectors) goes to the **undecidable** bucket and is left out of the agreement figures.",
  "- pluto's NSS database holds exactly what the node's ipsec.d/certs and cacerts hold (the certificate's nickname is its file name); what NSS alone could hold is invisible to the checks and not generated.",
  '- Timeouts (no decisive line within the limit) count as failures with reason no-response: an initiator that sends to an address nobody answers at.',
];

export function markdownReport(results: readonly CaseResult[], summary: Summary, meta: RunMeta): string {
  const c = summary.counts;
  const agreeFails = c['agree-fails'] + c['agree-fails-other-reason'];
  const rows = summary.rows.map((row) => {
    const decidable = row.cases - row.counts.undecidable;
    const agreed = row.counts['agree-up'] + row.counts['agree-fails'] + row.counts['agree-fails-other-reason'];
    const reasons = Object.entries(row.daemonReasons).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}×${v}`).join(', ');
    const codes = Object.entries(row.predictedCodes).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}×${v}`).join(', ');
    return [row.mutation, mutationNamed(row.mutation)?.rule ?? '–', row.cases, ...OUTCOMES.map((o) => row.counts[o]), decidable === 0 ? '–' : percent(agreed / decidable), reasons, codes];
  });
  const disagreements = results.filter((r) => r.comparison.outcome !== 'agree-up' && r.comparison.outcome !== 'agree-fails');
  const timing = results.map((r) => r.ms).sort((a, b) => a - b);
  const median = timing.length ? timing[Math.floor(timing.length / 2)] : 0;
  return [
    '# Negotiation ground truth: ipsec-lint pairing checks vs Libreswan',
    '',
    `Command: \`${meta.command}\` — seed ${meta.seed}, ${meta.pairs} pairs, ${meta.libreswan.startsWith('Libreswan') ? meta.libreswan : `Libreswan ${meta.libreswan}`}, checks at ${meta.revision ?? 'unknown revision'}. Wall time ${(meta.totalMs / 1000).toFixed(1)} s (PKI ${(meta.pkiMs / 1000).toFixed(1)} s, median ${median} ms per pair, slowest ${timing[timing.length - 1] ?? 0} ms).`,
    '',
    '## Agreement',
    '',
    `- up/fails agreement: **${percent(summary.verdictAgreement)}** of ${summary.decidable} decidable pairs (${c.undecidable} undecidable)`,
    `- both say "fails" and our rule names the daemon's reason: ${c['agree-fails']} of ${agreeFails} (${percent(summary.reasonAgreement)})`,
    `- missed (we say up, pluto fails): ${c.missed}; false alarms (we say fails, pluto up): ${c['false-alarm']}`,
    `- the daemons brought ${summary.daemonUp} decidable pairs up and refused ${summary.daemonFails}; single-file rules reported an error on ${summary.fileErrorsOnUp} pairs that came up`,
    `- on mutations a rule is about: ${summary.claimedAgreement.agreed} of ${summary.claimedAgreement.decidable} agree (${percent(ratio(summary.claimedAgreement.agreed, summary.claimedAgreement.decidable))})`,
    '',
    table(['mutation', 'related rule', 'cases', ...OUTCOMES, 'agreement', "pluto's reasons", 'our error codes'], rows),
    '',
    '## Mutation catalogue',
    '',
    table(['mutation', 'what changes', 'related rule'], LIBRESWAN5_CATALOGUE.map((m) => [m.name, m.summary.replace(/\|/g, '\\|'), m.rule ?? '–'])),
    '',
    '## Rule ↔ daemon reason mapping',
    '',
    table(['rule', 'daemon reasons it explains'], Object.entries(RULE_REASONS).map(([rule, reasons]) => [rule, reasons.join(', ')])),
    '',
    '## Limits of the IKE-level verdict',
    '',
    ...LIMITS,
    '',
    '## Pairs not in plain agreement, by diagnosis',
    '',
    "kind: `limit` = the IKE-level verdict cannot tell (undecidable bucket); `reason` = both fail and pluto stops at another symptom of the same change; `unknown` = a disagreement nobody has explained: a bug in a rule or in the harness.",
    '',
    diagnosisTable(results),
    '',
    `## Pairs not in plain agreement (${disagreements.length}): undecidable, disagreeing, or failing for another reason than ours`,
    '',
    ...(disagreements.length === 0 ? ['None.'] : disagreements.map(disagreement)),
    '',
  ].join('\n');
}

export function jsonReport(results: readonly CaseResult[], summary: Summary, meta: RunMeta): unknown {
  return {
    meta,
    summary,
    cases: results.map((r) => ({
      id: r.pair.id,
      seed: r.pair.seed,
      base: r.pair.base,
      mutation: r.pair.mutation,
      mutatedSide: r.pair.mutatedSide,
      detail: r.pair.detail,
      predicted: { verdict: r.prediction.verdict, errorCodes: r.prediction.errorCodes, warningCodes: r.prediction.warningCodes, fileFindings: r.prediction.fileFindings },
      daemon: {
        verdict: r.daemon.verdict,
        reason: r.daemon.reason,
        line: r.daemon.line,
        timedOut: r.daemon.timedOut,
        decideMs: r.daemon.decideMs,
        directions: r.daemon.directions.map((d) => ({ initiator: d.initiator, verdict: d.verdict, reason: d.reason })),
      },
      outcome: r.comparison.outcome,
      matchedRules: r.comparison.matchedRules,
      undecidable: r.comparison.undecidable,
      diagnosis: diagnose(r),
      ms: r.ms,
      ...(r.comparison.outcome.startsWith('agree') ? {} : { files: r.files, events: r.daemon.events }),
    })),
  };
}
