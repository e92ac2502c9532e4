import { pinnedBeforeModelledLibreswan } from '../../model/dialect';
import { authbyWords, nodeRunsLibreswan } from '../../workspace/authMethods';
import { mayBeLoaded } from '../../workspace/autoStarts';
import { libreswanIkev1Policy, type Ikev1Policy } from '../../workspace/ikev1Policy';
import { inRange, type VersionRange } from '../../knowledge/ipsecConf/versions';
import { libreswanIkeVersion, libreswanMajors, libreswanReleases, type LibreswanMajor } from '../../workspace/libreswanIkeVersion';
import type { EffectiveConn } from '../../workspace/model';
import { yesNoReading } from '../../text/yesNo';
import { defineWorkspaceRule } from '../workspaceRule';
import { reportIkev1Refusal } from './ikev1PolicyRefusal';
import { derivedAuthMix, eapOnlyWithoutEap, eddsaBefore54, shuntEndAuth } from './libreswanAuthRefusals';
import { additionalKeyExchange, ahReadAsEsp, cipherInAhList, cipherInEspUnderAh, dhInIntegrityPlace, ellipticPfsOnIkev1, groupsLeftOutOfBuild, integrityAsEspCipher, integrityRefusals, listBesidePhase2alg, phase2ListConflicts } from './libreswanProposalRefusals';
import { isShunt, SIDES, word, type Refusal } from './libreswanRefusal';
import { clientWithPeerPool, interfaceIpWithSourceIp, noNarrowingWithPool, packetOffload, sourceIpOutside, sourceIpWithoutSubnet, strongswanSourceIps, strongswanSubnets, marginPastLongestLifetime, unreadableMarks, unreadableTimes, valuesCheckedWhenNegotiating, unreadableNexthop, subnetsWithoutPeerSubnet } from './libreswanSettingRefusals';
import { unreadableCkaid, unreadableKeys } from './libreswanKeyRefusals';
import { bothEndsPools, clientFamilyConflict, endFamilyRefusals, hostFamilyConflict, hostClientFamily4, ikev1Ipv6Pool, ipv6PoolAsRange, modecfgBothEnds, modecfgRoleClashes, poolAtZero, poolOverlaps, poolValueRefusals, poolWithSubnets } from './libreswanPoolRefusals';
import { locate, rewriteValue } from './peerReport';

interface Combination {
  /** The Libreswan releases whose pluto refuses it (seen with 4.10 and with each release from 5.0 to 5.4). */
  readonly majors: readonly LibreswanMajor[];
  /** Within those majors, only these releases, when not all of them refuse it. */
  readonly releases?: readonly VersionRange[];
  /**
   * Whether a shunt (`type=passthrough`, `drop`, `reject`), which pluto adds without negotiating
   * anything, is refused for it too: by default yes; else only in these releases (none: never).
   */
  readonly shunts?: readonly VersionRange[];
  readonly find: (conn: EffectiveConn, ikeVersion: 1 | 2 | undefined, majors: readonly LibreswanMajor[], releases: readonly string[]) => Refusal[];
}

/** The end methods addconn reads up to 5.2 (kw_auth_list). */
const AUTH_WORDS_TO_5_2: ReadonlySet<string> = new Set(['never', 'secret', 'rsasig', 'rsa', 'ecdsa', 'null', 'eaponly']);

/** `aggressive=` (or its old name `aggrmode=`) asking for Aggressive Mode: any yes spelling, and 1 (seen: y, true, on and 1 refused on IKEv2 like yes). */
function aggressiveMode(conn: EffectiveConn) {
  const at = conn.values.get('aggressive') ?? conn.values.get('aggrmode');
  const word = at?.value.trim().toLowerCase() ?? '';
  return at && (yesNoReading(word) === 'yes' || word === '1') ? at : undefined;
}

const positive = (conn: EffectiveConn, key: string): boolean => /^[1-9]\d*$/.test(word(conn, key) ?? '');

function tcpRemotePort(conn: EffectiveConn, refused: readonly string[]): Refusal[] {
  const port = word(conn, 'tcp-remoteport');
  const tcp = word(conn, 'enable-tcp');
  const over = (tcp === 'yes' || tcp === 'fallback') && !isShunt(conn);
  return over && port !== undefined && refused.includes(port) ? [{ at: conn.values.get('tcp-remoteport'), why: `tcp-remoteport=${port} for IKE over TCP`, remedy: 'use another port, such as 4500' }] : [];
}

const COMBINATIONS: readonly Combination[] = [
  // 5.3 on take the other end's method from authby= (seen with 5.3, 5.3.1, 5.3.2 and 5.4).
  {
    majors: [4, 5],
    releases: [{ until: '5.3' }],
    shunts: [],
    find: (conn, ike) => {
      // 5.0 to 5.2's addconn skips a word it does not know ("keyword ignored"), leaving the end unset; 4.x's refuses it (bad-value).
      const [left, right] = SIDES.map((side) => (AUTH_WORDS_TO_5_2.has(word(conn, `${side}auth`) ?? '') ? conn.values.get(`${side}auth`) : undefined));
      // With IKEv1 either one is refused on its own (ikev1-authby says so); derivedAuthMix words a mix with authby= for every release.
      if (ike === 1 || (left === undefined) === (right === undefined) || derivedAuthMix(conn).length > 0) return [];
      const set = left ?? right;
      return [{ at: set, why: `${set?.setting.key.text}= is set but ${left ? 'rightauth' : 'leftauth'}= is not`, remedy: 'set both or neither' }];
    },
  },
  {
    majors: [4, 5],
    shunts: [],
    find: (conn) =>
      SIDES.flatMap((side) => {
        const id = conn.values.get(`${side}id`);
        const auth = word(conn, `${side}auth`) ?? word(conn, 'authby');
        return id?.value.trim() === '%fromcert' && (auth === 'secret' || auth === 'null') ? [{ at: id, why: `${side}id=%fromcert with ${auth === 'null' ? 'NULL authentication' : 'a pre-shared key'} (there is no certificate to take the ID from)`, remedy: `write the ID itself in ${side}id=` }] : [];
      }),
  },
  {
    majors: [4, 5],
    shunts: [],
    find: (conn, ike) => {
      const authby = word(conn, 'authby');
      if (ike === 1 || authby === undefined) return [];
      const methods = authbyWords(authby);
      return SIDES.flatMap((side) => {
        const auth = conn.values.get(`${side}auth`);
        const family = word(conn, `${side}auth`) === 'rsasig' ? 'rsa' : word(conn, `${side}auth`) === 'ecdsa' ? 'ecdsa' : undefined;
        return auth && family && !methods.some((method) => method.startsWith(family)) ? [{ at: auth, why: `${side}auth=${auth.value} but authby=${authby} allows no ${family === 'rsa' ? 'RSA' : 'ECDSA'} signature`, remedy: `add that method to authby= or change ${side}auth=` }] : [];
      });
    },
  },
  // Libreswan 5 reads no proposal of a shunt (5.0 to 5.4 added shunts with each of these); 4.10 parses ah= still.
  { majors: [4, 5], shunts: [], find: integrityRefusals },
  { majors: [4, 5], shunts: [{ until: '5.0' }], find: cipherInAhList },
  // 5.3 reads only ah= under phase2=ah; 5.4 refuses any esp= there (phase2ListConflicts).
  { majors: [4, 5], releases: [{ until: '5.3' }], shunts: [{ until: '5.0' }], find: cipherInEspUnderAh },
  { majors: [4, 5], shunts: [], find: integrityAsEspCipher },
  { majors: [4, 5], releases: [{ until: '5.3' }], shunts: [{ until: '5.0' }], find: ahReadAsEsp },
  { majors: [5], releases: [{ from: '5.3', until: '5.4' }], shunts: [], find: listBesidePhase2alg },
  { majors: [5], releases: [{ from: '5.4' }], shunts: [], find: phase2ListConflicts },
  { majors: [4, 5], releases: [{ until: '5.4' }], shunts: [], find: dhInIntegrityPlace },
  { majors: [4, 5], shunts: [], find: groupsLeftOutOfBuild },
  { majors: [4, 5], releases: [{ until: '5.4' }], shunts: [], find: ellipticPfsOnIkev1 },
  { majors: [4], releases: [{ from: '4.6' }], find: subnetsWithoutPeerSubnet },
  // 4.6 to 4.15: "host protocol IPv6 conflicts with client protocol IPv4" (seen with 4.10, which takes a pool of either family).
  { majors: [4], releases: [{ from: '4.6' }], shunts: [], find: hostClientFamily4 },
  // 5.x: "address family of leftaddresspool=... conflicts with right=..." (seen with 5.2).
  { majors: [5], shunts: [], find: endFamilyRefusals },
  { majors: [5], releases: [{ until: '5.3' }], shunts: [], find: clientFamilyConflict },
  { majors: [5], releases: [{ from: '5.3' }], shunts: [], find: hostFamilyConflict },
  { majors: [5], shunts: [], find: poolValueRefusals },
  { majors: [4, 5], releases: [{ from: '4.4' }], shunts: [], find: poolAtZero },
  { majors: [5], releases: [{ until: '5.2' }], shunts: [], find: ipv6PoolAsRange },
  { majors: [4, 5], releases: [{ from: '4.4' }], shunts: [], find: bothEndsPools },
  { majors: [5], releases: [{ from: '5.2' }], shunts: [], find: ikev1Ipv6Pool },
  { majors: [5], shunts: [], find: poolWithSubnets },
  { majors: [5], shunts: [], find: modecfgRoleClashes },
  { majors: [5], shunts: [], find: modecfgBothEnds },
  { majors: [4, 5], shunts: [], find: unreadableKeys },
  { majors: [5], shunts: [], find: unreadableCkaid },
  { majors: [4, 5], shunts: [], find: (conn, ike) => (ike === 1 ? [] : eapOnlyWithoutEap(conn)) },
  { majors: [5], releases: [{ from: '5.3' }], find: unreadableNexthop },
  // A shunt skips them: pluto reads them among the settings of negotiating conns.
  { majors: [5], shunts: [], find: (conn, ike, _majors, releases) => unreadableTimes(conn, ike, releases) },
  { majors: [5], releases: [{ from: '5.3' }], shunts: [], find: unreadableMarks },
  { majors: [5], shunts: [], find: (conn, _ike, _majors, releases) => marginPastLongestLifetime(conn, releases) },
  { majors: [5], shunts: [], find: (conn, _ike, _majors, releases) => valuesCheckedWhenNegotiating(conn, releases) },
  // 4.10 adds it and ignores aggressive=; 5.x: "cannot specify aggressive mode with IKEv2" (seen with 5.2).
  // 5.0 to 5.3 refuse a shunt with it too, 5.4 takes it.
  {
    majors: [5],
    shunts: [{ until: '5.4' }],
    find: (conn, ike) => {
      const at = aggressiveMode(conn);
      return ike === 2 && at ? [{ at, why: `${at.setting.key.text}=${at.value.trim()} on an IKEv2 conn (Aggressive Mode is IKEv1's)`, remedy: `drop ${at.setting.key.text}=, or use keyexchange=ikev1 with the peer` }] : [];
    },
  },
  {
    majors: [5],
    shunts: [{ until: '5.4' }],
    find: (conn, ike) => {
      const at = aggressiveMode(conn);
      return ike === 1 && at && !conn.values.has('ike') ? [{ at, why: `${at.setting.key.text}=${at.value.trim()} without ike= (Libreswan 5 wants the one proposal of Aggressive Mode named)`, remedy: 'set ike=, for example ike=aes256-sha2;modp2048' }] : [];
    },
  },
  {
    majors: [4, 5],
    shunts: [],
    find: (conn) => {
      const [left, right] = SIDES.map((side) => word(conn, `${side}auth`));
      const mixed = (left === 'secret' && right === 'null') || (left === 'null' && right === 'secret');
      return mixed ? [{ at: conn.values.get('leftauth'), why: `leftauth=${left} with rightauth=${right} (a pre-shared key and NULL authentication do not mix)`, remedy: 'use the same one on both ends, or a signature on one' }] : [];
    },
  },
  // IKEv1 takes no end method at all (ikev1-authby).
  { majors: [4, 5], shunts: [], find: (conn, ike) => (ike === 1 ? [] : derivedAuthMix(conn)) },
  { majors: [4, 5], releases: [{ until: '5.4' }], shunts: [], find: additionalKeyExchange },
  { majors: [4, 5], find: (conn) => (word(conn, 'type') === 'transport' && positive(conn, 'tfc') ? [{ at: conn.values.get('tfc'), why: 'tfc= (traffic flow confidentiality padding) with type=transport', remedy: 'drop tfc= or use type=tunnel' }] : []) },
  { majors: [4, 5], find: (conn) => (word(conn, 'type') === 'transport' && conn.values.has('vti-interface') ? [{ at: conn.values.get('vti-interface'), why: 'vti-interface= with type=transport (a VTI needs tunnel mode)', remedy: 'use type=tunnel or drop vti-interface=' }] : []) },
  { majors: [4, 5], find: (conn) => (word(conn, 'authby') === 'never' && !isShunt(conn) ? [{ at: conn.values.get('authby'), why: 'authby=never without a shunt type', remedy: 'add type=passthrough, drop or reject, or choose an authentication method' }] : []) },
  // 5.3 on take the shunt and ignore authby= (seen with 5.3.2 and 5.4).
  {
    majors: [4, 5],
    releases: [{ until: '5.3' }],
    find: (conn) => {
      const type = conn.values.get('type');
      const authby = conn.values.get('authby');
      return type && authby && isShunt(conn) && word(conn, 'authby') !== 'never' ? [{ at: authby, why: `type=${type.value} with authby=${authby.value} (a shunt authenticates nothing)`, remedy: 'use authby=never' }] : [];
    },
  },
  { majors: [4, 5], releases: [{ until: '5.3' }], find: shuntEndAuth },
  { majors: [5], releases: [{ from: '5.3', until: '5.4' }], shunts: [], find: eddsaBefore54 },
  {
    majors: [4],
    find: (conn) => {
      const type = conn.values.get('type');
      return type && !conn.values.has('authby') && isShunt(conn) ? [{ at: type, why: `type=${type.value} without authby=never (Libreswan 4 wants it said)`, remedy: 'add authby=never' }] : [];
    },
  },
  // 5.x adds a shunt with these (seen with 5.0 to 5.4), 4.10 refuses it.
  {
    majors: [4, 5],
    shunts: [{ until: '5.0' }],
    find: (conn, ike) =>
      ike !== 1
        ? []
        : [
            ['mobike', 'yes'],
            ['enable-tcp', 'yes'],
            ['enable-tcp', 'fallback'],
          ].flatMap(([key, value]) => (word(conn, key) === value ? [{ at: conn.values.get(key), why: `${key}=${value} on an IKEv1 conn (IKEv2 only)`, remedy: `drop ${key}= or use IKEv2` }] : [])),
  },
  // 5.2 and 5.3 test the wrong value: they refuse narrowing=no on IKEv1 and add narrowing=yes (seen with 5.2).
  {
    majors: [4, 5],
    releases: [{ until: '5.2' }, { from: '5.4' }],
    shunts: [{ until: '5.0' }],
    find: (conn, ike) => (ike === 1 && word(conn, 'narrowing') === 'yes' ? [{ at: conn.values.get('narrowing'), why: 'narrowing=yes on an IKEv1 conn (IKEv2 only)', remedy: 'drop narrowing= or use IKEv2' }] : []),
  },
  {
    majors: [5],
    releases: [{ from: '5.2', until: '5.4' }],
    // 5.2 refuses a shunt with it too, 5.3 takes it.
    shunts: [{ until: '5.3' }],
    find: (conn, ike) => (ike === 1 && word(conn, 'narrowing') === 'no' ? [{ at: conn.values.get('narrowing'), why: 'narrowing=no on an IKEv1 conn (5.2 and 5.3 take it for narrowing=yes, which needs IKEv2)', remedy: 'drop narrowing=' }] : []),
  },
  // 4.x refuses 0 and 500; 5.x takes 0 for the default port, 4500.
  { majors: [4, 5], shunts: [], find: (conn) => tcpRemotePort(conn, ['500']) },
  { majors: [4], shunts: [], find: (conn) => tcpRemotePort(conn, ['0']) },
  {
    majors: [4, 5],
    find: (conn) => {
      const ports = SIDES.map((side) => conn.values.get(`${side}protoport`));
      return ports.every((p) => p !== undefined && /\/%any$/i.test(p.value.trim())) ? [{ at: ports[1], why: 'leftprotoport= and rightprotoport= both with a %any port', remedy: 'name the port on one of the two ends' }] : [];
    },
  },
  { majors: [4, 5], shunts: [{ until: '5.0' }], find: (conn) => (word(conn, 'phase2') === 'ah' && positive(conn, 'tfc') ? [{ at: conn.values.get('tfc'), why: 'tfc= with phase2=ah (there is no ESP to pad)', remedy: 'drop tfc=' }] : []) },
  // 5.x hands the text to pluto, which reads numeric addresses only; 4.x's addconn refuses these itself (bad-value, for a gateway on 4.x alone).
  {
    majors: [4, 5],
    find: (conn, _ike, majors) => (majors.includes(5) ? strongswanSourceIps(conn) : []),
  },
  { majors: [5], shunts: [], find: packetOffload },
  // 5.0 to 5.3 refuse a shunt with it too, 5.4 takes it.
  { majors: [5], shunts: [{ until: '5.4' }], find: clientWithPeerPool },
  // 5.2 and 5.3 refuse a shunt with it too, 5.4 takes it.
  { majors: [5], releases: [{ from: '5.2' }], shunts: [{ until: '5.4' }], find: noNarrowingWithPool },
  // 4.x takes any source address; each 5.x wants it inside the subnet, and 5.0 wants a subnet with it at all.
  { majors: [5], find: sourceIpOutside },
  { majors: [5], releases: [{ until: '5.1' }], find: sourceIpWithoutSubnet },
  { majors: [5], find: interfaceIpWithSourceIp },
  // As for sourceip: Libreswan 4's addconn refuses these subnets itself (bad-value).
  { majors: [4, 5], find: (conn, _ike, majors) => (majors.includes(5) ? strongswanSubnets(conn) : []) },
];

export const libreswanConnRefused = defineWorkspaceRule({
  code: 'libreswan-conn-refused',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "Libreswan's pluto refuses to add the conn",
  description:
    "`addconn --checkconfig` passes these conns, but pluto refuses them when they are added (\"failed to add connection\"), so the tunnel never exists: before 5.3, `leftauth=` without `rightauth=` (or the reverse) on IKEv2 (from 5.3 the unset end takes its method from `authby=`; `leftauth=null` with `authby=secret`, or the reverse, is refused either way); `leftauth=rsasig` (or `ecdsa`) with an `authby=` that allows no such signature; `leftid=%fromcert` with a pre-shared key or NULL authentication; `tfc=` or `vti-interface=` with `type=transport`; `authby=never` on a conn that is no shunt, and before 5.3 a shunt (`type=passthrough`, `drop`, `reject`) with another `authby=`, or with a `leftauth=` other than `never` (5.3 on ignore both); `mobike=yes` or `enable-tcp=` on IKEv1; `narrowing=yes` on IKEv1 (except in 5.2 and 5.3, which refuse `narrowing=no` instead: they test the wrong value); `%any` ports in both protoports; `tcp-remoteport=500` with IKE over TCP; `tfc=` with `phase2=ah`, and a cipher in the phase 2 list with `phase2=ah`; an integrity algorithm where `esp=` names its cipher (`esp=sha1`), and before 5.3, where `ah=` is another name for `esp=`, `ah=sha1` without `phase2=ah`; in 5.3 a list beside `phase2alg=` under a written `phase2=`, and from 5.4 the other protocol's list (`esp=` with `phase2=ah`, `ah=` with ESP, which is the default unless only `ah=` is set) or `phase2alg=` beside the protocol's own; an `ike=`, `esp=` or `phase2alg=` proposal whose cipher is not AEAD with `none` or `null` integrity, and an ESP AEAD cipher with an integrity algorithm (\"non-AEAD … cannot have 'NONE'\", \"AEAD … must have 'NONE' as the integrity algorithm\"); an additional key exchange (`addke1=`), or the key exchange named 5.4's way (`ke=`), in a proposal before 5.4, and a DH group right after the cipher (`esp=aes-modp2048`, where strongSwan's spelling meets Libreswan's parser) before 5.4; `leftauth=secret` with `rightauth=null` (or the reverse); and with Libreswan 5 `aggressive=yes` (or `aggrmode=`, in any yes spelling) on IKEv2, and on IKEv1 without `ike=`, and `nic-offload=packet` on anything but plain ESP in transport mode, and `leftmodecfgclient=yes` (or `leftcat=yes`) with `rightaddresspool=`, and from 5.2 `narrowing=no` with an address pool; a proposal with MODP-1024 (`modp1024`) or DH group 22, 23 or 24, which builds from 4.0 leave out unless asked for, or MODP-768, which they lack (`USE_DH2`; \"IKE DH algorithm 'modp1024' is not supported\", seen with Debian's 4.10; a warning, since a build may have them); `leftauth=eaponly` without an EAP method (`leftautheap=`); from 5.3 a `leftnexthop=` other than an address, `%defaultroute` or `%direct` (a name, `%any`, an interface), which pluto reads itself from then on, and a `mark=`, `mark-in=` or `mark-out=` it cannot read as `value[/mask]` (`0xzz`, `08`, a mask too small for the value; 5.3 on refuse what earlier releases only logged); with Libreswan 5 a `dpddelay=` that is no duration on IKEv2, and on IKEv1 a `dpddelay=` or `dpdtimeout=` that is none when both are set (pluto reads them only then; a shunt reads neither), and from 5.3 such a `retransmit-interval=` (5.0 to 5.3 read fewer forms there than elsewhere: no unit spelt out like `2minutes`, and 5.0 and 5.1 no fraction), a `rekeymargin=` that with its `rekeyfuzz=` reaches past 24 hours, the longest lifetime pluto allows (5.0 to 5.3 skip a margin with its unit spelt out), with 5.0 to 5.2 a `clientaddrfamily=` of the other family than an end's traffic, and from 5.3 a `hostaddrfamily=` of another family than the literal hosts; from 4.6 to 4.15 a `leftsubnet=` of another IP family than the hosts while the other end has no subnet (its traffic is then its own address; a pool does not count there), and `leftsubnets=` while the other end has neither `rightsubnet=` nor `rightsubnets=` (addconn then adds nothing, silently); before 5.4 an elliptic DH group (ECP-256, -384, -521, Curve25519) for PFS in the `esp=` of an IKEv1 conn (\"ESP DH algorithm 'dh19' is not supported by IKEv1\"; Quick Mode takes MODP groups there); with Libreswan 5 two ends whose traffic (each end's subnets, else its address pool, else its own address) is not of the same IP families, and an address pool list with an empty entry or a range written downwards (each with a quick fix that fix-all applies too), an IPv6 range that is no CIDR block (5.0 and 5.1 take IPv6 only as address/prefix), two ranges of one family, `leftaddresspool=` with `leftsubnets=`, `leftmodecfgserver=yes` with `leftaddresspool=`, `leftmodecfgclient=yes`, or `leftcat=yes`, `leftmodecfgclient=yes` with `rightcat=yes`, both ends Mode Config servers (or clients), and from 5.2 an IPv6 pool on IKEv1; from 4.4 a pool that starts at the all-zero address, or one on each end; and in every release a pool that overlaps another added conn's pool without being the same range (the daemon keeps one pool per range and refuses whichever conn comes second; reported on the later one in the files); in every release a key written inline (`leftrsasigkey=`, `leftecdsakey=`, `leftpubkey=`, unless the end names its certificate) that is no text pluto reads as bytes: without the `0s`/`0x` prefix, with a blank, a placeholder's dots or another character outside its encoding, or cut short, or whose bytes make no key: an RSA key (RFC 3110) with a modulus under 64 bytes or over 1025 or an exponent running past its end, an ECDSA point of a length that names no curve (64, 96 or 132 bytes, optionally after 0x04), a `leftpubkey=` that is no SubjectPublicKeyInfo, and with Libreswan 5 such a `leftckaid=` (Libreswan 4's addconn refuses it itself: a `bad-value`); a `leftsourceip=` written the strongSwan way, `%config` or a pool, and with Libreswan 5 one outside `leftsubnet=` (or, without a subnet, other than the address in `left=`, which 5.0 refuses too: it wants a subnet with any source address), and with Libreswan 5 both `leftinterface-ip=` and `leftsourceip=` on one end, and with 5.3 `authby=eddsa` (EdDSA came with 5.4; earlier releases' addconn refuse it: a `bad-value`), and a `leftsubnet=` with strongSwan's `%dynamic` (or another `%` word) or a protocol and port in brackets (for a gateway on Libreswan 4 alone these are a `bad-value`, since its addconn refuses them itself); and with Libreswan 4 also a shunt without `authby=never` and `tcp-remoteport=0`. An IKEv1 conn is refused unless `config setup` says `ikev1-policy=accept` (\"global ikev1-policy does not allow IKEv1 connections\"): Libreswan 5 drops IKEv1 by default, and so do Debian's and Ubuntu's packages from 4.5 on (Debian's 4.10 refused it here). That is an error where every release the gateway may run refuses it (a 5.x gateway, or `ikev1-policy=drop` or `reject`), else a warning; the quick fix adds `ikev1-policy=accept` to config setup, and fix-all leaves it alone, since it opens the whole gateway to IKEv1. Each was seen refused by the pluto of Libreswan 4.10, 5.0, 5.1, 5.2, 5.3, 5.3.1, 5.3.2 and 5.4 where the releases say so (the pools, Mode Config roles, families, keys, next hops and `eaponly` by those of 4.10, 5.0, 5.1, 5.2, 5.3.2 and 5.4, and pools in Libreswan's own tests). A shunt negotiates nothing, so Libreswan 5's pluto reads neither its proposals (4.x still parses its `ah=`, and its `esp=` under `phase2=ah`) nor, from 5.3, its authentication, and takes IKEv1-only settings on one; from 5.4 also `aggressive=yes`, `narrowing=no` with a pool and `leftmodecfgclient=yes` with the other end's pool: the checks of those let shunts by. Judged after `%default` and `also=`, for gateways known to run Libreswan (`# ipsec-dialect: libreswan-…` or the setting); a case only some releases refuse only where the gateway is pinned to those. Files pinned to a 3.x release are left alone: no 3.x pluto was measured, and 3.x had no IKEv1 policy.",
  checkNode(node, _model, report) {
    // Other daemons take most of these, and an unknown dialect says too little to warn on them;
    // what a 3.x pluto refused was never measured.
    if (nodeRunsLibreswan(node) !== 'yes' || pinnedBeforeModelledLibreswan(node.dialect)) return;
    const majors = libreswanMajors(node.dialect);
    const releases = libreswanReleases(node.dialect);
    const everyRelease = (ranges: readonly VersionRange[] | undefined) => !ranges || releases.every((release) => ranges.some((range) => inRange(range, release)));
    const applicable = COMBINATIONS.filter((combination) => majors.every((major) => combination.majors.includes(major)) && everyRelease(combination.releases));
    const forShunts = applicable.filter((combination) => everyRelease(combination.shunts));
    let ikev1Policy: Ikev1Policy | undefined;
    const refusals = new Map<EffectiveConn, Refusal[]>();
    for (const conn of node.effective.values()) {
      if (!mayBeLoaded(node, conn)) continue;
      const ike = libreswanIkeVersion(conn, majors);
      if (ike === 1) reportIkev1Refusal(node, conn, (ikev1Policy ??= libreswanIkev1Policy(node)), report);
      refusals.set(conn, (isShunt(conn) ? forShunts : applicable).flatMap((combination) => combination.find(conn, ike, majors, releases)));
    }
    const loaded = [...refusals.keys()];
    const overlaps = poolOverlaps(loaded.filter((conn) => !isShunt(conn)), (conn) => (refusals.get(conn)?.length ?? 0) > 0);
    for (const conn of loaded) {
      for (const refusal of [...(refusals.get(conn) ?? []), ...(overlaps.get(conn) ?? [])]) {
        report({
          ...locate({ node, conn }, refusal.at?.via === 'self' ? refusal.at : undefined),
          conn: conn.name,
          message: `conn ${conn.name}: Libreswan's pluto refuses to add it: ${refusal.why}; ${refusal.remedy}`,
          severity: refusal.severity,
          related: refusal.related?.map(({ at, message }) => ({ ...locate({ node, conn }, at), message })),
          fixes: refusal.at && refusal.rewrite ? rewriteValue(refusal.at, refusal.rewrite.title, refusal.rewrite.newText) : undefined,
        });
      }
    }
  },
});
