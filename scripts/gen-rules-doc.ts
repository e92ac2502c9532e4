// Writes docs/rules.md, the .ipsec-lint.json schema and the rule codes of package.json's ipsec.rules
// setting from the rule registry, so none of them can drift from the code.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderRuleCatalogue } from '../server/src/checks/catalogue';
import { renderConfigSchema, ruleSeverityProperties } from '../server/src/config/configSchema';

const outputs: Array<[string, string]> = [
  [path.resolve(process.argv[2] ?? 'docs/rules.md'), renderRuleCatalogue()],
  [path.resolve(process.argv[3] ?? 'schemas/ipsec-lint.schema.json'), renderConfigSchema()],
];
for (const [target, text] of outputs) {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}

// package.json is plain two-space JSON, so writing it back changes only the rule codes.
const manifestPath = path.resolve('package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
manifest.contributes.configuration.properties['ipsec.rules'].properties = ruleSeverityProperties();
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write('wrote the rule codes of ipsec.rules in package.json\n');
