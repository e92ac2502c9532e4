/**
 * Corpus files that the real daemons reject too, beyond upstream's own error-path tests
 * (EXPECTED_INVALID_CANDIDATES.txt). Each entry says why; errors on them are not false positives.
 */
export const KNOWN_INVALID: Readonly<Record<string, string>> = {
  'openswan/programs/examples/hub-spoke.conf.in': 'a prose note with a config fragment, not a config file: pluto stops at the first sentence',
  'libreswan/ikev2-initial-contact-send/west.conf': 'writes initial_contact; Libreswan 4.10 addconn stops with "syntax error [initial_contact]" (the keyword is initial-contact)',
  'libreswan/ah-pluto-09/east.conf': 'ah=des: des is no integrity algorithm; Libreswan 4.10 algparse says "AH integrity algorithm \'des\' is not recognized"',
  'libreswan/ah-pluto-09/west.conf': 'ah=des, as in east.conf',
  'libreswan/algo-pluto-07/east.conf': 'esp=aes256-sha2_256-4096: algparse says "ESP DH algorithm \'4096\' is not recognized"; the test expects the conn to fail',
  'libreswan/algo-pluto-07/west.conf': 'esp=aes256-sha2_256-4096, as in east.conf',
  'libreswan/ikev2-algo-03-aes-ccm/west.conf': 'its second conn has esp=aes_ccm_a-152-null; algparse: "AES_CCM_8 with key length 152 invalid"',
  'libreswan/ikev2-mobike-08-nat-expire-liveness-road-mobike-nat/ipsec.conf': 'mobike=nat: mobike is yes/no; Libreswan 4.10 addconn stops with a syntax error, 5.x refuses the conn',
  'libreswan/ikev1-aggr-04-authby-secret-rassig/ipsec.conf': 'keyexchange=ikev1 with authby=secret,rsasig; upstream west.console.txt shows "failed to add connection: additional PSK in authby=PSK+RSASIG is not supported by IKEv1"',
  'libreswan/ikev2-67-esp-null-iperf/ipsec.conf': 'conn west-east-null: esp=null-none; the plutos of Libreswan 4.10 and 5.2 both refuse to add it ("non-AEAD ESP encryption algorithm NULL cannot have \'NONE\' as the integrity algorithm", seen in runs); upstream keeps no console output for this test',
  'libreswan/ikev2-tcp-04-ikeport-500/ipsec.conf': 'conn west: enable-tcp=yes with tcp-remoteport=500; the plutos of Libreswan 4.10 and 5.2 both refuse to add it ("tcp-remoteport cannot be 500", seen in runs), and 5.4 and the snapshot hold the same test, though the test\'s console output shows the conn added',
  'libreswan/whack-pluto-03-seedbits/ipsec.conf': 'seedbits=XXX: config setup needs a number; Libreswan 5 refuses the file (the test checks that pluto complains)',
  'setkey/ipsec-tools-0.8.2/src/setkey/sample.cf': 'uses rc5-cbc, which the setkey of ipsec-tools 0.8.2 no longer knows',
  'racoon/racoon-ipsec-tools-fork/docs/examples/roadwarrior/server/racoon.conf': 'the fork sample spells the LDAP section ldap_cfg; racoon only knows ldapcfg',
  'racoon/ipsec-tools-0.8.2/src/racoon/samples/racoon.conf.sample-plainrsa': 'two peers_certfile lines in one remote: cfparse.y stops at the second with "peers_certfile already defined", and racoon -t refuses the file',
  'racoon/racoon-ipsec-tools-fork/docs/examples/racoon.conf.sample-plainrsa': 'two peers_certfile lines in one remote, as in the 0.8.2 sample: racoon -t says "peers_certfile already defined"',
  'racoon/ipsec-tools-0.8.2/src/racoon/samples/racoon.conf.sample-inherit': 'remote 3ffe:ffff::1 inherit anonymous: racoon never takes the anonymous remote as a parent, and racoon -t says "failed to get remoteconf for anonymous"',
  'racoon/racoon-ipsec-tools-fork/docs/examples/racoon.conf.sample-inherit': 'inherits from anonymous, as the 0.8.2 sample does: racoon -t says "failed to get remoteconf for anonymous"',
};
