import type { EffectiveConn } from './model';

/** `auto=` values that have the daemon put the conn in place as soon as it loads, so it starts the tunnel itself. */
const STARTING = new Set(['start', 'route', 'ondemand', 'up']);

export function startsOnLoad(conn: EffectiveConn): boolean {
  return STARTING.has(conn.values.get('auto')?.value.trim().toLowerCase() ?? '');
}
