import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isCidrBlock, overlapsInexactly, readPools, type PoolRange } from '../../../server/src/workspace/addressPools';
import { collectFiles } from '../../../server/src/workspace/collectFiles';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import { makeTempDir } from '../../tempDir';
import { refusedConns } from './refusedConns';
import type { Finding } from '../../../server/src/checks/finding';

const RELEASES = ['4.10', '5.0', '5.1', '5.2', '5.3.2', '5.4'] as const;

/**
 * Address pools, Mode Config roles and address families, each conn added to the pluto of
 * Libreswan 4.10 (Debian) and of 5.0, 5.1, 5.2, 5.3.2 and 5.4 (built from their tags) with
 * `npm run test:pluto-add`'s AddSession, 2026-12-04, in this order. The first `o` conn stayed added while the others were
 * added and deleted again, so its pool was the daemon's. H6: IPv6 hosts, else IPv4; IKEV1: IKEv1
 * as each release spells it. R = refused (by addconn or pluto), L = added, ? = 4.10 said nothing.
 */
const SEEN: readonly (readonly [string, string])[] = [
  ['leftaddresspool=0.0.0.0-0.0.0.254', 'RRRRRR'],
  ['leftaddresspool=0.0.0.0/24', 'RRRRRR'],
  ['H6|leftaddresspool=::/120', 'RRRRRR'],
  ['H6|leftaddresspool=2001:db8::1-2001:db8::ff', 'RRRRRR'],
  ['H6|leftaddresspool=2001:db8:5::-2001:db8:5::ff', 'RRRLLL'],
  ['leftaddresspool=,192.168.11.0/24', 'RRRRRR'],
  ['leftaddresspool=192.168.12.0/24,', 'RRRRRR'],
  ['leftaddresspool=192.168.13.0/24,,192.168.14.0/24', 'RRRRRR'],
  ['leftaddresspool=192.168.15.0/24,192.168.16.0/24', 'RRRRRR'],
  ['leftaddresspool=192.168.17.0/24|rightaddresspool=192.168.18.0/24', 'RRRRRR'],
  ['leftaddresspool=192.168.19.0/24|leftmodecfgserver=yes', 'LRRRRR'],
  ['leftmodecfgserver=yes|leftmodecfgclient=yes', 'LRRRRR'],
  ['leftmodecfgserver=yes|leftcat=yes', 'LRRRRR'],
  ['leftmodecfgclient=yes|rightcat=yes', 'LRRRRR'],
  ['leftmodecfgserver=yes|rightmodecfgserver=yes', 'LRRRRR'],
  ['leftmodecfgclient=yes|rightmodecfgclient=yes', 'LRRRRR'],
  ['leftaddresspool=192.168.20.0/24|leftsubnets={10.0.0.0/24}', '?RRRRR'],
  ['H6|leftaddresspool=192.168.21.0/24', 'LRRRRR'],
  ['H6|leftaddresspool=192.168.22.0/24|rightsubnet=192.168.2.0/24', 'RLLLLL'],
  ['H6|leftsubnet=10.1.0.0/24', 'RRRRRR'],
  ['leftsubnet=10.2.0.0/24,2001:db8:2::/64|rightsubnet=10.3.0.0/24', 'RRRRRR'],
  ['H6|IKEV1|leftaddresspool=2001:db8:0:3:1::/97', 'LLLRRR'],
  ['leftaddresspool=192.168.23.1', 'LLLLLL'],
  ['leftaddresspool=192.168.24.5/24', 'LLLLLL'],
  ['leftaddresspool=192.168.25.200-192.168.25.100', 'RRRRRR'],
  ['leftsubnet=10.4.0.0/24|rightsubnet=2001:db8:4::/64', 'RRRRRR'],
  ['leftsubnet=10.5.0.0/24,2001:db8:5::/64|rightsubnet=10.6.0.0/24,2001:db8:6::/64', 'RLLLLL'],
  ['rightsubnet=2001:db8:7::/64', 'RRRRRR'],
  ['leftaddresspool=192.168.29.0/24|rightsubnet=0.0.0.0/0', 'LLLLLL'],
  ['leftaddresspool=192.168.30.0/24,2001:db8:30::/112|rightsubnet=0.0.0.0/0', 'RRRRRR'],
  ['leftaddresspool=2001:db8:31::/112|rightsubnet=::/0', 'RLLLLL'],
  ['leftaddresspool=10.9.0.0/28', 'LLLLLL'],
  ['leftaddresspool=10.9.0.0/24', 'RRRRRR'],
  ['leftaddresspool=10.9.0.0/28', 'LLLLLL'],
  ['leftaddresspool=10.9.0.8-10.9.0.20', 'RRRRRR'],
  ['leftaddresspool=10.9.0.16-10.9.0.20', 'LLLLLL'],
  // An IPv6 pool written with host bits (session 38, from a user's report; each release on its own): 5.x takes it for the end's traffic.
  ['leftsubnet=::/0|rightaddresspool=2001:db8:0:0:c::1/97', 'RLLLLL'],
];

function connText(index: number, body: string, release: string): string {
  const parts = body.split('|');
  const hosts = parts.includes('H6') ? ['2001:db8:1:2::45', '2001:db8:1:2::23'] : ['192.1.2.45', '192.1.2.23'];
  const ikev1 = release.startsWith('4.') ? 'ikev2=no' : 'keyexchange=ikev1';
  const lines = parts.filter((part) => part !== 'H6').map((part) => (part === 'IKEV1' ? ikev1 : part));
  return `conn c${index}\n\tleft=${hosts[0]}\n\tright=${hosts[1]}\n\tleftid=@west\n\trightid=@east\n\tauthby=secret\n${lines.map((line) => `\t${line}\n`).join('')}\tauto=add\n\n`;
}

/** For each conn of SEEN, whether ipsec-lint pinned to `release` says it does not load. */
function refusedByUs(release: string): boolean[] {
  return refusedConns(release, 'config setup\n\tikev1-policy=accept\n', SEEN.map(([body], index) => connText(index, body, release)));
}

/** The libreswan-conn-refused findings of a gateway on 5.4 with a conn per body, and its ipsec.conf's lines. */
function refusalsOf(bodies: readonly string[]): { findings: Finding[]; lines: string[] } {
  const root = makeTempDir('ipsec-pools-');
  mkdirSync(path.join(root, 'etc'));
  const text = `# ipsec-dialect: libreswan-5.4\nconfig setup\n\n${bodies.map((body, index) => connText(index, body, '5.4')).join('')}`;
  writeFileSync(path.join(root, 'etc', 'ipsec.conf'), text);
  const findings = lintWorkspace(collectFiles([root]).files).flatMap((report) => report.findings.filter((finding) => finding.code === 'libreswan-conn-refused'));
  return { findings, lines: text.split('\n') };
}

describe('Libreswan address pools, Mode Config roles and families, by release', () => {
  for (const [index, release] of RELEASES.entries()) {
    it(`refuses exactly the conns Libreswan ${release} refused`, () => {
      const ours = refusedByUs(release);
      for (const [row, [body, verdicts]] of SEEN.entries()) {
        if (verdicts[index] !== '?') assert.equal(ours[row], verdicts[index] === 'R', `${body} on ${release}`);
      }
    });
  }

  it('points an overlapping pool at the pool it overlaps', () => {
    const { findings, lines } = refusalsOf(['leftaddresspool=10.9.0.0/28', 'leftaddresspool=10.9.0.0/24']);
    assert.equal(findings.length, 1);
    assert.match(lines[findings[0].range.start.line], /10\.9\.0\.0\/24/);
    const [related] = findings[0].related ?? [];
    assert.match(lines[related.range.start.line], /10\.9\.0\.0\/28/);
    assert.match(related.message, /conn c0/);
  });

  it('offers to drop an empty entry and to turn a downward range round', () => {
    const { findings, lines } = refusalsOf(['leftaddresspool=10.8.0.0/24,,2001:db8:8::/112', 'leftaddresspool=10.7.0.9-10.7.0.1']);
    const fixes = findings.flatMap((finding) => finding.fixes ?? []);
    assert.deepEqual(
      fixes.map((fix) => [fix.title, fix.edits.map((edit) => edit.newText), fix.preferred]),
      [
        ['Write leftaddresspool=10.8.0.0/24,2001:db8:8::/112', ['10.8.0.0/24,2001:db8:8::/112'], true],
        ['Write leftaddresspool=10.7.0.1-10.7.0.9', ['10.7.0.1-10.7.0.9'], true],
      ],
    );
    const [first] = fixes[0].edits;
    assert.equal(lines[first.range.start.line].slice(first.range.start.character, first.range.end.character), '10.8.0.0/24,,2001:db8:8::/112');
  });

  it('says nothing for a gateway not known to run Libreswan', () => {
    const root = makeTempDir('ipsec-pools-');
    mkdirSync(path.join(root, 'etc'));
    writeFileSync(path.join(root, 'etc', 'ipsec.conf'), `config setup\n\n${connText(0, 'leftaddresspool=0.0.0.0/24', '5.4')}${connText(1, 'H6|leftaddresspool=192.168.21.0/24', '5.4')}`);
    const codes = lintWorkspace(collectFiles([root]).files).flatMap((report) => report.findings.map((finding) => finding.code));
    assert.deepEqual(codes.filter((code) => code === 'libreswan-conn-refused'), []);
  });
});

describe('reading address pools', () => {
  const ranges = (value: string): readonly PoolRange[] => {
    const reading = readPools(value);
    assert.equal(reading?.kind, 'ranges', value);
    return reading.kind === 'ranges' ? reading.ranges : [];
  };

  it('reads ranges, blocks and single addresses of both families', () => {
    assert.deepEqual(
      ranges('10.0.0.1-10.0.0.9, 2001:db8::/126').map((r) => [r.family, r.first, r.last]),
      [
        [4, 0x0a000001n, 0x0a000009n],
        [6, 0x20010db8n << 96n, (0x20010db8n << 96n) + 3n],
      ],
    );
    assert.deepEqual(ranges('192.0.2.7').map((r) => [r.first, r.last]), [[0xc0000207n, 0xc0000207n]]);
  });

  it('tells empty fields and reversed ranges apart, and leaves what it cannot read unjudged', () => {
    assert.deepEqual(readPools(' ,10.0.0.0/24'), { kind: 'empty-field' });
    assert.deepEqual(readPools('10.0.0.0/24 , ,10.1.0.0/24'), { kind: 'empty-field' });
    assert.deepEqual(readPools('10.0.0.9-10.0.0.1'), { kind: 'reversed', range: '10.0.0.9-10.0.0.1' });
    for (const unread of ['%pool', 'pool.example', '10.0.0.5/24', '10.0.0.0/33', '10.0.0.1-2001:db8::1', '']) assert.equal(readPools(unread), undefined, unread);
  });

  it('knows a CIDR block and an inexact overlap', () => {
    const [block] = ranges('2001:db8::-2001:db8::ff');
    const [notBlock] = ranges('2001:db8::1-2001:db8::ff');
    assert.equal(isCidrBlock(block), true);
    assert.equal(isCidrBlock(notBlock), false);
    const [a] = ranges('10.9.0.0/28');
    const [same] = ranges('10.9.0.0-10.9.0.15');
    const [wider] = ranges('10.9.0.0/24');
    const [apart] = ranges('10.9.0.16-10.9.0.20');
    assert.equal(overlapsInexactly(a, same), false);
    assert.equal(overlapsInexactly(a, wider), true);
    assert.equal(overlapsInexactly(a, apart), false);
  });
});
