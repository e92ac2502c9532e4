import { DIALECT_TRAITS } from '../../knowledge/ipsecConf/dialects';
import type { DialectGuess } from '../../model/dialect';
import type { Fix } from '../finding';
import type { EffectiveConn } from '../../workspace/model';
import { libreswanIkev1Setting, libreswanIkeVersionOn } from '../../workspace/libreswanIkeVersion';
import { racoonPeering } from '../../workspace/racoonPeers';
import { defineWorkspaceRule } from '../workspaceRule';
import { ikeVersions } from './peerIkeVersionMismatch';
import { locate } from './peerReport';

export const racoonPeerIkeVersion = defineWorkspaceRule({
  code: 'racoon-peer-ike-version',
  fileKinds: ['ipsec', 'racoon'],
  defaultSeverity: 'error',
  title: 'A conn to a racoon host speaks only IKEv2',
  description:
    "racoon (ipsec-tools) speaks IKEv1 only. A conn whose other end is a racoon host of the workspace (the host's address, from `listen` or its own outbound setkey policies, and a `remote` of that host for this conn's address) must use IKEv1, or no IKE SA ever comes up. Libreswan 4 and 5 (and 3.28 to 3.32) speak exactly one version per conn and it is IKEv2 unless the conn says `keyexchange=ikev1` (Libreswan 5) or `ikev2=no` (`ikev2=never` or `permit` in Libreswan 4 and 3.28 on; before 3.28 a conn without `ikev2=` spoke both); for Openswan and strongSwan only an explicit IKEv2-only setting is reported. The quick fix sets `ikev2=no` (Libreswan 3 and 4, Openswan) or `keyexchange=ikev1` (Libreswan 5, strongSwan) in the conn itself; a value the conn inherits from `%default` or `also=` is left to you, since other conns share it.",
  check(model, report) {
    for (const { node, conn, peer } of racoonPeering(model).gatewayPeers) {
      if (speaksIkev1(conn, node.dialect) !== false) continue;
      const setting = conn.values.get('keyexchange') ?? conn.values.get('ikev2');
      const where = setting ? `${setting.setting.key.text}=${setting.value}` : `the ${daemonName(node.dialect)} default`;
      report({
        ...locate({ node, conn }, setting),
        conn: conn.name,
        message: `conn ${conn.name} speaks only IKEv2 (${where}), but its peer at ${peer.address} runs racoon, which speaks only IKEv1: no IKE SA can be set up; ${ikev1Advice(node.dialect)}`,
        related: [{ document: peer.remote.document, span: peer.remote.nameSpan, message: "the racoon host's remote for this gateway" }],
        fixes: ikev1Fix(conn, node.dialect),
      });
      report({
        document: peer.remote.document,
        span: peer.remote.nameSpan,
        message: `the gateway at ${peer.remote.name} (conn ${conn.name}) speaks only IKEv2 to this host, and racoon speaks only IKEv1: no IKE SA can be set up; that conn must use IKEv1`,
        related: [{ ...locate({ node, conn }, setting), message: `conn ${conn.name}` }],
      });
    }
  },
});

/** Whether the conn can speak IKEv1: false only when it is sure to speak IKEv2 alone. */
function speaksIkev1(conn: EffectiveConn, dialect: DialectGuess): boolean | undefined {
  const libreswan = dialect.choice?.dialect === 'libreswan' || (!dialect.choice && dialect.plausible.length === 1 && dialect.plausible[0] === 'libreswan');
  if (!libreswan) {
    const explicit = ikeVersions(conn)?.versions;
    return explicit === undefined ? undefined : explicit.has(1);
  }
  const version = libreswanIkeVersionOn(conn, dialect);
  return version === undefined ? undefined : version === 1;
}

function ikev1Advice(dialect: DialectGuess): string {
  const choice = dialect.choice;
  if (choice?.dialect === 'strongswan') return 'set keyexchange=ikev1';
  if (choice?.dialect === 'openswan') return 'set ikev2=no';
  if (choice?.dialect === 'libreswan') {
    const setting = libreswanIkev1Setting(dialect);
    return setting === 'keyexchange=ikev1' ? 'set keyexchange=ikev1, and ikev1-policy=accept in config setup' : `set ${setting}`;
  }
  return 'set keyexchange=ikev1 (Libreswan 5, strongSwan) or ikev2=no (Libreswan 4, Openswan)';
}

/**
 * Makes the conn speak IKEv1: the deciding setting rewritten where the conn itself writes it, or
 * a new line under the conn's header when it only has the default. A value it inherits from
 * `%default` or `also=` is left to the user, who knows what else shares it.
 */
function ikev1Fix(conn: EffectiveConn, dialect: DialectGuess): Fix[] | undefined {
  const { document, section } = conn.definition;
  const keyexchange = conn.values.get('keyexchange');
  const ikev2 = conn.values.get('ikev2');
  if (!keyexchange && !ikev2) {
    const [key, value] = ikev1Setting(dialect);
    const at = document.source.rangeOf({ start: section.header.end, end: section.header.end });
    return [{ title: `Use IKEv1 for conn ${conn.name} (${key}=${value})`, edits: [{ uri: document.uri, range: at, newText: `\n\t${key}=${value}` }] }];
  }
  const deciding = keyexchange && keyexchange.value.toLowerCase() !== 'ike' ? keyexchange : ikev2;
  if (!deciding || deciding.document.uri !== document.uri || !section.settings.includes(deciding.setting) || !deciding.setting.value) return undefined;
  const value = deciding.setting.key.text === 'keyexchange' ? 'ikev1' : 'no';
  return [{ title: `Use IKEv1 for conn ${conn.name} (${deciding.setting.key.text}=${value})`, edits: [{ uri: document.uri, range: document.source.rangeOf(deciding.setting.value.span), newText: value }] }];
}

/** The setting that asks each daemon for IKEv1 without a deprecation notice. */
function ikev1Setting(dialect: DialectGuess): [string, string] {
  const choice = dialect.choice;
  if (choice?.dialect === 'strongswan' || (choice?.dialect === 'libreswan' && choice.version?.startsWith('5'))) return ['keyexchange', 'ikev1'];
  return ['ikev2', 'no'];
}

function daemonName(dialect: DialectGuess): string {
  const choice = dialect.choice;
  if (!choice) return DIALECT_TRAITS.libreswan.label;
  const name = DIALECT_TRAITS[choice.dialect].label;
  const version = choice.version ?? choice.olderRelease;
  return version ? `${name} ${version}` : name;
}
