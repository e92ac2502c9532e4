export const FILE_KINDS = ['ipsec', 'ipsec-secrets', 'racoon', 'racoon-psk', 'setkey'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export function isFileKind(value: string): value is FileKind {
  return (FILE_KINDS as readonly string[]).includes(value);
}

/** Every name `detectFileKind` recognises ends so, or sits in an ipsec.conf.d folder. */
const MAYBE_BY_NAME = /(?:\.(?:conf|secrets|sh|setkey|txt)|[\\/]ipsec\.conf\.d[\\/][^\\/]*)$/i;

/**
 * Decides which kind of IPsec file a path holds, from its name, its folder and,
 * for setkey scripts, its first line. Returns undefined for files we do not handle.
 * Mirrors the file associations declared in package.json.
 */
export function detectFileKind(filePath: string, firstLine?: string): FileKind | undefined {
  // Most files of a gateway tree are certificates and keys: let them go without splitting the path.
  if (firstLine === undefined && !MAYBE_BY_NAME.test(filePath)) return undefined;
  const parts = filePath.replace(/\\/g, '/').split('/');
  const base = parts[parts.length - 1].toLowerCase();
  const parents = parts.slice(0, -1).map((p) => p.toLowerCase());
  const parent = parents[parents.length - 1] ?? '';
  const under = (folder: string): boolean => parents.includes(folder);

  if (firstLine !== undefined && /^#!\s*\S*setkey\s+-f\b/.test(firstLine)) return 'setkey';
  if (base === 'ipsec.secrets' || (base.endsWith('.secrets') && (under('ipsec.d') || parent.endsWith('.secrets.d')))) {
    return 'ipsec-secrets';
  }
  if (base === 'ipsec.conf' || (base.endsWith('.conf') && under('ipsec.d')) || parent === 'ipsec.conf.d') return 'ipsec';
  // setkey names first: a setkey.conf often sits in the racoon folder.
  if (base === 'setkey.conf' || base === 'setkey.sh' || base === 'ipsec-tools.conf' || base.endsWith('.setkey')) return 'setkey';
  // racoon/*.conf, and racoon/racoon.d/*.conf, the files a racoon.conf includes.
  const inRacoonFolder = parent === 'racoon' || parents[parents.length - 2] === 'racoon';
  if (base === 'racoon.conf' || (base.endsWith('.conf') && inRacoonFolder && !isRacoonToolConf(filePath))) return 'racoon';
  if (base === 'psk.txt' && under('racoon')) return 'racoon-psk';
  return undefined;
}

/** Debian's racoon-tool reads /etc/racoon/racoon-tool.conf, a format of its own beside racoon's files. */
export function isRacoonToolConf(filePath: string): boolean {
  return /(?:^|[\\/])racoon-tool\.conf$/i.test(filePath);
}
