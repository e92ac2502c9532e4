const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  us: 1e-6, ms: 1e-3, s: 1, second: 1, seconds: 1, m: 60, minute: 60, minutes: 60,
  h: 3600, hour: 3600, hours: 3600, d: 86400, day: 86400, days: 86400, w: 604800, week: 604800, weeks: 604800,
};

/** Whether the duration ends in a unit spelt out (`2minutes`, `1day`), which only some readers take. */
export function hasSpelledOutUnit(text: string): boolean {
  return /\d\s*[a-z]{3,}$/i.test(text.trim());
}

/** A duration as Libreswan writes one (`30`, `9m`, `1.5h`, `2days`), in seconds; undefined when it is none. */
export function durationSeconds(text: string): number | undefined {
  const match = /^(\d+(?:\.\d*)?|\.\d+)([a-z]*)$/i.exec(text.trim());
  if (match === null) return undefined;
  const perUnit = match[2] === '' ? 1 : SECONDS_PER_UNIT[match[2].toLowerCase()];
  return perUnit === undefined ? undefined : Number(match[1]) * perUnit;
}
