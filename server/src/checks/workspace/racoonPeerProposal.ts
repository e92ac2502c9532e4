import { racoonPairs, type RacoonEnd } from '../../workspace/racoonPeers';
import { defineWorkspaceRule, type WorkspaceReporter } from '../workspaceRule';
import { describeProposal, proposalsMatch, readPhase1, type Phase1 } from './racoonProposals';

export const racoonPeerProposalMismatch = defineWorkspaceRule({
  code: 'racoon-peer-proposal-mismatch',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: "Two racoon hosts' remotes for each other share no exchange mode or phase 1 proposal",
  description:
    "When two racoon hosts of the workspace each have a `remote` for the other's address (known from a `listen` address or the host's own outbound setkey policies), phase 1 needs an exchange mode both list and a proposal both offer: the same encryption algorithm (and key length where both give one), hash, authentication method and DH group (`rijndael` is `aes`, `modp1024` is group 2). Otherwise whichever side starts, the other answers with NO-PROPOSAL-CHOSEN and the tunnel never comes up. Remotes that inherit, or use hybrid, XAuth or GSS-API methods, are not compared.",
  check(model, report) {
    for (const pair of racoonPairs(model.racoonHosts, model.setkeyFiles)) {
      if (!pair.a.remote.statement.block || !pair.b.remote.statement.block) continue;
      const a = readPhase1(pair.a.remote.statement);
      const b = readPhase1(pair.b.remote.statement);
      if (!a || !b) continue;
      if (!a.modes.some((mode) => b.modes.includes(mode))) {
        reportBoth(report, pair.a, a, pair.b, b, 'modes');
        continue;
      }
      if (!a.proposals.some((p) => b.proposals.some((q) => proposalsMatch(p, q)))) reportBoth(report, pair.a, a, pair.b, b, 'proposals');
    }
  },
});

function reportBoth(report: WorkspaceReporter, here: RacoonEnd, ours: Phase1, there: RacoonEnd, theirs: Phase1, what: 'modes' | 'proposals'): void {
  for (const [end, mine, other, peer] of [
    [here, ours, theirs, there],
    [there, theirs, ours, here],
  ] as const) {
    const span = what === 'modes' ? mine.modeStatement.span : end.remote.nameSpan;
    const message =
      what === 'modes'
        ? `remote ${end.remote.name} allows exchange mode ${mine.modes.join(', ')}, but the host at ${end.remote.name} allows only ${other.modes.join(', ')} for this host: phase 1 cannot start; list a mode both accept`
        : `no phase 1 proposal of remote ${end.remote.name} (${mine.proposals.map(describeProposal).join('; ')}) is among those the host at ${end.remote.name} offers (${other.proposals.map(describeProposal).join('; ')}): phase 1 fails with NO-PROPOSAL-CHOSEN; offer a proposal both accept`;
    const otherSpan = what === 'modes' ? other.modeStatement.span : peer.remote.nameSpan;
    report({ document: end.host.document, span, message, related: [{ document: peer.host.document, span: otherSpan, message: `the other host's remote ${peer.remote.name}` }] });
  }
}
