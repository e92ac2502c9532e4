import type { WorkspaceRule } from '../workspaceRule';
import { alsoConflict } from './alsoConflict';
import { caBasicConstraint } from './caBasicConstraint';
import { caConstraint } from './caConstraint';
import { caMissing } from './caMissing';
import { certRevoked } from './certRevoked';
import { strictCrlMissing } from './strictCrlMissing';
import { certKeyTypeAuthby } from './certKeyTypeAuthby';
import { certKeyUsage } from './certKeyUsage';
import { connFamilyMismatch } from './connFamilyMismatch';
import { connFileNotIncluded } from './connFileNotIncluded';
import { connPskMissing } from './connPskMissing';
import { connTrafficClash } from './connTrafficClash';
import { ikev1Authby } from './ikev1Authby';
import { libreswanConnRefused } from './libreswanConnRefused';
import { connSettingClash } from './connSettingClash';
import { xauthOnIkev2 } from './xauthOnIkev2';
import { certFileMissing } from './certFileMissing';
import { certIdMismatch } from './certIdMismatch';
import { certExpiring } from './certExpiring';
import { certValidity } from './certValidity';
import { alsoCycle, alsoUndefined, duplicateConnInNode, includeCycle, includeMissing } from './nodeStructure';
import { peerAddressMismatch } from './peerAddressMismatch';
import { peerAggressiveMismatch } from './peerAggressiveMismatch';
import { peerAuthbyMismatch } from './peerAuthbyMismatch';
import { peerCertMismatch } from './peerCertMismatch';
import { peerCertNotSent } from './peerCertNotSent';
import { peerIdMismatch } from './peerIdMismatch';
import { peerKeyMismatch } from './peerKeyMismatch';
import { peerMissingConn } from './peerMissingConn';
import { peerPfsMismatch } from './peerPfsMismatch';
import { peerSha2TruncationMismatch } from './peerSha2TruncationMismatch';
import { peerTypeMismatch } from './peerTypeMismatch';
import { peerIkeVersionMismatch } from './peerIkeVersionMismatch';
import { peerProposalMismatch } from './peerProposalMismatch';
import { peerProtoportMismatch } from './peerProtoportMismatch';
import { peerPskMismatch } from './peerPskMismatch';
import { peerSubnetMismatch } from './peerSubnetMismatch';
import { privateKeyMissing } from './privateKey';
import { privateKeyEntryMissing } from './privateKeyEntryMissing';
import { racoonFileMissing } from './racoonFileMissing';
import { racoonHostRemoteName } from './racoonHostRemoteName';
import { racoonIncludeLoop } from './racoonIncludeLoop';
import { racoonIncludeMissing } from './racoonIncludeMissing';
import { racoonPeerIkeVersion } from './racoonPeerIkeVersion';
import { racoonPeerPhase2Mismatch } from './racoonPeerPhase2';
import { racoonPeerProposalMismatch } from './racoonPeerProposal';
import { racoonPeerPskMismatch } from './racoonPeerPsk';
import { racoonPskEntry } from './racoonPskEntry';
import { secretsPermissions } from './secretsPermissions';
import { racoonSainfoPolicy } from './racoonSainfoPolicy';
import { setkeyPolicyMirror } from './setkeyMirror';
import { setkeyMissingFwd } from './setkeyMissingFwd';
import { strongswanIkeNoDh } from './strongswanIkeNoDh';
import { strongswanProposalRefused } from './strongswanProposalRefused';
import { strongswanWorkspaceRules } from './strongswanStarter';

export const workspaceRules: readonly WorkspaceRule[] = [
  includeMissing,
  includeCycle,
  alsoUndefined,
  alsoCycle,
  alsoConflict,
  duplicateConnInNode,
  connFileNotIncluded,
  connTrafficClash,
  connFamilyMismatch,
  certFileMissing,
  caMissing,
  certRevoked,
  strictCrlMissing,
  caConstraint,
  caBasicConstraint,
  certValidity,
  certExpiring,
  certIdMismatch,
  certKeyTypeAuthby,
  certKeyUsage,
  ikev1Authby,
  libreswanConnRefused,
  strongswanIkeNoDh,
  strongswanProposalRefused,
  connSettingClash,
  xauthOnIkev2,
  peerIdMismatch,
  peerAddressMismatch,
  peerMissingConn,
  peerTypeMismatch,
  peerSha2TruncationMismatch,
  peerAuthbyMismatch,
  peerPfsMismatch,
  peerCertMismatch,
  peerKeyMismatch,
  peerCertNotSent,
  peerSubnetMismatch,
  peerProtoportMismatch,
  peerIkeVersionMismatch,
  peerAggressiveMismatch,
  peerProposalMismatch,
  peerPskMismatch,
  connPskMissing,
  privateKeyMissing,
  privateKeyEntryMissing,
  secretsPermissions,
  racoonPskEntry,
  racoonPeerPskMismatch,
  racoonPeerProposalMismatch,
  racoonPeerIkeVersion,
  racoonPeerPhase2Mismatch,
  racoonFileMissing,
  racoonIncludeMissing,
  racoonIncludeLoop,
  racoonHostRemoteName,
  setkeyPolicyMirror,
  setkeyMissingFwd,
  racoonSainfoPolicy,
  ...strongswanWorkspaceRules,
];
