import path from 'node:path';
import type { WorkspaceModel } from '../checks/workspaceRule';
import { builtInLists, type BuiltInList } from '../features/builtInProposals';
import { renderEffectiveConn } from '../features/effectiveConnView';
import { closestName } from '../text/editDistance';
import type { CollectedFile } from '../workspace/collectFiles';
import { lintWorkspace, type LintWorkspaceOptions } from '../workspace/lintWorkspace';
import { uriPath } from '../workspace/loadIpsecNode';
import type { IpsecNode } from '../workspace/model';
import type { ConnRef } from '../workspace/peers';
import type { Format } from './args';
import type { CliIo } from './run';

/** One gateway's effective conn, each setting with where it was written. */
export interface ShownConn {
  readonly gateway: string;
  readonly conn: string;
  readonly settings: readonly ShownSetting[];
  /** Proposal lists the conn leaves to its daemon: Libreswan's built-in ones, or strongSwan's defaults (5.6.1 on). */
  readonly builtIn?: readonly BuiltInList[];
}

export interface ShownSetting {
  readonly key: string;
  readonly value: string;
  /** Written in the conn itself, taken in with `also=`, or from `conn %default`. */
  readonly from: 'conn' | 'also' | '%default';
  readonly file: string;
  readonly line: number;
}

/**
 * `--show-conn NAME`: the conn as each gateway that defines it loads it, after `%default` and
 * `also=`, as `ipsec readwriteconf` would print it but with where each value comes from.
 * 1 when no gateway defines it (naming the closest conn), as a script asking for it failed.
 */
export function printConn(name: string, files: readonly CollectedFile[], lintOptions: LintWorkspaceOptions, format: Format, io: CliIo): number {
  if (format !== 'stylish' && format !== 'json') {
    io.stderr(`ipsec-lint: --show-conn prints text or --format json, not ${format}\n`);
    return 2;
  }
  let nodes: readonly IpsecNode[] = [];
  lintWorkspace(files, { ...lintOptions, inspect: (model: WorkspaceModel) => (nodes = model.nodes) });
  const found = nodes.flatMap((node) => {
    const conn = node.effective.get(name);
    return conn ? [{ node, conn }] : [];
  });
  if (found.length === 0) {
    const names = [...new Set(nodes.flatMap((node) => [...node.effective.keys()]))];
    const closest = closestName(name, names);
    const where = nodes.length === 0 ? 'no gateway (ipsec.conf) was found' : `no gateway defines conn "${name}"`;
    io.stderr(`ipsec-lint: ${where}${closest ? `; did you mean "${closest}"?` : ''}\n`);
    return 1;
  }
  const relative = (filePath: string): string => path.relative(io.cwd, filePath) || filePath;
  if (format === 'json') {
    const shown = found.map(({ node, conn }) => showConn(relative(node.confPath), { node, conn }, relative));
    io.stdout(`${JSON.stringify(shown, null, 2)}\n`);
    return 0;
  }
  const describeFile = (uri: string): string => relative(uriPath(uri));
  io.stdout(found.map(({ node, conn }) => `# ${relative(node.confPath)}\n${renderEffectiveConn({ node, conn }, describeFile)}`).join('\n'));
  return 0;
}

export function showConn(gateway: string, { node, conn }: ConnRef, relative: (filePath: string) => string): ShownConn {
  const settings = [...conn.values.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]): ShownSetting => ({
      key,
      value: value.value,
      from: value.via === 'self' ? 'conn' : value.via === 'default' ? '%default' : 'also',
      file: relative(uriPath(value.document.uri)),
      line: value.setting.line + 1,
    }));
  const builtIn = builtInLists({ node, conn });
  return builtIn.length > 0 ? { gateway, conn: conn.name, settings, builtIn } : { gateway, conn: conn.name, settings };
}
