import path from 'node:path';
import { SEVERITIES, type SeveritySetting } from '../checks/finding';
import { EMPTY_CONFIG, type ProjectConfig } from '../config/projectConfig';
import { DEFAULT_FORMAT, type FormatOptions } from '../features/formatting/ipsecConfFormatter';
import { parseDialectSetting } from '../config/dialectSetting';
import type { DialectSetting } from '../model/dialect';

/** The server's settings; package.json's `contributes.configuration` declares the same keys and defaults. */
export interface ServerSettings {
  readonly dialect: DialectSetting;
  /** Stands for `/` of every gateway; empty: inferred per gateway. */
  readonly rootDirectory: string;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly format: FormatOptions;
  readonly index: { readonly exclude: readonly string[]; readonly maxFiles: number };
  readonly certificates: { readonly expiryWarningDays: number };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  dialect: 'auto',
  rootDirectory: '',
  rules: {},
  format: DEFAULT_FORMAT,
  index: { exclude: ['node_modules', '.git'], maxFiles: 20000 },
  certificates: { expiryWarningDays: 30 },
};

/** Accepts whatever a client sends (VS Code settings, initializationOptions) and keeps only valid values. */
export function normalizeSettings(raw: unknown): ServerSettings {
  const section = isRecord(raw) && isRecord(raw.ipsec) ? raw.ipsec : raw;
  if (!isRecord(section)) return DEFAULT_SETTINGS;
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(section.rules)) {
    for (const [code, value] of Object.entries(section.rules)) {
      if (typeof value === 'string' && (value === 'off' || (SEVERITIES as readonly string[]).includes(value))) {
        rules[code] = value as SeveritySetting;
      }
    }
  }
  const dialect = (typeof section.dialect === 'string' ? parseDialectSetting(section.dialect) : undefined) ?? DEFAULT_SETTINGS.dialect;
  const rootDirectory = typeof section.rootDirectory === 'string' && path.isAbsolute(section.rootDirectory) ? section.rootDirectory : '';
  const days = isRecord(section.certificates) ? section.certificates.expiryWarningDays : undefined;
  const certificates = { expiryWarningDays: typeof days === 'number' && days >= 0 ? Math.floor(days) : DEFAULT_SETTINGS.certificates.expiryWarningDays };
  return { dialect, rootDirectory, rules, format: normalizeFormat(section.format), index: normalizeIndex(section.index), certificates };
}

function normalizeIndex(raw: unknown): ServerSettings['index'] {
  if (!isRecord(raw)) return DEFAULT_SETTINGS.index;
  const exclude = Array.isArray(raw.exclude) ? raw.exclude.filter((e): e is string => typeof e === 'string') : DEFAULT_SETTINGS.index.exclude;
  const maxFiles = typeof raw.maxFiles === 'number' && raw.maxFiles > 0 ? Math.floor(raw.maxFiles) : DEFAULT_SETTINGS.index.maxFiles;
  return { exclude, maxFiles };
}

function normalizeFormat(raw: unknown): FormatOptions {
  if (!isRecord(raw)) return DEFAULT_FORMAT;
  const indent = raw.indent === 'tab' ? 'tab' : typeof raw.indent === 'number' && raw.indent >= 1 && raw.indent <= 16 ? Math.floor(raw.indent) : DEFAULT_FORMAT.indent;
  const spacesAroundEquals = typeof raw.spacesAroundEquals === 'boolean' ? raw.spacesAroundEquals : DEFAULT_FORMAT.spacesAroundEquals;
  return { indent, spacesAroundEquals };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings as dotted keys with their defaults, e.g. `ipsec.format.indent`: compared with package.json by a test. */
export function flattenDefaults(prefix = 'ipsec', value: unknown = DEFAULT_SETTINGS): Record<string, unknown> {
  if (!isRecord(value) || prefix === 'ipsec.rules') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value).map(([key, inner]) => flattenDefaults(`${prefix}.${key}`, inner)));
}

/**
 * The editor's settings over the repository's `.ipsec-lint.json`: a rule set in `ipsec.rules`
 * wins over the file's, a dialect other than `auto` wins over the file's, and both exclude
 * lists apply.
 */
export function withProjectConfig(settings: ServerSettings, project: ProjectConfig): ServerSettings {
  if (project === EMPTY_CONFIG) return settings;
  return {
    ...settings,
    rules: { ...project.rules, ...settings.rules },
    dialect: settings.dialect === 'auto' && project.dialect ? project.dialect : settings.dialect,
    index: { ...settings.index, exclude: [...settings.index.exclude, ...project.exclude] },
  };
}
