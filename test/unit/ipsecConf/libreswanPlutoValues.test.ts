import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { badValue } from '../../../server/src/checks/ipsecConf/badValue';
import { libreswanMarkProblem } from '../../../server/src/checks/ipsecConf/values/libreswanMark';
import { lint } from '../../helpers';
import { refusedConns } from '../workspace/refusedConns';

/** `severity: message` of bad-value's findings on a conn with these lines. */
function check(release: string, lines: string): string[] {
  const header = release === '' ? '# ipsec-dialect: libreswan\n' : `# ipsec-dialect: libreswan-${release}\n`;
  return lint('ipsec', `${header}conn a\n${lines.split('\n').map((l) => `\t${l}`).join('\n')}\n`, [badValue]).map((f) => `${f.severity}: ${f.message}`);
}

/**
 * Marks as pluto read them (value, read by 5.2, read by 5.3.2 and 5.4): 5.2 logged "bad mark value"
 * or "has bits outside mask" and added the conn; 5.3.2 and 5.4 refused it. Seen in one run of each.
 */
const MARKS: ReadonlyArray<readonly [mark: string, read52: boolean, read53: boolean]> = [
  ['0xzz', false, false],
  ['08', false, false],
  ['0b101', false, true],
  ['+5', true, false],
  ['-1/0xff', false, false],
  ['20/', false, false],
  ['-2', false, false],
  ['0x100000000', false, false],
  ['20/0xf', false, false],
  ['-1/0xffffffff', true, true],
  ['0x', false, false],
  ['-0', true, true],
  ['0b2', false, false],
  ['20/-1', false, false],
  ['0X1F/0XFF', true, true],
  ['abc', false, false],
  ['1/0x1ffffffff', false, false],
  ['20/0xffffffff', true, true],
];

describe('Libreswan marks', () => {
  it('reads a mark as 5.2 and as 5.3 on did, each release by its own reader', () => {
    for (const [mark, read52, read53] of MARKS) {
      assert.equal(libreswanMarkProblem(mark, { dialect: 'libreswan', version: '5.2' }) === undefined, read52, `5.2: ${mark}`);
      assert.equal(libreswanMarkProblem(mark, { dialect: 'libreswan', version: '5.3.2' }) === undefined, read53, `5.3.2: ${mark}`);
      assert.equal(libreswanMarkProblem(mark, { dialect: 'libreswan', version: '5' }) === undefined, read52 || read53, `5: ${mark}`);
    }
    assert.equal(libreswanMarkProblem('0xzz', { dialect: 'strongswan' }), undefined);
  });

  it('is only a warning from bad-value, which says what each release does (libreswan-conn-refused judges the conn)', () => {
    assert.deepEqual(check('5.2', 'mark=0xzz'), ['warning: mark: "0xzz" is not read as a mark (such as 20/0xffffffff); before 5.3 pluto only logs it and adds the conn with another mark than meant']);
    assert.deepEqual(check('5.4', 'mark-in=0xzz'), ['warning: mark-in: "xzz" after the number is no part of a mark (such as 20/0xffffffff); from 5.3 pluto refuses to add a conn that negotiates with it (a shunt does not read it)']);
    assert.match(check('', 'mark-out=20/0xf')[0], /^warning: mark-out: the mark 0x14 has bits outside its mask 0xf; before 5\.3 .*; from 5\.3 /);
    assert.deepEqual(check('5.4', 'mark=20/0xffffffff\nmark-in=0x1\nmark-out=-1'), []);
  });
});

describe('bad-value: dead peer detection times on Libreswan 5', () => {
  it('is a warning, since pluto reads them only where DPD runs (5.0, 5.2 and 5.4 added IKEv2 conns with dpdtimeout=5x)', () => {
    for (const release of ['5.0', '5.2', '5.4', '5']) {
      for (const line of ['dpdtimeout=5x', 'dpddelay=5x']) {
        const found = check(release, line);
        assert.equal(found.length, 1, `${release} ${line}`);
        assert.match(found[0], /^warning: .*; Libreswan 5 reads it only where it runs dead peer detection/);
      }
    }
    assert.match(check('5.2', 'ikev1-dpdtimeout=5x')[0], /^warning: /);
    assert.match(check('', 'dpdtimeout=5x')[0], /^warning: .*Libreswan 4 loads the file and keeps the default; Libreswan 5 reads it only/);
    assert.match(check('4.10', 'dpdtimeout=5x')[0], /^warning: .*Libreswan 4 loads the file and keeps the default$/);
  });
});

describe('bad-value: config setup addresses pluto gets over', () => {
  const setup = (release: string, line: string) => lint('ipsec', `# ipsec-dialect: libreswan-${release}\nconfig setup\n\t${line}\n`, [badValue]).map((f) => `${f.severity}: ${f.message}`);

  it('is a warning that says what pluto does: 4.10, 5.0, 5.2, 5.3.2 and 5.4 started and added a conn with each', () => {
    for (const release of ['4.10', '5.0', '5.2', '5.3.2', '5.4']) {
      assert.deepEqual(setup(release, 'listen=10.3.0.300'), ['warning: listen: 300 in "10.3.0.300" is larger than 255; pluto ignores it and listens on every interface'], release);
      assert.match(setup(release, 'virtual-private=%v4:10.0.0.0/8,%v4:10.3.0.300/24')[0], /^warning: .*; pluto drops the whole list \("none loaded"\)/, release);
      assert.match(setup(release, 'global-redirect-to=10.3.0.300')[0], /^warning: .*; pluto starts all the same and reads the address only when it redirects$/, release);
    }
    assert.match(setup('4.10', 'virtual_private=%v4:10.3.0.300/24')[0], /^warning: /);
  });

  it('stays an error where pluto or addconn refuses the file', () => {
    assert.match(setup('5.4', 'uniqueids=maybe')[0], /^error: /);
  });
});

/**
 * Values each release's pluto read differently (R refused, L added, - not tried; 5.0, 5.2, 5.3.2,
 * 5.4), seen in the good-value sweep (`npm run test:pluto-add -- --values`) and in shunts
 * (`type=passthrough`), 2026-12-04: ipsec-lint, bad-value and libreswan-conn-refused together, errs
 * exactly where the conn was refused.
 */
const RANGES: ReadonlyArray<readonly [settings: string, verdicts: string]> = [
  ['reqid=0', 'LLRR'],
  ['leftikeport=0', 'LLRR'],
  ['metric=0', 'LLLR'],
  ['tcp-remoteport=0', 'LLLR'],
  ['ikepad=1', 'LLLR'],
  ['ikepad=0', 'LLLR'],
  ['ikepad=auto', 'LLLL'],
  ['nic-offload=auto', 'LLLR'],
  ['nic-offload=yes', 'LLLL'],
  ['phase2=default', 'LLLR'],
  ['leftgroundhog=y', 'RRLL'],
  ['leftgroundhog=true', 'LLLL'],
  ...['reqid=0', 'leftikeport=0', 'metric=0', 'tcp-remoteport=0', 'ikepad=1', 'nic-offload=auto', 'phase2=default'].map((line) => [`type=passthrough|authby=never|${line}`, '-LLL'] as const),
  ['type=passthrough|authby=never|leftgroundhog=y', '-RLL'],
];

describe('ranges and words that changed between Libreswan 5 releases', () => {
  const conns = RANGES.map(([settings], row) => `conn r${row}\n\tleft=192.0.2.1\n\tright=192.0.2.${20 + row}\n${(settings.includes('authby=') ? settings : `authby=secret|${settings}`).split('|').map((line) => `\t${line}\n`).join('')}\tauto=add\n`);
  for (const [index, release] of ['5.0', '5.2', '5.3.2', '5.4'].entries()) {
    it(`errs exactly where Libreswan ${release}'s pluto refused the conn`, () => {
      const ours = refusedConns(release, 'config setup\n\tikev1-policy=accept\n', conns);
      for (const [row, [settings, verdicts]] of RANGES.entries()) if (verdicts[index] !== '-') assert.equal(ours[row], verdicts[index] === 'R', `${release}: ${settings}`);
    });
  }

  it('is a warning from bad-value where a shunt takes it, an error where no conn does', () => {
    assert.match(check('5.4', 'metric=0')[0], /^warning: .*; pluto refuses to add a conn that negotiates with it \(a shunt does not read it\)$/);
    assert.match(check('5.2', 'leftgroundhog=y')[0], /^error: /);
  });
});

/**
 * `config setup` times (R: pluto did not start, L: it started and added a conn; 5.0, 5.1, 5.2,
 * 5.3.2, 5.4), seen in the good-value setup sweep, 2026-12-04.
 */
const SETUP_TIMES: ReadonlyArray<readonly [line: string, verdicts: string]> = [
  ['ocsp-timeout=2h', 'LRRRR'],
  ['ocsp-timeout=2m', 'LLLLL'],
  ['ocsp-timeout=2ms', 'LRRRR'],
  ['curl-timeout=2w', 'LRRRR'],
  ['ocsp-cache-min-age=2ms', 'LRRRR'],
  ['ocsp-timeout=2hours', 'LLLRR'],
  ['keep-alive=2minutes', 'LLLRL'],
  ['expire-shunt-interval=2h', '---RR'],
  ['expire-shunt-interval=2m', '---LL'],
];

describe('bad-value: config setup times pluto checks at start', () => {
  for (const [index, release] of ['5.0', '5.1', '5.2', '5.3.2', '5.4'].entries()) {
    it(`errs exactly where Libreswan ${release}'s pluto did not start`, () => {
      for (const [line, verdicts] of SETUP_TIMES) {
        if (verdicts[index] === '-') continue;
        const errs = lint('ipsec', `# ipsec-dialect: libreswan-${release}\nconfig setup\n\t${line}\n`, [badValue]).some((f) => f.severity === 'error');
        assert.equal(errs, verdicts[index] === 'R', `${release}: ${line}`);
      }
    });
  }
});
