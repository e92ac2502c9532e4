import { modelProblemRule } from '../workspaceRule';

export const includeMissing = modelProblemRule({
  code: 'include-missing',
  fileKinds: ['ipsec', 'ipsec-secrets'],
  defaultSeverity: 'warning',
  title: 'An include names no file',
  description:
    'An `include` without a glob must name an existing file; paths starting with `/etc/` are looked up under the node\'s own folder, not on this machine. A missing file is skipped by some daemons and fatal to others.',
});

export const includeCycle = modelProblemRule({
  code: 'include-cycle',
  fileKinds: ['ipsec', 'ipsec-secrets'],
  defaultSeverity: 'error',
  title: 'Files include each other in a cycle',
  description: 'The daemon would read the files forever or give up. Remove one include of the cycle the message lists.',
});

export const alsoUndefined = modelProblemRule({
  code: 'also-undefined',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: '`also=` names a conn that does not exist',
  description: 'The daemon refuses a conn whose `also=` target is not defined in the same node (its ipsec.conf and the files it includes). Define the conn or fix the name.',
});

export const alsoCycle = modelProblemRule({
  code: 'also-cycle',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: '`also=` references form a cycle',
  description: 'Conns that pull each other in with `also=` cannot be loaded. Break the cycle the message lists.',
});

export const duplicateConnInNode = modelProblemRule({
  code: 'duplicate-conn-in-node',
  fileKinds: ['ipsec'],
  defaultSeverity: 'warning',
  title: 'Two files of one node define the same conn',
  description: 'Only one definition takes effect, and which one depends on the daemon. Rename or remove one of them.',
});
