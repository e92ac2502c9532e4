import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EffectiveConn } from '../workspace/model';

/**
 * The effective conn written out as ipsec.conf text, each line saying where the value came
 * from: what `ipsec readwriteconf` would print, with provenance.
 */
export function renderEffectiveConn(conn: EffectiveConn): string {
  const lines = [`conn ${conn.name}`];
  const keys = [...conn.values.keys()].sort();
  const width = Math.max(0, ...keys.map((key) => key.length + (conn.values.get(key)?.value.length ?? 0) + 1));
  for (const key of keys) {
    const value = conn.values.get(key);
    if (!value) continue;
    const text = /\s/.test(value.value) ? `${key}="${value.value}"` : `${key}=${value.value}`;
    const origin = `${value.via === 'self' ? '' : `${value.via === 'default' ? '%default' : 'also'}, `}${fileName(value.document.uri)}:${value.setting.line + 1}`;
    lines.push(`\t${text.padEnd(width + 2)}# ${origin}`);
  }
  return `${lines.join('\n')}\n`;
}

function fileName(uri: string): string {
  try {
    return path.basename(fileURLToPath(uri));
  } catch {
    return uri;
  }
}
