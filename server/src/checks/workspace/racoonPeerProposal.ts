import { ipVersion } from '../../text/ipLiteral';
import { racoonPeering, type RacoonEnd } from '../../workspace/racoonPeers';
import { defineWorkspaceRule, type WorkspaceReporter } from '../workspaceRule';
import { describeProposal, proposalsMatch, readPhase1, type Phase1 } from './racoonProposals';

export const racoonPeerProposalMismatch = defineWorkspaceRule({
  code: 'racoon-peer-proposal-mismatch',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: "Two racoon hosts' remotes for each other share no exchange mode or phase 1 proposal",
  description:
    "When two racoon hosts of the workspace each have a `remote` for the other's address (known from a `listen` address or the host's own outbound setkey policies), the side that starts phase 1 uses the first mode of its `exchange_mode` and offers its proposals; the other side accepts the mode if one of its remotes that apply to that peer (the one for its address, and `remote anonymous`) lists it, and a proposal if one of theirs has the same encryption algorithm, hash, authentication method and DH group (`rijndael` is `aes`, `modp1024` is group 2; a key length is compared only where both give one). When neither side can start the tunnel it is an error; when only one can, a warning. Hosts with named (quoted) remotes, and remotes that inherit or use hybrid, XAuth or GSS-API methods, are not compared.",
  check(model, report) {
    for (const pair of racoonPeering(model).pairs) {
      const a = sideOf(pair.a);
      const b = sideOf(pair.b);
      if (!a || !b) continue;
      const fromA = refusal(a, b);
      const fromB = refusal(b, a);
      if (fromA && fromB) {
        reportRefusal(report, a, b, fromA, 'error');
        reportRefusal(report, b, a, fromB, 'error');
      } else if (fromA) reportRefusal(report, a, b, fromA, 'warning');
      else if (fromB) reportRefusal(report, b, a, fromB, 'warning');
    }
  },
});

/** One host's view of the pair: the remote it starts phase 1 with, and every remote that may answer the peer. */
interface Side {
  readonly end: RacoonEnd;
  readonly own: Phase1;
  readonly answering: readonly Phase1[];
}

function sideOf(end: RacoonEnd): Side | undefined {
  const remotes = end.host.remotes;
  // A named remote (or a host name) may match the peer by its remote_address or by identity: too many ways to answer.
  if (remotes.some((remote) => remote.name !== 'anonymous' && ipVersion(remote.name) === 0)) return undefined;
  const answering: Phase1[] = [];
  for (const remote of remotes) {
    if (remote.name !== end.remote.name && remote.name !== 'anonymous') continue;
    const phase1 = remote.statement.block ? readPhase1(remote.statement) : undefined;
    if (!phase1) return undefined;
    answering.push(phase1);
  }
  const own = end.remote.statement.block ? readPhase1(end.remote.statement) : undefined;
  return own && { end, own, answering };
}

interface Refusal {
  readonly what: 'mode' | 'proposal';
  readonly mode: string;
}

/** Why the responder refuses what the initiator starts with, if it must. */
function refusal(initiator: Side, responder: Side): Refusal | undefined {
  const mode = initiator.own.modes[0];
  if (!responder.answering.some((phase1) => phase1.modes.includes(mode))) return { what: 'mode', mode };
  const offered = responder.answering.flatMap((phase1) => phase1.proposals);
  if (!initiator.own.proposals.some((p) => offered.some((q) => proposalsMatch(p, q)))) return { what: 'proposal', mode };
  return undefined;
}

function reportRefusal(report: WorkspaceReporter, initiator: Side, responder: Side, why: Refusal, severity: 'error' | 'warning'): void {
  const peer = initiator.end.remote.name;
  const outcome = severity === 'error' ? 'and the other way round fails too, so the tunnel never comes up' : 'the tunnel comes up only when the other host starts it';
  const theirs = responder.answering;
  const message =
    why.what === 'mode'
      ? `remote ${peer} starts phase 1 in ${why.mode} mode, which the host at ${peer} does not allow for this host (it allows ${[...new Set(theirs.flatMap((p) => p.modes))].join(', ')}): ${outcome}; put a mode both allow first`
      : `no phase 1 proposal of remote ${peer} (${initiator.own.proposals.map(describeProposal).join('; ')}) is among those the host at ${peer} accepts (${theirs.flatMap((p) => p.proposals).map(describeProposal).join('; ')}): it answers NO-PROPOSAL-CHOSEN, ${outcome}; offer a proposal both accept`;
  const span = why.what === 'mode' ? initiator.own.modeStatement.span : initiator.end.remote.nameSpan;
  const otherSpan = why.what === 'mode' ? responder.own.modeStatement.span : responder.end.remote.nameSpan;
  report({
    document: initiator.end.remote.document,
    span,
    message,
    severity,
    related: [{ document: responder.end.remote.document, span: otherSpan, message: `the other host's remote ${responder.end.remote.name}` }],
  });
}
