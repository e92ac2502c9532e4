import type { AddressSpec, IpsecRequest, SetkeyFile, SetkeyStatement } from '../../parsing/setkey/ast';

/** The addresses a statement names outside its policy requests: selectors, SA endpoints, the NAT-T original address. */
export function statementAddresses(statement: SetkeyStatement): AddressSpec[] {
  const { sa, policy } = statement;
  const found = [sa?.source, sa?.destination, sa?.natOriginalAddress, policy?.source, policy?.destination];
  return found.filter((address): address is AddressSpec => address !== undefined);
}

export interface RequestInStatement {
  readonly statement: SetkeyStatement;
  readonly request: IpsecRequest;
}

export function* policyRequests(ast: SetkeyFile): Generator<RequestInStatement> {
  for (const statement of ast.statements) {
    for (const request of statement.policy?.requests ?? []) yield { statement, request };
  }
}

/** The address family the `-4`/`-6` options ask for (the last one wins, as in setkey), and whether `-n` forbids names. */
export function addressOptions(statement: SetkeyStatement): { readonly family?: 'ipv4' | 'ipv6'; readonly numericOnly: boolean } {
  let family: 'ipv4' | 'ipv6' | undefined;
  let numericOnly = false;
  for (const option of statement.addressOptions) {
    for (const letter of option.text.slice(1)) {
      if (letter === '4') family = 'ipv4';
      else if (letter === '6') family = 'ipv6';
      else if (letter === 'n') numericOnly = true;
    }
  }
  return { family, numericOnly };
}

/** Whether the parser already reported a grammar problem inside the span (rules then stay quiet about it). */
export function hasSyntaxProblem(ast: SetkeyFile, span: { readonly start: number; readonly end: number }): boolean {
  return ast.problems.some((problem) => problem.span.start >= span.start && problem.span.start < span.end);
}
