import { alsoTargets } from './effectiveConns';
import { derived } from './memo';
import type { EffectiveConn, IpsecNode } from './model';

/** `auto=` values that have the daemon put the conn in place as soon as it loads, so it starts the tunnel itself. */
const STARTING = new Set(['start', 'route', 'ondemand', 'up']);

export function startsOnLoad(conn: EffectiveConn): boolean {
  return STARTING.has(autoOf(conn));
}

export function autoOf(conn: EffectiveConn): string {
  return conn.values.get('auto')?.value.trim().toLowerCase() ?? '';
}

/** The names other conns of the gateway take in with `also=`. */
const alsoTargetNames = derived('alsoTargetNames', (node: IpsecNode) => {
  const names = new Set<string>();
  for (const definition of node.conns.values()) {
    for (const target of alsoTargets(definition)) if (target.name !== definition.name) names.add(target.name);
  }
  return names;
});

/**
 * Whether the daemon can ever hold the conn as a connection of its own. Not with `auto=ignore`;
 * nor a conn without `auto=` that other conns take in with `also=`: the daemons load no conn
 * without `auto=` at start, and such a template is not one an admin adds by hand.
 */
export function mayBeLoaded(node: IpsecNode, conn: EffectiveConn): boolean {
  const auto = autoOf(conn);
  if (auto === 'ignore') return false;
  return auto !== '' || !alsoTargetNames(node).has(conn.name);
}
