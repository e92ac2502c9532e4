import type { SyntaxProblem } from '../../checks/finding';

export interface SetkeyFile {
  readonly problems: readonly SyntaxProblem[];
}
