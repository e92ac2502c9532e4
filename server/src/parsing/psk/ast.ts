import type { SyntaxProblem } from '../../checks/finding';

export interface PskFile {
  readonly problems: readonly SyntaxProblem[];
}
