import { nodeRunsLibreswan, type Certainty } from '../../workspace/authMethods';
import type { IpsecNode } from '../../workspace/model';
import type { Severity } from '../finding';
import { modelProblemRule, type WorkspaceRule } from '../workspaceRule';

/** What to do with a model problem on a gateway, by whether it runs Libreswan: skip it, or report it (maybe milder, with a note). */
type ByLibreswan = Readonly<Record<Certainty, { readonly severity?: Severity; readonly note?: string } | 'skip'>>;

/** Like modelProblemRule, for problems Libreswan treats differently from the other daemons. */
function libreswanAwareProblemRule(definition: Omit<WorkspaceRule, 'check' | 'checkNode' | 'checkPair'>, byLibreswan: ByLibreswan, runs: (node: IpsecNode) => Certainty = nodeRunsLibreswan): WorkspaceRule {
  return {
    ...definition,
    checkNode(node, _model, report) {
      const how = byLibreswan[runs(node)];
      if (how === 'skip') return;
      for (const problem of node.problems) {
        if (problem.code === definition.code) report({ ...problem, message: `${problem.message}${how.note ?? ''}`, severity: how.severity });
      }
    },
  };
}

export const includeMissing = modelProblemRule({
  code: 'include-missing',
  fileKinds: ['ipsec', 'ipsec-secrets'],
  defaultSeverity: 'warning',
  title: 'An include names no file',
  description:
    'An `include` without a glob must name an existing file; paths starting with `/etc/` are looked up under the node\'s own folder, not on this machine. A missing file is skipped by some daemons and fatal to others. Where the workspace keeps no files in the folder the include names (a package\'s `/var/lib/strongswan/ipsec.conf.inc`), the file is taken to be put there on the gateway, and the finding is only a note that its content is not checked.',
});

const INCLUDE_DEPTH_NOTE = ' (Libreswan reads the files again, ten levels deep, and carries on with the same conns)';

export const includeCycle = libreswanAwareProblemRule(
  {
    code: 'include-cycle',
    fileKinds: ['ipsec', 'ipsec-secrets'],
    defaultSeverity: 'error',
    title: 'Files include each other in a cycle',
    description:
      'A daemon may read the files forever or give up. Libreswan stops ten includes deep and carries on with what it read, so for gateways that run or may run Libreswan it is a warning. Remove one include of the cycle the message lists.',
  },
  { yes: { severity: 'warning', note: INCLUDE_DEPTH_NOTE }, maybe: { severity: 'warning', note: INCLUDE_DEPTH_NOTE }, no: {} },
);

export const alsoUndefined: WorkspaceRule = {
  code: 'also-undefined',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: '`also=` names a conn that does not exist',
  description:
    'The `also=` target must be a conn of the same node (its ipsec.conf and the files it includes). Libreswan refuses the conn ("cannot find conn"); Openswan 2.6 says nothing and loads the conn without the settings it was meant to pull in, which is no more the tunnel that was written. Define the conn or fix the name. When an include of the node names a file that is not in the workspace, the conn may be defined there: a warning.',
  checkNode(node, _model, report) {
    // A file the workspace does not hold (an include of /testing/… or of a file kept elsewhere) may define the conn.
    const unseen = node.problems.some((p) => p.code === 'include-missing' && node.documents.some((d) => d.uri === p.document.uri));
    for (const problem of node.problems) {
      if (problem.code !== 'also-undefined') continue;
      report(unseen ? { ...problem, message: `${problem.message} (an include of this node names a file the workspace does not hold, which may define it)`, severity: 'warning' } : problem);
    }
  },
};

/** Libreswan and Openswan (whose confread.c Libreswan's grew from) read each conn of an also= cycle once. */
function nodeRunsPluto(node: IpsecNode): Certainty {
  const { choice, plausible } = node.dialect;
  if (choice) return choice.dialect === 'libreswan' || choice.dialect === 'openswan' ? 'yes' : 'no';
  return plausible.includes('libreswan') || plausible.includes('openswan') ? 'maybe' : 'no';
}

export const alsoCycle = libreswanAwareProblemRule(
  {
    code: 'also-cycle',
    fileKinds: ['ipsec'],
    defaultSeverity: 'error',
    title: '`also=` references form a cycle',
    description:
      'Conns that pull each other in with `also=` may not load. Libreswan and Openswan read each conn of the cycle once and load the conn fine, so gateways written for them are not checked, and those that may run them get a warning. Break the cycle the message lists.',
  },
  { yes: 'skip', maybe: { severity: 'warning', note: ' (Libreswan and Openswan would read each conn once and load it)' }, no: {} },
  nodeRunsPluto,
);

export const duplicateConnInNode = modelProblemRule({
  code: 'duplicate-conn-in-node',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'Two files of one node define the same conn',
  description: 'Only one definition takes effect, and which one depends on the daemon. Rename or remove one of them.',
});
