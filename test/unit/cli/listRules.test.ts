import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_INFO } from '../../../server/src/checks/registry';
import type { ListedRule } from '../../../server/src/cli/ruleList';
import { run, workspace } from './cliRun';

const lineOf = (stdout: string, code: string): string | undefined => stdout.split('\n').find((line) => line.startsWith(`${code} `));

describe('ipsec-lint --list-rules', () => {
  it('prints every rule once, with its default severity, file kinds and title, and needs no path', () => {
    const result = run(['--list-rules'], workspace({}));
    assert.equal(result.status, 0);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.at(-1), `${RULE_INFO.length} rules, 0 set otherwise than by default`);
    for (const rule of RULE_INFO) {
      const line = lineOf(result.stdout, rule.code);
      assert.ok(line, rule.code);
      assert.match(line, new RegExp(`^${rule.code} +${rule.defaultSeverity} +\\S+ +`), rule.code);
      assert.ok(line.endsWith(rule.title), rule.code);
    }
    assert.match(lineOf(result.stdout, 'binary-content') ?? '', / all /);
    assert.match(lineOf(result.stdout, 'weak-psk') ?? '', / ipsec-secrets,racoon-psk /);
  });

  it('shows what .ipsec-lint.json and --rule make of a rule, next to its default', () => {
    const root = workspace({ '.ipsec-lint.json': JSON.stringify({ rules: { 'weak-psk': 'off', 'secrets-permissions': 'error' } }) });
    const result = run(['--list-rules', '--rule', 'secrets-permissions=info'], root);
    assert.match(lineOf(result.stdout, 'weak-psk') ?? '', /^weak-psk +off \(default warning\) /);
    assert.match(lineOf(result.stdout, 'secrets-permissions') ?? '', /^secrets-permissions +info \(default warning\) /);
    assert.match(result.stdout, /2 set otherwise than by default\n$/);
  });

  it('prints JSON with --format json, each rule with a link to its documentation', () => {
    const root = workspace({});
    const listed = JSON.parse(run(['--list-rules', '-f', 'json', '--rule', 'weak-psk=error'], root).stdout) as ListedRule[];
    assert.deepEqual(listed.map((rule) => rule.code), RULE_INFO.map((rule) => rule.code));
    const weak = listed.find((rule) => rule.code === 'weak-psk');
    assert.deepEqual({ ...weak, title: undefined }, { code: 'weak-psk', severity: 'error', defaultSeverity: 'warning', fileKinds: ['ipsec-secrets', 'racoon-psk'], title: undefined, docs: `${weak?.docs.split('#')[0]}#weak-psk` });
  });

  it('is refused with formats meant for findings, and checks the rule codes it is given', () => {
    const root = workspace({});
    const sarif = run(['--list-rules', '-f', 'sarif'], root);
    assert.equal(sarif.status, 2);
    assert.match(sarif.stderr, /--list-rules prints text or --format json, not sarif/);
    const unknown = run(['--list-rules', '--rule', 'no-such-rule=off'], root);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown rule code\(s\): no-such-rule/);
  });
});
