// Writes docs/rules.md from the rule registry, so the catalogue cannot drift from the code.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderRuleCatalogue } from '../server/src/checks/catalogue';

const target = path.resolve(process.argv[2] ?? 'docs/rules.md');
writeFileSync(target, renderRuleCatalogue());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
