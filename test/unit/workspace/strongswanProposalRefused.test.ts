import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strongswanProposalFaults } from '../../../server/src/workspace/strongswanProposalFaults';
import { readLoadVerdicts } from '../../../scripts/oracle/charon/loadSession';
import { PROPOSAL_CASES, proposalCasesConf } from './strongswanProposalCases';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';
import { lint } from '../../helpers';
import { workspaceFindings } from './workspaceFindings';

const REFUSAL_CODES = new Set(['strongswan-proposal-refused', 'strongswan-ike-no-dh']);

/** Our charon-refusal findings on the cases, per conn, for a gateway with the given `# ipsec-dialect:`. */
function refusals(dialect: string): Map<string, string[]> {
  const text = proposalCasesConf(`# ipsec-dialect: ${dialect}\n`);
  const lines = text.split('\n');
  const connAt = (line: number): string => {
    for (let i = line; i >= 0; i--) if (lines[i].startsWith('conn ')) return lines[i].slice(5);
    return '';
  };
  const byConn = new Map<string, string[]>();
  for (const f of workspaceFindings({ '/ws/a/ipsec.conf': text }, ['/ws/a/ipsec.conf']).filter((f) => REFUSAL_CODES.has(f.code))) {
    const conn = connAt(Number(f.at.split(':')[1]));
    byConn.set(conn, [...(byConn.get(conn) ?? []), `${f.code} ${f.severity}`]);
  }
  return byConn;
}

describe('strongswan-proposal-refused and strongswan-ike-no-dh against what charon 5.9.8 did', () => {
  it('an error on exactly the conns charon refused, one finding each, for a gateway pinned to 5.9.8', () => {
    const found = refusals('strongswan-5.9.8');
    for (const c of PROPOSAL_CASES) {
      const ours = found.get(c.conn) ?? [];
      if (c.charon === 'added') assert.deepEqual(ours, [], `${c.conn}: charon added it`);
      else assert.ok(ours.length >= 1 && ours.every((o) => o.endsWith(' error')), `${c.conn}: charon refused it, ours: ${ours.join(', ')}`);
    }
    assert.deepEqual(found.get('ike-no-dh'), ['strongswan-ike-no-dh error']);
    assert.deepEqual(found.get('ike-modpnone'), ['strongswan-ike-no-dh error']);
    assert.deepEqual(found.get('ike-aead-no-prf'), ['strongswan-proposal-refused error']);
  });

  it('no error of any rule, in the file or across files, on a conn charon loaded', () => {
    const text = proposalCasesConf('# ipsec-dialect: strongswan-5.9.8\n');
    const lines = text.split('\n');
    const connAt = (line: number): string => lines.slice(0, line + 1).reverse().find((l) => l.startsWith('conn '))?.slice(5) ?? '';
    const errors = [
      ...lint('ipsec', text).map((f) => ({ line: f.range.start.line, code: f.code, severity: f.severity })),
      ...workspaceFindings({ '/ws/a/ipsec.conf': text }, ['/ws/a/ipsec.conf']).map((f) => ({ line: Number(f.at.split(':')[1]), code: f.code, severity: f.severity })),
    ].filter((f) => f.severity === 'error');
    const loaded = new Set(PROPOSAL_CASES.filter((c) => c.charon === 'added').map((c) => c.conn));
    assert.deepEqual(errors.filter((f) => loaded.has(connAt(f.line))).map((f) => `${connAt(f.line)}: ${f.code}`), []);
  });

  it('a warning where only some releases the gateway may run refuse it, nothing where none does', () => {
    const unpinned = refusals('strongswan');
    assert.deepEqual(unpinned.get('ike-aead-no-prf'), ['strongswan-proposal-refused warning']);
    assert.deepEqual(unpinned.get('ike-no-dh'), ['strongswan-ike-no-dh warning']);
    assert.deepEqual(refusals('strongswan-6').get('ike-aead-no-prf'), ['strongswan-proposal-refused error']);
    // Before 5.5.1 charon checked nothing of a proposal's make-up (check_proposal returned nothing); an empty proposal it never read.
    assert.deepEqual([...refusals('strongswan-5.5.0').keys()], ['ike-trailing-comma', 'esp-empty-between', 'esp-blank-proposal', 'esp-mark-only']);
    // The integrity of an IKE proposal with a classic cipher is checked from 5.6.3.
    const before563 = refusals('strongswan-5.6.2');
    assert.equal(before563.get('ike-prf-no-integrity'), undefined);
    assert.deepEqual(before563.get('ike-mixed'), ['strongswan-proposal-refused error']);
    assert.deepEqual(refusals('strongswan-5.6').get('ike-prf-no-integrity'), ['strongswan-proposal-refused warning']);
  });

  it('refuses an empty proposal in every release, with a quick fix that drops the comma', () => {
    assert.deepEqual(refusals('strongswan-5.0.0').get('ike-trailing-comma'), ['strongswan-proposal-refused error']);
    const text = '# ipsec-dialect: strongswan-5.9.8\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n\tesp=aes128-sha256,,aes256-sha256!\n';
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': text })).model(['/ws/a/ipsec.conf']);
    const [finding, ...rest] = [...checkWorkspace(model).values()].flat().filter((f) => f.code === 'strongswan-proposal-refused');
    assert.equal(rest.length, 0);
    assert.equal(finding.message, 'the ESP list "aes128-sha256,,aes256-sha256!" holds an empty proposal, which charon cannot read; charon refuses it, and with it conn a; drop the extra comma');
    const [fix] = finding.fixes ?? [];
    assert.equal(fix.title, 'Write esp=aes128-sha256,aes256-sha256!');
    assert.equal(fix.preferred, true);
    assert.deepEqual(fix.edits.map((e) => [e.range.start.line, e.range.start.character, e.range.end.character, e.newText]), [[5, 5, 34, 'aes128-sha256,aes256-sha256!']]);
  });

  it('reads the list as starter hands it over, with the words after a blank joined in, and offers no rewrite of such a list', () => {
    const text = '# ipsec-dialect: strongswan-5.9.8\nconn a\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauto=add\n\tesp=aes128-sha256, ,aes256-sha256!\n\tike=aes256-sha256-modp2048, aes128-sha256-modp2048!\n';
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/a/ipsec.conf': text })).model(['/ws/a/ipsec.conf']);
    const findings = [...checkWorkspace(model).values()].flat().filter((f) => f.code.startsWith('strongswan-'));
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.message.slice(0, 55), f.fixes?.length ?? 0]), [[5, 'the ESP list "aes128-sha256, ,aes256-sha256!" holds an ', 0]]);
  });

  it('says nothing for a daemon other than strongSwan', () => {
    assert.deepEqual([...refusals('libreswan-5.2').keys()], []);
  });

  it('names the fault and the proposal in words a user can act on', () => {
    const text = proposalCasesConf('# ipsec-dialect: strongswan-5.9.8\n');
    const messages = workspaceFindings({ '/ws/a/ipsec.conf': text }, ['/ws/a/ipsec.conf']).filter((f) => f.code === 'strongswan-proposal-refused').map((f) => f.message);
    assert.ok(messages.includes('the IKE proposal "aes256gcm16-ecp384": it names no PRF, which an AEAD cipher does not bring: name one, such as prfsha384; charon refuses it, and with it conn ike-aead-no-prf, whatever other proposals the list holds'));
    assert.ok(messages.some((m) => m.startsWith('the ESP proposal "aes256-aes256gcm16-sha256": it mixes AEAD ciphers')));
    assert.ok(messages.some((m) => m.startsWith('the AH proposal "aes256": it names no integrity algorithm, which AH needs')));
    assert.ok(messages.some((m) => m.startsWith('the IKE proposal "aes256-sha256_96-modp2048": it names no PRF, and sha256_96 gives none')));
  });
});

describe('strongswanProposalFaults', () => {
  it('lists every fault of a proposal in the order charon checks them', () => {
    assert.deepEqual(
      strongswanProposalFaults('aes256!', 'ike').map((p) => p.faults.map((f) => f.kind)),
      [['no-prf', 'no-dh', 'no-integrity']],
    );
    assert.deepEqual(strongswanProposalFaults('sha256-modp2048, aes256gcm16-ecp256', 'ike').map((p) => p.text), ['sha256-modp2048', 'aes256gcm16-ecp256']);
  });

  it('leaves a proposal with a word charon does not read to bad-value, and reads words case-sensitively as charon does', () => {
    assert.deepEqual(strongswanProposalFaults('aes256-frodo', 'ike'), []);
    assert.deepEqual(strongswanProposalFaults('AES256-SHA256', 'ike'), []);
    // charon skips empty words.
    assert.deepEqual(strongswanProposalFaults('aes256--sha256-modp2048', 'ike'), []);
    assert.deepEqual(strongswanProposalFaults('aes256gcm16--ecp256', 'ike')[0].faults.map((f) => f.kind), ['no-prf']);
  });

  it("takes strongSwan 6's additional key exchanges for no DH group of their own", () => {
    assert.deepEqual(strongswanProposalFaults('aes256-sha256-ke1_mlkem768', 'ike')[0].faults.map((f) => f.kind), ['no-dh']);
    assert.deepEqual(strongswanProposalFaults('aes256-sha256-x25519-ke1_mlkem768-ke2_none', 'ike'), []);
  });
});

describe("reading charon's log for each conn's fate", () => {
  it('ties each line to the conn its thread received last, and counts a conn joined to another as added', () => {
    const log = [
      '10:00:00.001 05[CFG] received stroke: add connection \'a\'',
      '10:00:00.001 06[CFG] received stroke: add connection \'b\'',
      '10:00:00.002 05[CFG] a PRF algorithm is mandatory in IKE proposals',
      '10:00:00.002 06[CFG] added configuration \'b\'',
      '10:00:00.003 05[CFG] skipped invalid proposal string: aes256gcm16-ecp384',
      '10:00:00.004 07[CFG] received stroke: add connection \'c\'',
      '10:00:00.004 07[CFG] added child to existing configuration \'b\'',
      '10:00:00.005 08[CFG] received stroke: add connection \'d\'',
      '10:00:00.005 08[IKE] something else entirely',
    ].join('\n');
    const verdicts = readLoadVerdicts(log);
    assert.deepEqual(verdicts.get('a'), { verdict: 'refused', said: 'a PRF algorithm is mandatory in IKE proposals | skipped invalid proposal string: aes256gcm16-ecp384' });
    assert.deepEqual(verdicts.get('b'), { verdict: 'added', said: '' });
    assert.deepEqual(verdicts.get('c'), { verdict: 'added', said: '' });
    assert.equal(verdicts.has('d'), false);
  });
});
