import { SEVERITIES, type SeveritySetting } from '../checks/finding';

/** The server's settings; package.json's `contributes.configuration` declares the same keys and defaults. */
export interface ServerSettings {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
}

export const DEFAULT_SETTINGS: ServerSettings = { rules: {} };

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
  return { rules };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
