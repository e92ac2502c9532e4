import type { SyntaxProblem } from '../../checks/finding';

export interface RacoonFile {
  readonly problems: readonly SyntaxProblem[];
}
