import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { WorkspaceState } from '../../../server/src/lsp/workspaceState';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { hoverDocument } from '../../../server/src/features/hover';
import { buildPeerMatrix } from '../../../server/src/features/peerMatrix';
import { racoonDocumentLinks } from '../../../server/src/features/racoonLinks';
import { racoonPeering } from '../../../server/src/workspace/racoonPeers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { makeTempDir } from '../../tempDir';
import { MemoryFiles } from './memoryFiles';

const A = '192.0.2.40';
const B = '192.0.2.41';

function remote(peer: string, cipher = '3des'): string {
  return `remote ${peer} {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm ${cipher};\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n}\n`;
}

function setkey(self: string, peer: string): string {
  return `spdadd ${self} ${peer} any -P out ipsec esp/transport//require;\nspdadd ${peer} ${self} any -P in ipsec esp/transport//require;\n`;
}

function modelOf(files: Record<string, string>) {
  const paths = Object.keys(files);
  return new WorkspaceIndex(new MemoryFiles(files)).model(
    [],
    [],
    paths.filter((p) => p.endsWith('/racoon.conf')),
    paths.filter((p) => p.endsWith('setkey.conf')),
  );
}

/** `file:line code` for each finding, the path shown from /ws/. */
function findingsOf(files: Record<string, string>, codes: (code: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const [uri, findings] of checkWorkspace(modelOf(files))) {
    for (const f of findings) if (codes(f.code)) out.push(`${uri.replace('file:///ws/', '')}:${f.range.start.line} ${f.severity} ${f.code}`);
  }
  return out.sort();
}

describe('the files a racoon.conf includes are part of its host', () => {
  const HOST_A = {
    '/ws/a/etc/racoon/racoon.conf': 'path pre_shared_key "/etc/racoon/psk.txt";\ninclude "/etc/racoon/racoon.d/*.conf";\n',
    '/ws/a/etc/racoon/racoon.d/peer-b.conf': remote(B),
    '/ws/a/etc/racoon/psk.txt': `${B}\tEXAMPLE-ONLY-shared\n`,
    '/ws/a/etc/racoon/setkey.conf': setkey(A, B),
  };
  const HOST_B = {
    '/ws/b/etc/racoon/racoon.conf': `path pre_shared_key "/etc/racoon/psk.txt";\n${remote(A)}`,
    '/ws/b/etc/racoon/psk.txt': `${A}\tEXAMPLE-ONLY-shared\n`,
    '/ws/b/etc/racoon/setkey.conf': setkey(B, A),
  };

  it('reads the remotes of an included file, each with the file it is in, after the statements before the include', () => {
    const [host] = modelOf(HOST_A).racoonHosts;
    assert.deepEqual(host.documents.map((d) => d.uri.replace('file:///ws/', '')), ['a/etc/racoon/racoon.conf', 'a/etc/racoon/racoon.d/peer-b.conf']);
    assert.deepEqual(host.remotes.map((r) => [r.name, r.document.uri.replace('file:///ws/', '')]), [[B, 'a/etc/racoon/racoon.d/peer-b.conf']]);
  });

  it("pairs a host whose remote for the other is in an included file, and puts a mismatch on that file", () => {
    assert.equal(racoonPeering(modelOf({ ...HOST_A, ...HOST_B })).pairs.length, 1);
    const mismatched = { ...HOST_A, ...HOST_B, '/ws/b/etc/racoon/racoon.conf': `path pre_shared_key "/etc/racoon/psk.txt";\n${remote(A, 'aes')}` };
    assert.deepEqual(findingsOf(mismatched, (code) => code === 'racoon-peer-proposal-mismatch'), [
      'a/etc/racoon/racoon.d/peer-b.conf:0 error racoon-peer-proposal-mismatch',
      'b/etc/racoon/racoon.conf:1 error racoon-peer-proposal-mismatch',
    ]);
  });

  it('puts the matrix cell of an included remote, and the reasons of a broken pair, on the included file', () => {
    const mismatched = { ...HOST_A, ...HOST_B, '/ws/b/etc/racoon/racoon.conf': `path pre_shared_key "/etc/racoon/psk.txt";\n${remote(A, 'aes')}` };
    const model = modelOf(mismatched);
    const cell = buildPeerMatrix(model, checkWorkspace(model)).cells.find((c) => c.conn === B);
    assert.equal(cell?.uri, 'file:///ws/a/etc/racoon/racoon.d/peer-b.conf');
    assert.equal(cell?.status, 'broken');
    assert.deepEqual(cell?.reasons.map((r) => r.code), ['racoon-peer-proposal-mismatch']);
  });

  it('hover on the pattern lists the files racoon reads there, with their remotes', () => {
    const model = modelOf({ ...HOST_A, '/ws/a/etc/racoon/racoon.d/empty.conf': '# nothing yet\n' });
    const [host] = model.racoonHosts;
    const conf = host.document;
    const offset = conf.source.text.indexOf('racoon.d/*');
    const markdown = hoverDocument(conf, offset, model)?.markdown ?? '';
    assert.match(markdown, /\*\*include\*\* `\/etc\/racoon\/racoon\.d\/\*\.conf`: racoon reads the files the pattern finds where this line stands/);
    assert.match(markdown, /- `\/etc\/racoon\/racoon\.d\/empty\.conf`\n- `\/etc\/racoon\/racoon\.d\/peer-b\.conf`: 1 remote$/);
  });

  it("checks an included remote's key in psk.txt, and takes a path statement written in an included file", () => {
    const missingKey = { ...HOST_A, '/ws/a/etc/racoon/psk.txt': '192.0.2.99\tEXAMPLE-ONLY-other\n' };
    assert.deepEqual(findingsOf(missingKey, (code) => code === 'racoon-psk-missing'), ['a/etc/racoon/racoon.d/peer-b.conf:0 error racoon-psk-missing']);
    const pathInInclude = {
      '/ws/c/etc/racoon/racoon.conf': 'include "/etc/racoon/paths.conf";\ninclude "/etc/racoon/peers.conf";\n',
      '/ws/c/etc/racoon/paths.conf': 'path pre_shared_key "/etc/racoon/keys/psk.txt";\n',
      '/ws/c/etc/racoon/peers.conf': remote(B),
      '/ws/c/etc/racoon/keys/psk.txt': `${B}\tEXAMPLE-ONLY-shared\n`,
    };
    const [host] = modelOf(pathInInclude).racoonHosts;
    assert.equal(host.pskPath.resolved, '/ws/c/etc/racoon/keys/psk.txt');
    assert.equal(host.pskPath.document?.uri, 'file:///ws/c/etc/racoon/paths.conf');
    assert.deepEqual(findingsOf(pathInInclude, (code) => code === 'racoon-psk-missing'), []);
  });

  it('reports an include in an included file that finds nothing on that file', () => {
    const files = { ...HOST_A, '/ws/a/etc/racoon/racoon.d/peer-b.conf': `${remote(B)}include "/etc/racoon/more/*.conf";\n`, '/ws/a/etc/racoon/more/README': '' };
    assert.deepEqual(findingsOf(files, (code) => code.startsWith('racoon-include')), ['a/etc/racoon/racoon.d/peer-b.conf:9 warning racoon-include-missing']);
  });
});

describe('an include that finds a file of another kind', () => {
  it('is reported, and the file is not read as racoon.conf (its own checks stay those of its kind)', () => {
    const files = {
      '/ws/a/etc/racoon/racoon.conf': 'path include "/etc/racoon/conf.d";\ninclude "*";\n',
      '/ws/a/etc/racoon/conf.d/peer.conf': remote(B),
      '/ws/a/etc/racoon/conf.d/setkey.conf': setkey(A, B),
    };
    const [host] = modelOf(files).racoonHosts;
    assert.deepEqual(host.documents.map((d) => d.uri.replace('file:///ws/a/etc/racoon/', '')), ['racoon.conf', 'conf.d/peer.conf']);
    const found = [...checkWorkspace(modelOf(files)).values()].flat().filter((f) => f.code === 'racoon-include-missing');
    assert.deepEqual(found.map((f) => [f.range.start.line, f.severity]), [[1, 'warning']]);
    assert.match(found[0].message, /reads \/etc\/racoon\/conf\.d\/setkey\.conf, a setkey file, as racoon\.conf statements/);
  });
});

describe('racoon-include-loop', () => {
  it('reports a file that includes itself, directly or through another, and stops reading there', () => {
    const direct = { '/ws/a/etc/racoon/racoon.conf': 'include "/etc/racoon/racoon.conf";\n' };
    assert.deepEqual(findingsOf(direct, (code) => code.startsWith('racoon-include')), ['a/etc/racoon/racoon.conf:0 error racoon-include-loop']);
    const through = {
      '/ws/a/etc/racoon/racoon.conf': 'include "/etc/racoon/one.conf";\n',
      '/ws/a/etc/racoon/one.conf': `${remote(B)}include "/etc/racoon/*.conf";\n`,
    };
    const [host] = modelOf(through).racoonHosts;
    assert.equal(host.remotes.length, 1);
    assert.deepEqual(findingsOf(through, (code) => code.startsWith('racoon-include')), ['a/etc/racoon/one.conf:9 error racoon-include-loop']);
  });

  it('reports includes nested deeper than racoon allows (ten files, racoon.conf counted), and not nine', () => {
    const chain = (length: number): Record<string, string> => {
      const files: Record<string, string> = { '/ws/a/etc/racoon/racoon.conf': 'include "/etc/racoon/f1.conf";\n' };
      for (let i = 1; i < length; i++) files[`/ws/a/etc/racoon/f${i}.conf`] = i + 1 < length ? `include "/etc/racoon/f${i + 1}.conf";\n` : '';
      return files;
    };
    assert.deepEqual(findingsOf(chain(10), (code) => code.startsWith('racoon-include')), []);
    assert.deepEqual(findingsOf(chain(11), (code) => code.startsWith('racoon-include')), ['a/etc/racoon/f9.conf:0 error racoon-include-loop']);
  });
});

describe('an included racoon file in the editor', () => {
  it('gets the cross-file findings of its host while closed, and the host reads the open buffer', () => {
    const root = makeTempDir('racoon-include-');
    const write = (name: string, text: string): string => {
      const filePath = path.join(root, name);
      mkdirSync(path.dirname(filePath), { recursive: true });
      writeFileSync(filePath, text);
      return filePath;
    };
    write('a/etc/racoon/racoon.conf', 'path pre_shared_key "/etc/racoon/psk.txt";\ninclude "/etc/racoon/racoon.d/*.conf";\n');
    const peer = write('a/etc/racoon/racoon.d/peer-b.conf', remote(B));
    write('a/etc/racoon/psk.txt', '192.0.2.99\tEXAMPLE-ONLY-other\n');
    const state = new WorkspaceState();
    state.indexFolders([root], {});
    const closed = state.closedDocuments().find(({ document }) => document.uri === pathToFileURL(peer).href);
    assert.deepEqual(closed?.findings.filter((f) => f.code === 'racoon-psk-missing').map((f) => f.range.start.line), [0]);
    state.opened(pathToFileURL(peer).href, `# now for another peer\n${remote('192.0.2.99')}`);
    assert.deepEqual(state.findingsFor(pathToFileURL(peer).href).filter((f) => f.code === 'racoon-psk-missing'), []);
  });
});

describe('links in a racoon host\'s files', () => {
  it('open the one file an include finds, psk.txt, and certificates and keys under path certificate', () => {
    const files = {
      '/ws/a/etc/racoon/racoon.conf': 'path certificate "/etc/racoon/certs";\ninclude "/etc/racoon/keys.conf";\ninclude "/etc/racoon/racoon.d/*.conf";\n',
      '/ws/a/etc/racoon/keys.conf': 'path pre_shared_key "/etc/racoon/psk.txt";\n',
      '/ws/a/etc/racoon/psk.txt': `${B}\tEXAMPLE-ONLY-shared\n`,
      '/ws/a/etc/racoon/racoon.d/peer-b.conf': `remote ${B} {\n\tcertificate_type x509 "a.pem" "a.key";\n\tca_type x509 "missing-ca.pem";\n}\n`,
      '/ws/a/etc/racoon/certs/a.pem': 'x',
      '/ws/a/etc/racoon/certs/a.key': 'x',
    };
    const model = modelOf(files);
    const [host] = model.racoonHosts;
    const targets = (uri: string): string[] => {
      const document = host.documents.find((d) => d.uri === uri);
      assert.ok(document, uri);
      return racoonDocumentLinks(model, document).map((l) => `${l.range.start.line}:${l.target.replace('file:///ws/a/etc/racoon/', '')}`);
    };
    assert.deepEqual(targets('file:///ws/a/etc/racoon/racoon.conf'), ['1:keys.conf', '2:racoon.d/peer-b.conf']);
    assert.deepEqual(targets('file:///ws/a/etc/racoon/keys.conf'), ['0:psk.txt']);
    assert.deepEqual(targets('file:///ws/a/etc/racoon/racoon.d/peer-b.conf'), ['1:certs/a.pem', '1:certs/a.key']);
  });
});
