import { isKnownRelease } from '../knowledge/ipsecConf';
import { olderThanKnown, type DialectName, type DialectSetting } from '../model/dialect';

const SETTING = /^(openswan|libreswan|strongswan)(?:-(\d+(?:\.\d+){0,3}))?$/;

/** `libreswan-5`, `libreswan-5.2`, `strongswan-5.9.8`: the forms a dialect setting takes (besides auto). */
export const DIALECT_SETTING_PATTERN = SETTING.source;

/**
 * A dialect setting as written in `--dialect` or `.ipsec-lint.json`: `auto`, a daemon, or a daemon
 * with a major version or release it has had. Undefined for anything else (a typo such as `libreswan-9`).
 */
export function parseDialectSetting(text: string): DialectSetting | undefined {
  if (text === 'auto') return 'auto';
  const match = SETTING.exec(text);
  if (!match) return undefined;
  const dialect = match[1] as DialectName;
  const version = match[2];
  if (version === undefined) return dialect;
  // An older release (libreswan-3.25) is taken as the comment takes it: judged as the known releases, saying less.
  return isKnownRelease(dialect, version) || olderThanKnown(dialect, version) ? (`${dialect}-${version}` as DialectSetting) : undefined;
}

/** What a usage message lists. */
export const DIALECT_SETTING_HELP = 'auto, openswan, libreswan-3, libreswan-4, libreswan-5, strongswan, strongswan-5, strongswan-6, or a release such as libreswan-5.2 or strongswan-5.9.8';
