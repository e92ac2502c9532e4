import path from 'node:path';
import { describeProblems, EMPTY_CONFIG, findConfigFile, isRegularFile, loadConfigFile, type ProjectConfig } from '../config/projectConfig';

export type CliConfig = { readonly ok: true; readonly config: ProjectConfig; readonly notes: string[] } | { readonly ok: false; readonly error: string };

/**
 * The settings file the CLI runs with: the one named by --config, none with --no-config,
 * otherwise the nearest .ipsec-lint.json from the working folder up. Ignored parts come back
 * as notes; a file that cannot be used at all is an error, as a wrong flag would be.
 */
export function loadCliConfig(given: string | null | undefined, cwd: string): CliConfig {
  if (given === null) return { ok: true, config: EMPTY_CONFIG, notes: [] };
  const filePath = given !== undefined ? path.resolve(cwd, given) : findConfigFile(cwd, isRegularFile);
  if (filePath === undefined) return { ok: true, config: EMPTY_CONFIG, notes: [] };
  const shown = path.relative(cwd, filePath) || filePath;
  const { config, problems } = loadConfigFile(filePath);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, error: `${describeProblems(shown, errors).join('\n')} (fix it, or run with --no-config)` };
  return { ok: true, config, notes: describeProblems(shown, problems) };
}
