import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { collectFiles } from '../../../server/src/workspace/collectFiles';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import { makeTempDir } from '../../tempDir';

/**
 * One gateway pinned to Libreswan `release`, its ipsec.conf `setup` followed by `conns` (each a
 * conn's whole text); for each conn, whether ipsec-lint says it does not load: an error on its
 * lines, or any `libreswan-conn-refused` finding.
 */
export function refusedConns(release: string, setup: string, conns: readonly string[]): boolean[] {
  const root = makeTempDir('ipsec-refused-');
  mkdirSync(path.join(root, 'etc'));
  const starts: number[] = [];
  let text = `# ipsec-dialect: libreswan-${release}\n${setup}\n`;
  for (const conn of conns) {
    starts.push(text.split('\n').length - 1);
    text += `${conn}\n`;
  }
  writeFileSync(path.join(root, 'etc', 'ipsec.conf'), text);
  const refused = conns.map(() => false);
  for (const finding of lintWorkspace(collectFiles([root]).files).flatMap((report) => report.findings)) {
    if (finding.severity !== 'error' && finding.code !== 'libreswan-conn-refused') continue;
    const conn = starts.filter((start) => start <= finding.range.start.line).length - 1;
    if (conn >= 0) refused[conn] = true;
  }
  return refused;
}
