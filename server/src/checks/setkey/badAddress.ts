import type { SetkeyToken } from '../../parsing/setkey/ast';
import { defineRule } from '../rule';

/** Why an address (with optional /prefix and [port]) is impossible, or undefined when it may be fine. */
export function addressProblem(text: string): string | undefined {
  const withoutPort = text.replace(/\[[^\]]*\]$/, '');
  const [address, prefix, extra] = withoutPort.split('/');
  if (extra !== undefined) return 'has more than one "/"';
  if (/[<>{}()]/.test(address)) return 'is a placeholder, not an address';
  const ipv4 = /^\d+\.\d+\.\d+\.\d+$/.test(address);
  if (ipv4 && address.split('.').some((octet) => Number(octet) > 255)) return 'has a number over 255';
  if (prefix !== undefined) {
    const max = address.includes(':') ? 128 : 32;
    if (!/^\d+$/.test(prefix) || Number(prefix) > max) return `has the prefix /${prefix}; it must be 0 to ${max}`;
  }
  return undefined;
}

function addressTokens(statement: { command: SetkeyToken; args: readonly SetkeyToken[]; policy?: { source?: SetkeyToken; destination?: SetkeyToken } }): SetkeyToken[] {
  if (statement.policy) return [statement.policy.source, statement.policy.destination].filter((t): t is SetkeyToken => t !== undefined);
  if (/^(add|get|delete|deleteall)$/.test(statement.command.text)) return statement.args.filter((t) => !t.text.startsWith('-')).slice(0, 2);
  return [];
}

export const setkeyBadAddress = defineRule({
  code: 'setkey-bad-address',
  fileKinds: ['setkey'],
  defaultSeverity: 'error',
  title: 'An address or prefix is impossible',
  description: 'Addresses such as `192.0.2.300`, prefixes such as `/33`, or placeholders copied from documentation (`<vpn-server>/32`) make setkey refuse the statement.',
  check(document, report) {
    for (const statement of document.ast.statements) {
      for (const token of addressTokens(statement)) {
        const problem = addressProblem(token.text);
        if (problem) report({ span: token.span, message: `"${token.text}" ${problem}: write a real address, e.g. 192.0.2.1/32` });
      }
    }
  },
});
