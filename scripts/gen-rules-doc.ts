// Writes docs/rules.md and the .ipsec-lint.json schema from the rule registry, so neither can drift from the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderRuleCatalogue } from '../server/src/checks/catalogue';
import { renderConfigSchema } from '../server/src/config/configSchema';

const outputs: Array<[string, string]> = [
  [path.resolve(process.argv[2] ?? 'docs/rules.md'), renderRuleCatalogue()],
  [path.resolve(process.argv[3] ?? 'schemas/ipsec-lint.schema.json'), renderConfigSchema()],
];
for (const [target, text] of outputs) {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
