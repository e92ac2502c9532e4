/**
 * Corpus files that the real daemons reject too, beyond upstream's own error-path tests
 * (EXPECTED_INVALID_CANDIDATES.txt). Each entry says why; errors on them are not false positives.
 */
export const KNOWN_INVALID: Readonly<Record<string, string>> = {
  'openswan/programs/examples/hub-spoke.conf.in': 'a prose note with a config fragment, not a config file: pluto stops at the first sentence',
  'libreswan/ikev2-initial-contact-send/west.conf': 'writes initial_contact; Libreswan 4.10 addconn stops with "syntax error [initial_contact]" (the keyword is initial-contact)',
  'setkey/ipsec-tools-0.8.2/src/setkey/sample.cf': 'uses rc5-cbc, which the setkey of ipsec-tools 0.8.2 no longer knows',
  'racoon/racoon-ipsec-tools-fork/docs/examples/roadwarrior/server/racoon.conf': 'the fork sample spells the LDAP section ldap_cfg; racoon only knows ldapcfg',
};
