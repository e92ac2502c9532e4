import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, Hover, PublishDiagnosticsParams, SymbolInformation } from 'vscode-languageserver-protocol';
import { fixturePath } from '../helpers';
import { LspTestClient } from './lspClient';
import { makeTempDir } from '../tempDir';

/** Words that only files outside the workspace hold: if the server read them, an answer would show one. */
const OUTSIDE = 'outsideonly';
const INSIDE = 'insideonly';

/**
 * A gateway whose ipsec.conf reaches out of the workspace every way a config can: `..`,
 * `/etc/../..`, an absolute path of the machine, `/etc/passwd`, a symbolic link in ipsec.d, and
 * certificates named with `..`. Next to it, outside the workspace folder, files with marker
 * conns, a `%default` and a valid certificate. One include and one certificate inside serve as
 * the control: their content does show up, so the answers would show a read of the others.
 */
function layout(): { root: string; workspace: string; outside: string } {
  const root = makeTempDir('ipsec-confine-lsp-');
  const outside = path.join(root, 'outside');
  const workspace = path.join(root, 'ws');
  const etc = path.join(workspace, 'gw', 'etc');
  mkdirSync(outside);
  mkdirSync(path.join(etc, 'ipsec.d', 'certs'), { recursive: true });
  writeFileSync(path.join(outside, 'secret.conf'), `conn %default\n\tleftid=@${OUTSIDE}.example\nconn ${OUTSIDE}\n\tright=203.0.113.66\n\t${OUTSIDE}key=1\n`);
  copyFileSync(fixturePath('certs', 'gateway.der'), path.join(outside, 'cert.der'));
  symlinkSync(path.join(outside, 'secret.conf'), path.join(etc, 'ipsec.d', 'link.conf'));
  writeFileSync(path.join(etc, 'ipsec.d', 'inside.conf'), `conn ${INSIDE}\n\tright=192.0.2.9\n\tauto=add\n`);
  copyFileSync(fixturePath('certs', 'gateway.der'), path.join(etc, 'ipsec.d', 'certs', 'inside.der'));
  writeFileSync(
    path.join(etc, 'ipsec.conf'),
    [
      'config setup',
      '\tprotostack=netkey',
      'include ../../outside/*.conf',
      'include ../../outside/secret.conf',
      'include /etc/../../outside/secret.conf',
      `include ${outside}/secret.conf`,
      'include /etc/passwd',
      'include /etc/ipsec.d/*.conf',
      'conn a',
      '\tleft=192.0.2.1',
      '\tright=192.0.2.2',
      '\tleftcert=../../../../../../outside/cert.der',
      '\trightcert=/etc/../../outside/cert.der',
      'conn b',
      '\tleft=192.0.2.1',
      '\tright=192.0.2.3',
      '\tleftcert=inside.der',
      '',
    ].join('\n'),
  );
  return { root, workspace, outside };
}

describe('the server reads nothing outside the workspace', () => {
  let client: LspTestClient;
  let paths: ReturnType<typeof layout>;
  const published = new Map<string, PublishDiagnosticsParams>();
  const confUri = () => pathToFileURL(path.join(paths.workspace, 'gw', 'etc', 'ipsec.conf')).href;

  before(async () => {
    paths = layout();
    client = new LspTestClient();
    // Every publication, for any file: the test asserts that none is about a file outside.
    client.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      published.set(params.uri, params);
    });
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(paths.workspace).href,
      workspaceFolders: [{ uri: pathToFileURL(paths.workspace).href, name: 'ws' }],
      capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } },
    });
    await client.connection.sendNotification('initialized', {});
  });
  after(async () => {
    assert.equal(await client.shutdown(), 0);
  });

  async function diagnosticsOfConf(): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const current = published.get(confUri());
      // The document's own checks and the workspace's (include-missing) both arrive.
      if (current?.diagnostics.some((d) => d.code === 'include-missing') && current.diagnostics.some((d) => d.code === 'cert-file-missing')) return current;
      if (Date.now() > deadline) throw new Error(`no diagnostics with include-missing and cert-file-missing: ${JSON.stringify(current)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('every way out is reported as a missing file, and the files inside are read', async () => {
    const text = readFileSync(path.join(paths.workspace, 'gw', 'etc', 'ipsec.conf'), 'utf8');
    await client.open(confUri(), 'ipsec', text);
    const { diagnostics } = await diagnosticsOfConf();
    const messageOf = (line: number): string => diagnostics.filter((d) => d.code === 'include-missing' && d.range.start.line === line).map((d) => (typeof d.message === 'string' ? d.message : d.message.value)).join(' ');
    const lines = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => d.range.start.line).sort((a, b) => a - b);
    // Lines 3-6 name files that do not exist inside the gateway (a glob that matches nothing, line 2,
    // is silent, as for the daemon); line 7's glob meets the symbolic link in ipsec.d and does not follow it.
    assert.deepEqual(lines('include-missing'), [3, 4, 5, 6, 7]);
    assert.match(messageOf(7), /symbolic link/);
    assert.match(messageOf(6), /looked for etc\/passwd/);
    // Both certificates named outside are missing; the one inside is found.
    assert.deepEqual(lines('cert-file-missing'), [11, 12]);
  });

  it('no answer names a conn, key or setting that only the outside files hold', async () => {
    const symbols = (query: string) => client.connection.sendRequest('workspace/symbol', { query }) as Promise<SymbolInformation[]>;
    assert.deepEqual((await symbols(INSIDE)).map((s) => s.name), [INSIDE], 'the control: an included file inside is read');
    assert.deepEqual(await symbols(OUTSIDE), []);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: confUri() }, position: { line: 8, character: 5 } })) as Hover | null;
    assert.match(JSON.stringify(hover), /right=192\.0\.2\.2/, 'the control: conn a is hovered with its effective settings');
    assert.doesNotMatch(JSON.stringify(hover), new RegExp(OUTSIDE));
    const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri: confUri() } })) as DocumentLink[];
    for (const link of links) assert.ok(link.target?.startsWith(pathToFileURL(paths.workspace).href), `a link leads out: ${link.target}`);
    const everything = JSON.stringify([...published.values()]);
    assert.doesNotMatch(everything, new RegExp(OUTSIDE));
    assert.doesNotMatch(everything, /root:x:0:0/);
    for (const uri of published.keys()) assert.ok(uri.startsWith(pathToFileURL(paths.workspace).href), `diagnostics for a file outside: ${uri}`);
  });
});
