import { ADDRESS, DURATION, ON_OFF, PORT, choice, keyword, num, optional, str } from '../slots';
import type { RacoonDirective } from '../types';
import { GSS_ID_ENCODINGS, LOG_LEVELS } from '../values';

const PATH_DIRECTIVES: readonly RacoonDirective[] = [
  {
    name: 'path include',
    sections: ['top'],
    forms: [[str('a directory')]],
    syntax: 'path include "/etc/racoon";',
    doc: 'Directory that relative `include` file names are looked up in.',
  },
  {
    name: 'path pre_shared_key',
    sections: ['top'],
    forms: [[str('a file name')]],
    syntax: 'path pre_shared_key "/etc/racoon/psk.txt";',
    doc: 'The psk.txt file holding pre-shared keys (and Xauth passwords) by identifier. racoon refuses it if others can read it: keep it mode 600.',
  },
  {
    name: 'path certificate',
    sections: ['top'],
    forms: [[str('a directory')]],
    syntax: 'path certificate "/etc/racoon/certs";',
    doc: 'Directory where certificate and key file names given in `remote` blocks are resolved. With privilege separation racoon will not read certificates from anywhere else.',
  },
  {
    name: 'path script',
    sections: ['top'],
    forms: [[str('a directory')]],
    syntax: 'path script "/etc/racoon/scripts";',
    doc: 'Directory holding the hook scripts named by `script` in `remote` blocks. With privilege separation scripts outside it are not run.',
  },
  {
    name: 'path backupsa',
    sections: ['top'],
    forms: [[str('a file name')]],
    syntax: 'path backupsa "/var/lib/racoon/backupsa";',
    doc: 'File racoon appends negotiated SAs to; `racoon -B` installs them again at start. The file only grows, so prune it yourself.',
  },
  {
    name: 'path pidfile',
    sections: ['top'],
    forms: [[str('a file name')]],
    syntax: 'path pidfile "/var/run/racoon.pid";',
    doc: 'Where racoon writes its process id. A relative name is taken relative to the run directory chosen at build time; the default is `racoon.pid`.',
  },
];

const TOP_LEVEL: readonly RacoonDirective[] = [
  {
    name: 'include',
    sections: ['top'],
    forms: [[str('a file name or glob')]],
    syntax: 'include "/etc/racoon/remote/*.conf";',
    doc: 'Reads more configuration from the files matching the quoted name or glob, relative to `path include`. Includes nest at most ten deep.',
  },
  {
    name: 'log',
    sections: ['top'],
    forms: [[keyword(...LOG_LEVELS)]],
    syntax: 'log notify;',
    doc: 'How much racoon logs: `error`, `warning`, `notify`, `info` (default), `debug` or `debug2`. Each `-d` on the command line adds one level. Heavy logging on a slow machine can make negotiations time out.',
  },
  {
    name: 'pfkey_buffer',
    sections: ['top'],
    forms: [[num('a size in kilobytes')]],
    syntax: 'pfkey_buffer 1024;',
    doc: 'Socket buffer size, in kilobytes, for the PF_KEY socket. Raise it when hundreds of tunnels make SAD/SPD dumps fail; `0` keeps the system default, and racoon never lowers a larger default.',
  },
  {
    name: 'gss_id_enc',
    sections: ['top'],
    forms: [[keyword(...GSS_ID_ENCODINGS)]],
    syntax: 'gss_id_enc utf-16le;',
    doc: 'Encoding of the GSS-API identifier attribute: `utf-16le` (default, what Windows expects) or `latin1` (what old racoon versions sent).',
    requires: 'gssapi',
  },
  {
    name: 'complex_bundle',
    sections: ['top'],
    forms: [[ON_OFF]],
    syntax: 'complex_bundle off;',
    doc: 'How an AH+ESP bundle is proposed. `off` (default) proposes AH tunnel plus ESP tunnel, as most IKE peers expect; `on` proposes AH transport plus ESP tunnel.',
  },
  {
    name: 'privsep',
    sections: ['top'],
    opens: 'privsep',
    forms: [[]],
    syntax: 'privsep { user "racoon"; group "racoon"; chroot "/var/lib/racoon"; }',
    doc: 'Turns on privilege separation: an unprivileged racoon does the negotiation and a root helper reads keys, runs scripts and checks passwords. Changes to `listen` and `path` then need a restart, not a reload.',
  },
  {
    name: 'padding',
    sections: ['top'],
    opens: 'padding',
    forms: [[]],
    syntax: 'padding { … }',
    doc: 'How ISAKMP payloads are padded. The defaults are fine for nearly every setup.',
  },
  {
    name: 'listen',
    sections: ['top'],
    opens: 'listen',
    forms: [[]],
    syntax: 'listen { isakmp 192.0.2.1 [500]; }',
    doc: 'Which addresses racoon listens on and where its admin socket lives. Without it racoon listens on every address of the host.',
  },
  {
    name: 'timer',
    sections: ['top'],
    opens: 'timer',
    forms: [[]],
    syntax: 'timer { … }',
    doc: 'Retransmission and timeout settings for the negotiations.',
  },
];

const PRIVSEP: readonly RacoonDirective[] = [
  {
    name: 'user',
    sections: ['privsep'],
    forms: [[choice([str('a user name')], [num('a uid')])]],
    syntax: 'user "racoon";',
    doc: 'The user the unprivileged racoon runs as: a quoted name or a numeric uid. racoon stops if the name does not exist.',
  },
  {
    name: 'group',
    sections: ['privsep'],
    forms: [[choice([str('a group name')], [num('a gid')])]],
    syntax: 'group "racoon";',
    doc: 'The group the unprivileged racoon runs as: a quoted name or a numeric gid.',
  },
  {
    name: 'chroot',
    sections: ['privsep'],
    forms: [[str('a directory')]],
    syntax: 'chroot "/var/lib/racoon";',
    doc: 'Directory the unprivileged racoon is locked into. It must contain `/dev/random`, `/dev/urandom`, the certificates and the Xauth banner; keys, psk.txt and scripts are read by the privileged side.',
  },
];

const PADDING: readonly RacoonDirective[] = [
  {
    name: 'randomize',
    sections: ['padding'],
    forms: [[ON_OFF]],
    syntax: 'randomize on;',
    doc: 'Fill the padding with random bytes. Default `on`.',
  },
  {
    name: 'randomize_length',
    sections: ['padding'],
    forms: [[ON_OFF]],
    syntax: 'randomize_length off;',
    doc: 'Use a random padding length. Default `off`.',
  },
  {
    name: 'maximum_length',
    sections: ['padding'],
    forms: [[num('a length in bytes')]],
    syntax: 'maximum_length 20;',
    doc: 'Largest padding, in bytes, when `randomize_length` is on; otherwise ignored. Default 20.',
  },
  {
    name: 'strict_check',
    sections: ['padding'],
    forms: [[ON_OFF]],
    syntax: 'strict_check off;',
    doc: 'Insist that the peer pads exactly as announced. Default `off`.',
  },
  {
    name: 'exclusive_tail',
    sections: ['padding'],
    forms: [[ON_OFF]],
    syntax: 'exclusive_tail on;',
    doc: 'Store the pad length minus one in the last padding byte. Default `on`.',
  },
];

const LISTEN: readonly RacoonDirective[] = [
  {
    name: 'isakmp',
    sections: ['listen'],
    forms: [[ADDRESS, optional(PORT)]],
    syntax: 'isakmp 192.0.2.1 [500];',
    doc: 'Listen for IKE on this address only; repeat it for more addresses. The port, in brackets, defaults to 500.',
  },
  {
    name: 'isakmp_natt',
    sections: ['listen'],
    forms: [[ADDRESS, optional(PORT)]],
    syntax: 'isakmp_natt 192.0.2.1 [4500];',
    doc: 'Like `isakmp`, but the socket also accepts UDP-encapsulated ESP for NAT traversal. Give at least one address with port `[4500]` when you use NAT-T; there is no default port.',
    requires: 'natt',
  },
  {
    name: 'strict_address',
    sections: ['listen'],
    forms: [[]],
    syntax: 'strict_address;',
    doc: 'Fail unless every listed `isakmp` address can be bound. Ignored when no address is listed.',
  },
  {
    name: 'adminsock',
    sections: ['listen'],
    forms: [
      [str('a socket path')],
      [str('a socket path'), str('an owner'), str('a group'), { kind: 'number', label: 'an octal mode', fileMode: true }],
      [keyword('disabled')],
    ],
    syntax: 'adminsock "/var/racoon/racoon.sock" "root" "operator" 0660;',
    doc: 'Path, owner, group and octal mode of the socket racoonctl talks to, or `disabled` to open none. Path, owner and group are quoted; the defaults are `/var/racoon/racoon.sock`, uid 0, gid 0 and mode 0600.',
    requires: 'adminport',
  },
];

const TIMER: readonly RacoonDirective[] = [
  {
    name: 'counter',
    sections: ['timer'],
    forms: [[num('a count')]],
    syntax: 'counter 5;',
    doc: 'How many times a packet is resent before giving up. Default 5.',
  },
  {
    name: 'interval',
    sections: ['timer'],
    forms: [DURATION],
    syntax: 'interval 10 sec;',
    doc: 'Time between resends. Default 10 seconds.',
  },
  {
    name: 'persend',
    sections: ['timer'],
    forms: [[num('a count')]],
    syntax: 'persend 1;',
    doc: 'How many copies of each packet are sent at once. Default 1.',
  },
  {
    name: 'phase1',
    sections: ['timer'],
    forms: [DURATION],
    syntax: 'phase1 15 sec;',
    doc: 'Longest time phase 1 may take. Default 15 seconds.',
  },
  {
    name: 'phase2',
    sections: ['timer'],
    forms: [DURATION],
    syntax: 'phase2 10 sec;',
    doc: 'Longest time phase 2 may take. Default 10 seconds.',
  },
  {
    name: 'natt_keepalive',
    sections: ['timer'],
    forms: [DURATION],
    syntax: 'natt_keepalive 20 sec;',
    doc: 'Time between NAT-T keep-alive packets. Default 20 seconds; `0 sec` turns them off.',
    requires: 'natt',
  },
];

export const GLOBAL_DIRECTIVES: readonly RacoonDirective[] = [...TOP_LEVEL, ...PATH_DIRECTIVES, ...PRIVSEP, ...PADDING, ...LISTEN, ...TIMER];
