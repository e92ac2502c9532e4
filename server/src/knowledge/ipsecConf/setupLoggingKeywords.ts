import type { KeywordInfo } from './types';
import { YES_NO, COUNT, STRING, FILENAME, DIRECTORY, CONFIG, CONFIG_CONN } from './valueTypes';

/** `config setup` keywords for logging, files and the daemon process. */
export const SETUP_LOGGING_KEYWORDS: readonly KeywordInfo[] = [
  {
    name: 'myvendorid', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Vendor ID string pluto sends when send-vendorid=yes.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'plutodebug', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Debug categories pluto logs, e.g. `all`, `none`, `base,cpu-usage`.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.1', note: 'Libreswan 5.1 and 5.2 also accept it inside a conn, as a spelling of debug=.' },
        { status: 'valid', from: '5.1', until: '5.3', sections: CONFIG_CONN, note: 'Libreswan 5.1 and 5.2 also accept it inside a conn, as a spelling of debug=.' },
        { status: 'valid', from: '5.3', note: 'Libreswan 5.1 and 5.2 also accept it inside a conn, as a spelling of debug=.' },
      ],
      strongswan: { status: 'ignored', replacement: 'charondebug', note: 'A pluto (IKEv1 daemon) setting; charon uses charondebug.' },
      openswan: { status: 'valid', type: { kind: 'enumList', values: ['none', 'all', 'raw', 'crypt', 'parsing', 'emitting', 'control', 'lifecycle', 'klips', 'dns', 'oppo', 'oppoinfo', 'controlmore', 'private', 'x509', 'dpd', 'pfkey', 'natt', 'nattraversal', 'impair-delay-adns-key-answer', 'impair-delay-adns-txt-answer', 'impair-bust-mi2', 'impair-bust-mr2'] } },
    },
  },
  {
    name: 'logfile', leftRight: false, sections: CONFIG,
    type: FILENAME,
    doc: 'Write pluto\'s log to this file instead of syslog.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'logtime', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Prefix each line of the log file with a timestamp.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'logappend', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Append to the log file on restart instead of truncating it.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'logip', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'no',
    doc: 'Log peer IP addresses for incoming connections (privacy trade-off).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'loglimit', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Rate-limit repetitive log messages; set to no to log everything.',
    dialects: {
      libreswan: { status: 'valid', from: '5.4' },
    },
  },
  {
    name: 'logstderr', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Command-line only (ipsec pluto --stderrlog); not accepted in ipsec.conf.',
    dialects: {
      libreswan: { status: 'removed', from: '5.3' },
    },
  },
  {
    name: 'audit-log', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Send IKE and IPsec SA events to the Linux audit system.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'dns-resolver', leftRight: false, sections: CONFIG,
    type: { kind: 'enum', values: ['file', 'systemd'] }, default: 'file',
    doc: 'How pluto resolves host names: through resolv.conf (file) or systemd-resolved.',
    dialects: {
      libreswan: { status: 'valid', from: '5.4' },
    },
  },
  {
    name: 'dumpdir', leftRight: false, sections: CONFIG,
    type: DIRECTORY,
    doc: 'Directory where pluto may write core dumps.',
    dialects: {
      libreswan: { status: 'valid' },
      strongswan: { status: 'ignored', note: 'Ignored by the strongSwan starter.' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'ipsecdir', leftRight: false, sections: CONFIG,
    type: DIRECTORY,
    doc: 'Directory with the ipsec.d configuration (policies, certificates for older setups).',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'nssdir', leftRight: false, sections: CONFIG,
    type: DIRECTORY,
    doc: 'Directory of the NSS database holding certificates and private keys.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'exampledir', leftRight: false, sections: CONFIG,
    type: DIRECTORY,
    doc: 'Command-line only (ipsec addconn --configsetup); not accepted in ipsec.conf.',
    dialects: {
      libreswan: { status: 'removed', from: '5.4' },
    },
  },
  {
    name: 'rundir', leftRight: false, sections: CONFIG,
    type: DIRECTORY,
    doc: 'Command-line only (ipsec pluto --rundir); not accepted in ipsec.conf.',
    dialects: {
      libreswan: { status: 'removed', from: '5.3' },
    },
  },
  {
    name: 'secretsfile', leftRight: false, sections: CONFIG,
    type: FILENAME, default: '/etc/ipsec.secrets',
    doc: 'The secrets file pluto reads PSKs and key references from.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'statsbin', leftRight: false, sections: CONFIG,
    type: FILENAME,
    doc: 'Program to run whenever a tunnel goes up or down, for statistics.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'seccomp', leftRight: false, sections: CONFIG,
    type: { kind: 'enum', values: ['enabled', 'disabled', 'tolerant'] },
    doc: 'Restrict pluto\'s system calls with seccomp; tolerant only logs violations.',
    dialects: {
      libreswan: { status: 'valid', build: 'seccomp' },
    },
  },
  {
    name: 'seedbits', leftRight: false, sections: CONFIG,
    type: COUNT,
    doc: 'Extra bits to read from the seed device to seed NSS\'s random generator.',
    dialects: {
      libreswan: { status: 'valid' },
    },
  },
  {
    name: 'seeddev', leftRight: false, sections: CONFIG,
    type: FILENAME,
    doc: 'Device to read the extra seed bits from, e.g. /dev/random.',
    dialects: {
      libreswan: { status: 'valid', from: '5.4' },
    },
  },
  {
    name: 'protostack', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Kernel IPsec stack to use, e.g. `xfrm` (Linux) or `bsd`.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid', type: { kind: 'enum', values: ['none', 'auto', 'klips', 'mast', 'netkey', 'native', 'bsd', 'kame', 'bsdkame', 'win2k'], open: true } },
    },
  },
  {
    name: 'nhelpers', leftRight: false, sections: CONFIG,
    type: { kind: 'number', min: -1 },
    doc: 'Number of crypto helper threads; -1 picks one per CPU, 0 does crypto inline.',
    dialects: {
      libreswan: { status: 'valid' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'ipsec-interface-managed', leftRight: false, sections: CONFIG,
    type: YES_NO, default: 'yes',
    doc: 'Let pluto create and delete the ipsec-interface devices itself.',
    dialects: {
      libreswan: { status: 'valid', from: '5.2' },
    },
  },
  {
    name: 'nflog-all', leftRight: false, sections: CONFIG,
    type: COUNT, default: '0',
    doc: 'NFLOG group that receives a copy of all IPsec traffic; 0 turns it off.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '4.8' },
        { status: 'valid', from: '4.8', until: '5.0', build: 'iptables or nftables' },
        { status: 'valid', from: '5.0', build: 'NFLOG' },
      ],
    },
  },
  {
    name: 'syslog', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Syslog facility and priority for daemon messages, e.g. `daemon.error`.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '5.3' },
        { status: 'ignored', from: '5.3' },
      ],
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'plutostderrlog', leftRight: false, sections: CONFIG,
    type: FILENAME,
    doc: 'Old name for the pluto log file; Libreswan uses logfile.',
    dialects: {
      libreswan: [
        { status: 'deprecated', until: '5.3', replacement: 'logfile' },
        { status: 'ignored', from: '5.3' },
      ],
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'interfaces', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'KLIPS-era list of interfaces to use, e.g. `%defaultroute` or `ipsec0=eth0`.',
    dialects: {
      libreswan: [
        { status: 'valid', until: '4.8' },
        { status: 'ignored', from: '4.8' },
      ],
      strongswan: { status: 'ignored' },
      openswan: { status: 'valid' },
    },
  },
  {
    name: 'charondebug', leftRight: false, sections: CONFIG,
    type: STRING,
    doc: 'Log level per charon subsystem, e.g. `ike 2, knl 3, cfg 0`; levels -1 to 4.',
    dialects: {
      strongswan: { status: 'valid' },
    },
  },
];
