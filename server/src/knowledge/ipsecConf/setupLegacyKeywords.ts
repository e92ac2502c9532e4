import type { KeywordInfo } from './types';
import { YES_NO, DURATION, COUNT, STRING, FILENAME, ID, CONFIG } from './valueTypes';

/** `config setup` keywords of older daemons (KLIPS, pluto in strongSwan 4, Openswan). */
export const SETUP_LEGACY_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'klipsdebug', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Debug flags of the KLIPS kernel module, e.g. `none` or `all`.',
    dialects: {
      libreswan: { status: 'removed', note: 'KLIPS is gone.' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'charonstart', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Whether the starter launched charon (strongSwan 4); charon always runs in 5.x.',
    dialects: {
      strongswan: { status: 'ignored' },
    },
  },
  {
    name: 'plutostart', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Whether the starter launched pluto (strongSwan 4); pluto no longer exists in 5.x.',
    dialects: {
      strongswan: { status: 'ignored' },
    },
  },
  {
    name: 'prepluto', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Shell command run before pluto starts.',
    dialects: {
      libreswan: { status: 'removed' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'postpluto', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Shell command run after pluto has started.',
    dialects: {
      libreswan: { status: 'removed' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'fragicmp', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'KLIPS: send ICMP "fragmentation needed" for oversized packets.',
    dialects: {
      libreswan: { status: 'removed', note: 'KLIPS is gone.' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'packetdefault', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'KLIPS-era policy for packets matching no connection.',
    dialects: {
      strongswan: { status: 'ignored' },
    },
  },
  {
    name: 'hidetos', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'KLIPS: zero the TOS field of the outer header.',
    dialects: {
      libreswan: { status: 'removed', note: 'KLIPS is gone.' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'overridemtu', leftRight: false, sections: CONFIG,
    type: COUNT,
    doc: 'KLIPS: MTU forced on the ipsecN interfaces.',
    dialects: {
      libreswan: { status: 'removed', note: 'Set mtu= in the conn sections instead.' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'nocrsend', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Do not send certificate requests to peers.',
    dialects: {
      libreswan: { status: 'removed', note: 'Control certificate sending with leftsendcert/rightsendcert.' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'nat_traversal', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Enable NAT traversal (UDP encapsulation on port 4500).',
    dialects: {
      libreswan: { status: 'removed', note: 'NAT traversal is always on; there is nothing to switch.' },
      strongswan: { status: 'ignored', note: 'NAT traversal is always on; there is nothing to switch.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'keep_alive', leftRight: false, sections: CONFIG,
    type: DURATION,
    doc: 'Interval of NAT-T keepalive packets.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'keep-alive' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid', from: '2.6.20' },
    },
  },
  {
    name: 'force_keepalive', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Send NAT-T keepalives even when no NAT was detected.',
    dialects: {
      libreswan: { status: 'removed' },
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid', from: '2.6.20' },
    },
  },
  {
    name: 'disable_port_floating', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Do not move IKE to port 4500 when NAT is detected.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid', from: '2.6.15' },
    },
  },
  {
    name: 'force_busy', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Pretend to be under attack and require cookies from every peer.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'ddos-mode' },
      openswan: { status: 'valid', from: '2.6.08' },
    },
  },
  {
    name: 'pkcs11module', leftRight: false, sections: CONFIG,
    type: FILENAME,
    doc: 'PKCS#11 library for smartcards (strongSwan 4 pluto).',
    dialects: {
      strongswan: { status: 'ignored', note: 'Configure the pkcs11 plugin in strongswan.conf instead.' },
    },
  },
  {
    name: 'pkcs11initargs', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Initialisation arguments for the PKCS#11 library.',
    dialects: {
      strongswan: { status: 'ignored', note: 'Configure the pkcs11 plugin in strongswan.conf instead.' },
    },
  },
  {
    name: 'pkcs11keepstate', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Keep the PKCS#11 session open between uses.',
    dialects: {
      strongswan: { status: 'ignored', note: 'Configure the pkcs11 plugin in strongswan.conf instead.' },
    },
  },
  {
    name: 'pkcs11proxy', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Let other programs use pluto\'s PKCS#11 session.',
    dialects: {
      strongswan: { status: 'ignored', note: 'Configure the pkcs11 plugin in strongswan.conf instead.' },
    },
  },
  {
    name: 'myid', leftRight: false, sections: CONFIG,
    type: ID,
    doc: 'Default identity of this host for all connections.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'id' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'plutoopts', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Extra command-line options passed to pluto.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'plutostderrlogtime', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Timestamp the lines of plutostderrlog.',
    dialects: {
      libreswan: { status: 'removed', replacement: 'logtime' },
      openswan: { status: 'valid', from: '2.6.40' },
    },
  },
  {
    name: 'plutorestartoncrash', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Restart pluto automatically when it crashes.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'manualstart', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Manually keyed connections to start at boot.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'pluto', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Whether to start pluto at all.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid', type: STRING, note: 'Read as a plain string by the parser; the startup scripts look for `yes` or `no`.' },
    },
  },
  {
    name: 'plutowait', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Wait for each auto=start negotiation to finish before starting the next.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'oe', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Enable the old DNS-based opportunistic encryption.',
    dialects: {
      libreswan: { status: 'removed', note: 'Opportunistic encryption is configured with conns and policy groups.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'secctx_attr_value', leftRight: false, sections: CONFIG,
    type: COUNT,
    doc: 'IKEv1 attribute number carrying the SELinux security context.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: { status: 'valid', from: '2.6.38' },
    },
  },
  {
    name: 'forwardcontrol', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Old switch for IP forwarding; set net.ipv4.ip_forward with sysctl instead.',
    dialects: {
      libreswan: { status: 'removed', note: 'Use sysctl.' },
      openswan: [
        { status: 'valid', until: '2.6.47' },
        { status: 'ignored', from: '2.6.47' },
      ],
    },
  },
  {
    name: 'rp_filter', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Old switch for reverse-path filtering; set it with sysctl instead.',
    dialects: {
      libreswan: { status: 'removed', note: 'Use sysctl.' },
      openswan: [
        { status: 'valid', until: '2.6.47' },
        { status: 'ignored', from: '2.6.47' },
      ],
    },
  },
  {
    name: 'plutofork', leftRight: false, sections: CONFIG,
    type: YES_NO,
    doc: 'Whether pluto forks into the background.',
    dialects: {
      libreswan: { status: 'removed' },
      openswan: [
        { status: 'valid', from: '2.6.44', until: '2.6.47' },
        { status: 'ignored', from: '2.6.47' },
      ],
    },
  },
];
