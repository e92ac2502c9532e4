import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { racoonLenses } from '../../../server/src/features/racoonLens';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';

const A = '192.0.2.40';
const B = '192.0.2.41';

function host(name: string, self: string, peer: string, encryption = '3des', key = 'EXAMPLE-ONLY-shared'): Record<string, string> {
  const root = `/ws/${name}/etc/racoon`;
  return {
    [`${root}/racoon.conf`]: `path pre_shared_key "/etc/racoon/psk.txt";\nremote ${peer} {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm ${encryption};\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n}\nremote 198.51.100.7 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 2;\n\t}\n}\n`,
    [`${root}/psk.txt`]: `${peer}\t${key}\n198.51.100.7\tEXAMPLE-ONLY-other\n`,
    [`${root}/setkey.conf`]: `spdadd ${self} ${peer} any -P out ipsec esp/transport//require;\n`,
  };
}

/** `line: title` of the lenses of host a's racoon.conf. */
function lensesOfA(files: Record<string, string>): string[] {
  const paths = Object.keys(files);
  const model = new WorkspaceIndex(new MemoryFiles(files)).model([], [], paths.filter((p) => p.endsWith('racoon.conf')), paths.filter((p) => p.endsWith('setkey.conf')));
  return racoonLenses(model, checkWorkspace(model), 'file:///ws/a/etc/racoon/racoon.conf').map((lens) => `${lens.range.start.line}: ${lens.title}`);
}

describe('code lenses over racoon remotes', () => {
  it('names the peer host and says the pair agrees', () => {
    assert.deepEqual(lensesOfA({ ...host('a', A, B), ...host('b', B, A) }), ['1: peer: b ✓', '10: no peer in the workspace']);
  });

  it('counts the racoon-peer findings of the pair, on the remote and on its psk.txt line', () => {
    assert.deepEqual(lensesOfA({ ...host('a', A, B, 'aes'), ...host('b', B, A, '3des', 'EXAMPLE-ONLY-different') }), [
      '1: peer: b: 2 problems (racoon-peer-proposal-mismatch, racoon-peer-psk-mismatch)',
      '10: no peer in the workspace',
    ]);
  });

  it('names a gateway conn that points at the host', () => {
    const files = {
      ...host('a', A, '192.0.2.10'),
      '/ws/gw/etc/ipsec.conf': `# ipsec-dialect: libreswan-4\nconfig setup\n\nconn to-a\n\tleft=192.0.2.10\n\tright=${A}\n\tauthby=secret\n\tikev2=no\n\tauto=add\n`,
    };
    const model = new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/gw/etc/ipsec.conf'], [], ['/ws/a/etc/racoon/racoon.conf'], ['/ws/a/etc/racoon/setkey.conf']);
    const titles = racoonLenses(model, checkWorkspace(model), 'file:///ws/a/etc/racoon/racoon.conf').map((lens) => lens.title);
    assert.deepEqual(titles, ['peer: gw conn to-a ✓', 'no peer in the workspace']);
  });

  it('gives nothing for other documents', () => {
    const files = { ...host('a', A, B), ...host('b', B, A) };
    const paths = Object.keys(files);
    const model = new WorkspaceIndex(new MemoryFiles(files)).model([], [], paths.filter((p) => p.endsWith('racoon.conf')), paths.filter((p) => p.endsWith('setkey.conf')));
    assert.deepEqual(racoonLenses(model, checkWorkspace(model), 'file:///ws/a/etc/racoon/psk.txt'), []);
  });
});
