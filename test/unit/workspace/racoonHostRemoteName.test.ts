import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { checkDocument } from '../../../server/src/checks/engine';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { WorkspaceState } from '../../../server/src/lsp/workspaceState';
import { collectFiles } from '../../../server/src/workspace/collectFiles';
import { lintWorkspace } from '../../../server/src/workspace/lintWorkspace';
import { topLevelInReadingOrder } from '../../../server/src/workspace/racoonHost';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { makeTempDir } from '../../tempDir';
import { MemoryFiles } from './memoryFiles';

const CODES = new Set(['racoon-remote-name', 'racoon-host-remote-name']);

const named = (name: string, parent?: string, address?: string) =>
  `remote "${name}"${parent ? ` inherit "${parent}"` : ''} {\n${address ? `\tremote_address ${address};\n` : ''}\texchange_mode main;\n}\n`;

function modelOf(files: Record<string, string>) {
  return new WorkspaceIndex(new MemoryFiles(files)).model([], [], Object.keys(files).filter((p) => p.endsWith('/racoon.conf')));
}

/** `file:line code` for each remote-name finding over the host, the file's own rules told what the workspace tells them. */
function findingsOf(files: Record<string, string>): string[] {
  const model = modelOf(files);
  const out: string[] = [];
  const add = (uri: string, line: number, code: string) => out.push(`${uri.replace('file:///ws/etc/racoon/', '')}:${line} ${code}`);
  for (const [uri, findings] of checkWorkspace(model)) for (const f of findings) if (CODES.has(f.code)) add(uri, f.range.start.line, f.code);
  for (const host of model.racoonHosts) {
    for (const document of host.documents) {
      const context = document === host.document ? {} : { readThroughInclude: true };
      for (const f of checkDocument(document, { context })) if (CODES.has(f.code)) add(document.uri, f.range.start.line, f.code);
    }
  }
  return out.sort();
}

const CONF = '/ws/etc/racoon/racoon.conf';

describe('racoon-host-remote-name: remotes judged in the order racoon reads the host', () => {
  it('accepts a parent in racoon.conf above the include, also in an included file whose name mentions racoon', () => {
    const files = {
      [CONF]: `${named('base', undefined, '192.0.2.1')}include "/etc/racoon/racoon.d/*.conf";\n`,
      '/ws/etc/racoon/racoon.d/racoon-office.conf': named('office', 'base'),
    };
    assert.deepEqual(findingsOf(files), []);
    // Judged alone, the fragment's parent is nowhere to be seen: the context is what keeps that from being an error.
    const [host] = modelOf(files).racoonHosts;
    assert.deepEqual(checkDocument(host.documents[1]).map((f) => f.code), ['racoon-remote-name']);
  });

  it('reads an included file where the include stands: a parent defined below the include is not read yet', () => {
    const files = {
      [CONF]: `include "/etc/racoon/racoon.d/*.conf";\n${named('base')}`,
      '/ws/etc/racoon/racoon.d/office.conf': named('office', 'base'),
    };
    assert.deepEqual(findingsOf(files), ['racoon.d/office.conf:0 racoon-host-remote-name']);
  });

  it('lets racoon.conf inherit, after the include, from a remote of an included file, and reports a parent found nowhere', () => {
    const included = { '/ws/etc/racoon/racoon.d/office.conf': named('office', undefined, '192.0.2.7') };
    const after = (parent: string) => ({ [CONF]: `include "/etc/racoon/racoon.d/*.conf";\n${named('branch', parent)}remote 192.0.2.9 inherit 192.0.2.7 {\n\texchange_mode main;\n}\n`, ...included });
    assert.deepEqual(findingsOf(after('office')), []);
    assert.deepEqual(findingsOf(after('ofice')), ['racoon.conf:1 racoon-host-remote-name']);
  });

  it('follows glob order across included files', () => {
    const files = (first: string, second: string) => ({
      [CONF]: 'include "/etc/racoon/racoon.d/*.conf";\n',
      '/ws/etc/racoon/racoon.d/10-base.conf': first,
      '/ws/etc/racoon/racoon.d/20-office.conf': second,
    });
    assert.deepEqual(findingsOf(files(named('base'), named('office', 'base'))), []);
    assert.deepEqual(findingsOf(files(named('office', 'base'), named('base'))), ['racoon.d/10-base.conf:0 racoon-host-remote-name']);
    const [host] = modelOf(files(named('base'), named('office', 'base'))).racoonHosts;
    assert.deepEqual(topLevelInReadingOrder(host).map((s) => s.statement.head[0].text), ['include', 'remote', 'remote']);
  });

  it('reports a name already used in another file, pointing at the first', () => {
    const model = modelOf({
      [CONF]: `${named('office')}include "/etc/racoon/racoon.d/*.conf";\n`,
      '/ws/etc/racoon/racoon.d/office.conf': `${named('office')}`,
    });
    const findings = [...checkWorkspace(model).values()].flat().filter((f) => f.code === 'racoon-host-remote-name');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /already read a remote named "office" in \/etc\/racoon\/racoon\.conf/);
    assert.equal(findings[0].related?.[0].uri, 'file:///ws/etc/racoon/racoon.conf');
  });

  it('leaves racoon.conf above its first include, a duplicate within one file and an anonymous parent to racoon-remote-name', () => {
    const files = {
      [CONF]: `${named('base', 'nosuch')}include "/etc/racoon/racoon.d/*.conf";\n`,
      '/ws/etc/racoon/racoon.d/office.conf': `${named('office')}${named('office')}remote 192.0.2.3 inherit anonymous {\n\texchange_mode main;\n}\n`,
    };
    assert.deepEqual(findingsOf(files), ['racoon.conf:0 racoon-remote-name', 'racoon.d/office.conf:3 racoon-remote-name', 'racoon.d/office.conf:6 racoon-remote-name']);
  });
});

describe('an included racoon file is told it is included, in the CLI and in the editor', () => {
  const write = (root: string, name: string, text: string): string => {
    const filePath = path.join(root, name);
    mkdirSync(path.dirname(filePath), { recursive: true });
    writeFileSync(filePath, text);
    return filePath;
  };
  const layout = (root: string) => {
    write(root, 'etc/racoon/racoon.conf', `${named('base', undefined, '192.0.2.1')}include "/etc/racoon/racoon.d/*.conf";\n`);
    return write(root, 'etc/racoon/racoon.d/racoon-office.conf', named('office', 'base'));
  };

  it('ipsec-lint over the folder gives the fragment no error', () => {
    const root = makeTempDir('racoon-inherit-');
    const fragment = layout(root);
    const report = lintWorkspace(collectFiles([root]).files).find((r) => r.filePath === fragment);
    assert.ok(report);
    assert.deepEqual(report.findings.map((f) => f.code), []);
  });

  it('the workspace gives the closed fragment no error, and the host rule judges it once opened and changed', () => {
    const root = makeTempDir('racoon-inherit-');
    const fragment = layout(root);
    const state = new WorkspaceState();
    state.indexFolders([root], {});
    const uri = pathToFileURL(fragment).href;
    const closed = state.closedDocuments().find(({ document }) => document.uri === uri);
    assert.ok(closed);
    assert.deepEqual(closed.findings.map((f) => f.code), []);
    state.opened(uri, named('office', 'bsae'));
    assert.deepEqual(state.findingsFor(uri).map((f) => `${f.code} ${/Did you mean "base"/.test(f.message)}`), ['racoon-host-remote-name true']);
  });
});
