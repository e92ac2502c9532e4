import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../helpers';

/** The gateways of examples/ with these country codes, as in-memory files under /ws/. */
export function exampleFiles(countries: readonly string[]): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[`/ws/${path.relative(path.join(REPO_ROOT, 'examples'), full)}`] = readFileSync(full);
    }
  };
  for (const country of countries) walk(path.join(REPO_ROOT, 'examples', country));
  return files;
}
