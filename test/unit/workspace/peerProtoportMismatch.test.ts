import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GATEWAY_HEAD, pairFindings } from './workspaceFindings';

const HEADS = { ...GATEWAY_HEAD, libreswan5: '# ipsec-dialect: libreswan-5\nconfig setup\n' } as const;
type Head = keyof typeof HEADS;
type Version = 'v1' | 'v2';

const L2TP = { own: '17/1701', peer: '17/1701' };

/** The IKE version in each daemon's words: Libreswan's ikev2=, strongSwan's keyexchange=. */
function versionLine(head: Head, version: Version): string {
  if (head === 'strongswan') return version === 'v1' ? '\tkeyexchange=ikev1\n' : '\tkeyexchange=ikev2\n';
  return version === 'v1' ? '\tikev2=no\n' : '\tikev2=insist\n';
}

function selectorLines(own: string | undefined, peer: string | undefined): string {
  return `${own === undefined ? '' : `\tleftprotoport=${own}\n`}${peer === undefined ? '' : `\trightprotoport=${peer}\n`}`;
}

interface End {
  readonly head: Head;
  readonly own?: string;
  readonly peer?: string;
  /** More settings for the conn. */
  readonly extra?: string;
}

/** Gateway a (192.0.2.1) and b (192.0.2.2) in transport mode, each with its selectors for its own end and the peer's. */
function protoportFindings(a: End, b: End, version: Version = 'v2') {
  const conn = (end: End, self: string, peer: string, name: string) =>
    `${HEADS[end.head]}conn ${name}\n\tleft=192.0.2.${self}\n\tleftid=@${self}.example\n\tright=192.0.2.${peer}\n\trightid=@${peer}.example\n\tauthby=secret\n\ttype=transport\n${versionLine(end.head, version)}${selectorLines(end.own, end.peer)}${end.extra ?? ''}\tauto=start\n`;
  return pairFindings('peer-protoport-mismatch', conn(a, '1', '2', 'b'), conn(b, '2', '1', 'a'));
}

const severities = (findings: ReturnType<typeof protoportFindings>) => findings.map((f) => f.severity);

describe('peer-protoport-mismatch', () => {
  it('is silent when both ends name the same selectors, in any spelling, or none', () => {
    assert.deepEqual(protoportFindings({ head: 'libreswan', ...L2TP }, { head: 'libreswan', ...L2TP }), []);
    assert.deepEqual(protoportFindings({ head: 'libreswan', own: 'udp/1701', peer: '17/1701' }, { head: 'strongswan', own: '17/1701', peer: 'UDP/1701' }), []);
    assert.deepEqual(protoportFindings({ head: 'libreswan' }, { head: 'strongswan' }), []);
  });

  it('is an error on both files when the selectors share no traffic, whatever the daemons', () => {
    for (const [aHead, bHead] of [['libreswan', 'libreswan'], ['strongswan', 'strongswan'], ['libreswan', 'strongswan'], ['unknown', 'unknown']] as const) {
      const findings = protoportFindings({ head: aHead, ...L2TP }, { head: bHead, own: '17/1701', peer: '6/1701' });
      assert.deepEqual(severities(findings), ['error', 'error'], `${aHead} with ${bHead}`);
    }
    const [onB, onA] = protoportFindings({ head: 'strongswan', ...L2TP }, { head: 'strongswan', own: '17/1701', peer: '17/1702' }, 'v1').sort((x, y) => x.message.localeCompare(y.message));
    assert.match(onB.message, /^leftprotoport=17\/1701 here, but the peer \(conn a in b\/ipsec.conf\) expects rightprotoport=17\/1702: the traffic selectors share no traffic, so the Child SA is refused/);
    assert.match(onA.message, /^rightprotoport=17\/1702 here, but the peer \(conn b in a\/ipsec.conf\) has leftprotoport=17\/1701/);
    assert.deepEqual(onA.fixes?.map((f) => f.title), ["Use the peer's value: rightprotoport=17/1701"]);
  });

  it('is an error between two Libreswan gateways over IKEv2 when the selectors overlap but differ (refused either way, seen with 4.10 and 5.2)', () => {
    assert.deepEqual(severities(protoportFindings({ head: 'libreswan', ...L2TP }, { head: 'libreswan', own: '17/1701', peer: '17/%any' })), ['error', 'error']);
    assert.deepEqual(severities(protoportFindings({ head: 'libreswan5', ...L2TP }, { head: 'libreswan5', own: '17/1701', peer: '17/%any' })), ['error', 'error']);
    const unrestricted = protoportFindings({ head: 'libreswan', ...L2TP }, { head: 'libreswan' });
    // Two ends differ, each reported on both files.
    assert.deepEqual(severities(unrestricted), ['error', 'error', 'error', 'error']);
    assert.ok(unrestricted.some((f) => /^no rightprotoport= \(any protocol and port\) here, but the peer \(conn b in a\/ipsec.conf\) has leftprotoport=17\/1701: Libreswan takes only its own traffic selectors unless a conn says narrowing=yes/.test(f.message)));
  });

  it('is a warning where Libreswan holds the narrower selector, or over IKEv1 anywhere: refused when one side starts the tunnel', () => {
    // strongSwan b takes any port of a's, Libreswan a only 1701: a refuses b's wider proposal.
    assert.deepEqual(severities(protoportFindings({ head: 'libreswan', ...L2TP }, { head: 'strongswan', own: '17/1701', peer: '17/%any' })), ['warning', 'warning']);
    assert.deepEqual(severities(protoportFindings({ head: 'libreswan', ...L2TP }, { head: 'libreswan', own: '17/1701', peer: '17/%any' }, 'v1')), ['warning', 'warning']);
    // Libreswan holds the wider selector: strongSwan narrows over IKEv2, but Libreswan refuses the narrowed reply over IKEv1.
    assert.deepEqual(protoportFindings({ head: 'strongswan', ...L2TP }, { head: 'libreswan', own: '17/1701', peer: '17/%any' }), []);
    assert.deepEqual(severities(protoportFindings({ head: 'strongswan', ...L2TP }, { head: 'libreswan', own: '17/1701', peer: '17/%any' }, 'v1')), ['warning', 'warning']);
    // An undetected daemon may be Libreswan.
    const unknown = protoportFindings({ head: 'unknown', ...L2TP }, { head: 'unknown', own: '17/1701', peer: 'udp' });
    assert.deepEqual(severities(unknown), ['warning', 'warning']);
    assert.match(unknown[0].message, /Libreswan and Openswan do not narrow traffic selectors \(strongSwan does\), so the Child SA is refused at least when one of the two sides starts the tunnel/);
  });

  it('is silent between two strongSwan gateways whose selectors overlap: they narrow them (seen with 5.9.8, IKEv1 and IKEv2)', () => {
    for (const version of ['v1', 'v2'] as const) {
      assert.deepEqual(protoportFindings({ head: 'strongswan', ...L2TP }, { head: 'strongswan', own: '17/1701', peer: '17/%any' }, version), []);
      assert.deepEqual(protoportFindings({ head: 'strongswan', ...L2TP }, { head: 'strongswan' }, version), []);
    }
  });

  it('takes a Libreswan end with narrowing=yes (IKEv2) for one that narrows (seen with 4.10)', () => {
    // Both Libreswan ends narrow: as between strongSwan gateways.
    assert.deepEqual(protoportFindings({ head: 'libreswan', ...L2TP, extra: '\tnarrowing=yes\n' }, { head: 'libreswan', own: '17/1701', extra: '\tnarrowing=yes\n' }), []);
    // Only the narrower end narrows: it came up either way.
    assert.deepEqual(protoportFindings({ head: 'libreswan', ...L2TP, extra: '\tnarrowing=yes\n' }, { head: 'libreswan' }), []);
    // Only the wider end narrows: refused when it starts the tunnel.
    assert.deepEqual(severities(protoportFindings({ head: 'libreswan', ...L2TP }, { head: 'libreswan', extra: '\tnarrowing=yes\n' })), ['warning', 'warning', 'warning', 'warning']);
    // A Libreswan end of a strongSwan peer.
    assert.deepEqual(protoportFindings({ head: 'libreswan', ...L2TP, extra: '\tnarrowing=yes\n' }, { head: 'strongswan', own: '17/1701', peer: '17/%any' }), []);
    // Still an error where the selectors share nothing.
    assert.deepEqual(severities(protoportFindings({ head: 'libreswan', ...L2TP, extra: '\tnarrowing=yes\n' }, { head: 'libreswan', own: '17/1701', peer: '6/1701', extra: '\tnarrowing=yes\n' })), ['error', 'error']);
  });

  it('leaves selectors that name a service or an ICMP type to the daemon', () => {
    assert.deepEqual(protoportFindings({ head: 'libreswan', own: 'udp/l2tp', peer: 'udp/l2tp' }, { head: 'libreswan', own: '17/1701', peer: '17/1701' }), []);
    assert.deepEqual(protoportFindings({ head: 'libreswan', own: 'icmp/8', peer: 'icmp/8' }, { head: 'libreswan', own: 'icmp/0', peer: 'icmp/0' }), []);
  });
});
