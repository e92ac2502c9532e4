import type { KeywordInfo } from './types';
import { YES_NO, STRING, ADDRESS_LIST, CONN } from './valueTypes';

/** conn keywords for remote access: XAUTH, Mode Config, redirects, vendor quirks. */
export const CONN_CLIENT_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'xauthby', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['file', 'pam', 'alwaysok'] }, default: 'file',
    doc: 'Where the XAUTH server checks user names and passwords: the passwd file, PAM, or accept everyone (testing).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'xauthfail', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['hard', 'soft'] }, default: 'hard',
    doc: 'On XAUTH failure, drop the connection (hard) or keep it and let the updown script decide (soft).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgpull', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'The client asks for Mode Config (pull) instead of the server pushing it.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgdns', leftRight: false, sections: CONN,
    type: ADDRESS_LIST,
    doc: 'DNS servers to hand to Mode Config or IKEv2 configuration-payload clients.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgdomains', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'DNS search domains to hand to clients; with cisco-unity also the split-DNS domains.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'modecfgbanner', leftRight: false, sections: CONN,
    type: STRING,
    doc: 'Login banner text sent to IKEv1 Mode Config clients.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'modeconfig', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['push', 'pull'] }, default: 'pull',
    doc: 'IKEv1 Mode Config direction: the server pushes the settings or the client pulls them.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'xauth', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['client', 'server'] }, default: 'client',
    doc: 'IKEv1 XAUTH role of this end.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
  {
    name: 'ignore-peer-dns', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Do not apply DNS servers and domains received from the peer.',
    dialects: {
      libreswan: { status: 'valid', from: '4.2' },
    },
  },
  {
    name: 'cisco-unity', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Send the Cisco Unity vendor ID and accept split tunnelling from Cisco servers.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'cisco-split', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'As a Cisco client, honour the split-network list sent by the server.',
    dialects: {
      libreswan: { status: 'valid', from: '5.3' },
    },
  },
  {
    name: 'nm-configured', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'NetworkManager manages this connection\'s resolver settings; pluto leaves them alone.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.3', build: 'NetworkManager' },
        { status: 'valid', from: '5.3' },
      ],
    },
  },
  {
    name: 'nm_configured', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'NetworkManager manages this connection (Openswan spelling).',
    dialects: {
      libreswan: { status: 'removed', replacement: 'nm-configured' },
      openswan: { status: 'valid', from: '2.6.26' },
    },
  },
  {
    name: 'send-redirect', leftRight: false, sections: CONN,
    type: { kind: 'enum', values: ['yes', 'no', 'true', 'false', 'on', 'off', 'y', 'n', 'auto'] }, default: 'no',
    doc: 'As an IKEv2 server, redirect clients to redirect-to (yes), never (no), or per global-redirect (auto).',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['yes', 'no', 'auto'] } },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'redirect-to', leftRight: false, sections: CONN,
    type: ADDRESS_LIST,
    doc: 'Gateways to redirect IKEv2 clients to.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'accept-redirect', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'As an IKEv2 client, follow redirect requests from the server.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.0', type: { kind: 'enum', values: ['yes', 'no', 'auto'] } },
        { status: 'valid', from: '5.0' },
      ],
    },
  },
  {
    name: 'accept-redirect-to', leftRight: false, sections: CONN,
    type: ADDRESS_LIST,
    doc: 'Only follow redirects to these gateways.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'pam-authorize', leftRight: false, sections: CONN,
    type: YES_NO,
    doc: 'Check with PAM whether the authenticated IKEv2 peer may connect.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'send-esp-tfc-padding-not-supported', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Tell the peer this end does not want TFC padding in ESP.',
    dialects: {
      libreswan: { status: 'valid', from: '5.3' },
    },
  },
  {
    name: 'send-no-esp-tfc', leftRight: false, sections: CONN,
    type: YES_NO, default: 'no',
    doc: 'Tell the peer not to send TFC padding (older name of send-esp-tfc-padding-not-supported).',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.3' },
        { status: 'deprecated', from: '5.3', replacement: 'send-esp-tfc-padding-not-supported' },
      ],
    },
  },
];
