import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SEVERITIES, type SeveritySetting } from '../checks/finding';
import { findRule, RULE_INFO } from '../checks/registry';
import type { DialectSetting } from '../model/dialect';
import { DIALECT_SETTING_HELP, parseDialectSetting } from './dialectSetting';
import { closestName } from '../text/editDistance';

/** The repository's own settings, shared by the CLI and the editor: `.ipsec-lint.json`. */
export const CONFIG_FILE_NAME = '.ipsec-lint.json';

export interface ProjectConfig {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly dialect?: DialectSetting;
  /** Names or globs of files and folders to leave out, matched against each path segment. */
  readonly exclude: readonly string[];
}

export const EMPTY_CONFIG: ProjectConfig = { rules: {}, exclude: [] };

export interface ConfigProblem {
  /** An error makes the file unusable; a warning names a part that is ignored. */
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface LoadedConfig {
  readonly filePath: string;
  readonly config: ProjectConfig;
  readonly problems: readonly ConfigProblem[];
}

const KNOWN_KEYS = ['$schema', 'rules', 'dialect', 'exclude'];
const SEVERITY_SETTINGS: readonly string[] = [...SEVERITIES, 'off'];

/** Reads the file's text; on any error the configuration is empty and the problems say why. */
export function parseProjectConfig(text: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const fail = (message: string) => ({ config: EMPTY_CONFIG, problems: [...problems, { severity: 'error' as const, message }] });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`not valid JSON${whereJsonFails(text, error)}`);
  }
  if (!isRecord(raw)) return fail('must hold a JSON object, such as { "rules": { "duplicate-key": "off" } }');
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.includes(key)) problems.push({ severity: 'warning', message: `unknown key "${key}" is ignored${suggestion(key, KNOWN_KEYS)}` });
  }
  const rules: Record<string, SeveritySetting> = {};
  if (raw.rules !== undefined) {
    if (!isRecord(raw.rules)) return fail('"rules" must be an object of rule code → severity');
    for (const [code, severity] of Object.entries(raw.rules)) {
      if (typeof severity !== 'string' || !SEVERITY_SETTINGS.includes(severity)) {
        return fail(`rule "${code}" has severity ${JSON.stringify(severity)}; use one of ${SEVERITY_SETTINGS.join(', ')}`);
      }
      if (!findRule(code)) {
        problems.push({ severity: 'warning', message: `unknown rule code "${code}" is ignored${suggestion(code, RULE_INFO.map((r) => r.code))}` });
        continue;
      }
      rules[code] = severity as SeveritySetting;
    }
  }
  let dialect: DialectSetting | undefined;
  if (raw.dialect !== undefined) {
    const parsed = typeof raw.dialect === 'string' ? parseDialectSetting(raw.dialect) : undefined;
    if (parsed === undefined) return fail(`"dialect" must be ${DIALECT_SETTING_HELP}`);
    dialect = parsed;
  }
  let exclude: string[] = [];
  if (raw.exclude !== undefined) {
    if (!Array.isArray(raw.exclude) || !raw.exclude.every((e) => typeof e === 'string' && e.length > 0)) return fail('"exclude" must be a list of file or folder names (globs allowed)');
    exclude = raw.exclude as string[];
  }
  return { config: { rules, dialect, exclude }, problems };
}

/** Larger than any sensible settings file: read no further. */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Reads and checks a settings file; when it cannot be read, the configuration is empty and a problem says why. */
export function loadConfigFile(filePath: string): { config: ProjectConfig; problems: ConfigProblem[] } {
  const fail = (message: string) => ({ config: EMPTY_CONFIG, problems: [{ severity: 'error' as const, message }] });
  let text: string;
  try {
    const stat = statSync(filePath);
    if (stat.isDirectory()) return fail('is a folder');
    if (!stat.isFile()) return fail('is not a regular file');
    if (stat.size > MAX_CONFIG_BYTES) return fail('is larger than 1 MB, too large for a settings file');
    text = readFileSync(filePath, 'utf8');
  } catch (error) {
    return fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read');
  }
  return parseProjectConfig(text);
}

/** Whether a path names an existing regular file. */
export function isRegularFile(filePath: string): boolean {
  try {
    return statSync(filePath).isFile();
  } catch {
    return false;
  }
}

/** The nearest `.ipsec-lint.json` in `startDir` or a folder above it (up to `stopAt`, when given). */
export function findConfigFile(startDir: string, isFile: (filePath: string) => boolean, stopAt?: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir || dir === stopAt) return undefined;
    dir = parent;
  }
}

/** `prefix: message` lines, as the CLI prints them and the server shows them. */
export function describeProblems(filePath: string, problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => `${filePath}: ${p.message}`);
}

/**
 * Where the parse stopped, as line and column. Node's own message quotes the text around that
 * point, and a file named by mistake (`--config ipsec.secrets`) must not have its keys printed.
 */
function whereJsonFails(text: string, error: unknown): string {
  const position = error instanceof SyntaxError ? /position (\d+)/.exec(error.message) : null;
  if (!position) return error instanceof SyntaxError && /end of JSON input/.test(error.message) ? ' (it ends too soon)' : '';
  const offset = Math.min(Number(position[1]), text.length);
  const before = text.slice(0, offset).split('\n');
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function suggestion(name: string, candidates: readonly string[]): string {
  const closest = closestName(name, candidates);
  return closest ? ` (did you mean "${closest}"?)` : '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
