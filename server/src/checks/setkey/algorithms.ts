import { type Algorithm, type AlgorithmFlag, findAlgorithm } from '../../knowledge/setkey';
import type { AlgorithmSpec, SetkeyFile, SetkeyStatement, SetkeyToken } from '../../parsing/setkey/ast';

export interface NamedAlgorithm {
  readonly statement: SetkeyStatement;
  readonly spec: AlgorithmSpec;
  readonly name: SetkeyToken;
  readonly flag: AlgorithmFlag;
  /** Undefined when no setkey knows the name. */
  readonly algorithm?: Algorithm;
}

/** Every `-E`, `-A` and `-C` with a name, looked up in the catalogue. */
export function* namedAlgorithms(ast: SetkeyFile): Generator<NamedAlgorithm> {
  for (const statement of ast.statements) {
    for (const spec of statement.sa?.algorithms ?? []) {
      if (!spec.name) continue;
      const flag = spec.flag.text as AlgorithmFlag;
      yield { statement, spec, name: spec.name, flag, algorithm: findAlgorithm(flag, spec.name.text) };
    }
  }
}
