/**
 * Corpus files that the real daemons reject too, beyond upstream's own error-path tests
 * (EXPECTED_INVALID_CANDIDATES.txt). Each entry says why; errors on them are not false positives.
 */
export const KNOWN_INVALID: Readonly<Record<string, string>> = {
  'openswan/programs/examples/hub-spoke.conf.in': 'a prose note with a config fragment, not a config file: pluto stops at the first sentence',
  'racoon/racoon-ipsec-tools-fork/docs/examples/roadwarrior/server/racoon.conf': 'the fork sample spells the LDAP section ldap_cfg; racoon only knows ldapcfg',
};
