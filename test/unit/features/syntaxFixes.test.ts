import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/checks/finding';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { PSK_PLACEHOLDER } from '../../../server/src/checks/workspace/racoonPskEntry';
import { collectFixAll } from '../../../server/src/features/fixAll';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import type { FileKind } from '../../../server/src/model/fileKind';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { codes, lint, parse } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';

/** The text after applying the first fix of the finding with this code. */
function applyFirstFix(kind: FileKind, text: string, code: string): { fixed: string; title: string } {
  const finding = lint(kind, text).find((f) => f.code === code);
  const fix = finding?.fixes?.[0];
  assert.ok(fix, `${code} has a fix in:\n${text}`);
  return { fixed: applyEdits(parse(kind, text).source, [...fix.edits]), title: fix.title };
}

describe('syntax fixes for racoon.conf and setkey', () => {
  it('racoon: a missing `;` is added where the statement ends, also by fix-all', () => {
    const text = 'remote anonymous {\n\texchange_mode main\n\tproposal {\n\t\tdh_group 14;\n\t\thash_algorithm sha1;\n\t\tencryption_algorithm aes;\n\t\tauthentication_method rsasig;\n\t}\n}\n';
    const { fixed } = applyFirstFix('racoon', text, 'racoon-missing-semicolon');
    assert.equal(fixed, text.replace('exchange_mode main', 'exchange_mode main;'));
    assert.deepEqual(codes(lint('racoon', fixed)), []);
    const doc = parse('racoon', text);
    assert.equal(applyEdits(doc.source, collectFixAll(lint('racoon', text), doc.uri, doc.source)), fixed);
  });

  it('racoon: an unclosed block gets its `}` after its last statement, indented like its opener', () => {
    const text = 'remote anonymous {\n\texchange_mode main;\n\tproposal {\n\t\tdh_group 14;\n\t\thash_algorithm sha1;\n\t\tencryption_algorithm aes;\n\t\tauthentication_method rsasig;\n';
    const findings = lint('racoon', text).filter((f) => f.code === 'racoon-unbalanced-brace');
    assert.deepEqual(findings.map((f) => f.fixes?.[0].title), ['Close this block and the 1 open inside it with `}`', 'Close the block with `}`']);
    const source = parse('racoon', text).source;
    const [outer, inner] = findings.map((f) => applyEdits(source, [...(f.fixes?.[0].edits ?? [])]));
    assert.equal(outer, `${text.slice(0, -1)}\n\t}\n}\n`);
    assert.deepEqual(codes(lint('racoon', outer)), []);
    assert.equal(inner, `${text.slice(0, -1)}\n\t}\n`);
    assert.equal(applyFirstFix('racoon', inner, 'racoon-unbalanced-brace').fixed, outer);
  });

  it('racoon: a block left open before the next top-level block is closed before it', () => {
    const text = 'remote 192.0.2.2 {\n\texchange_mode main;\n\nsainfo anonymous {\n\tpfs_group 2;\n\tencryption_algorithm aes;\n\tauthentication_algorithm hmac_sha1;\n\tcompression_algorithm deflate;\n}\n';
    const { fixed } = applyFirstFix('racoon', text, 'racoon-unbalanced-brace');
    assert.equal(fixed, text.replace('main;\n', 'main;\n}\n'));
    assert.ok(!codes(lint('racoon', fixed)).includes('racoon-unbalanced-brace'));
  });

  it('racoon: a `}` that closes nothing can be removed; neither brace fix is applied by fix-all', () => {
    const text = 'listen {\n\tisakmp 192.0.2.1 [500];\n}\n}\n';
    const { fixed, title } = applyFirstFix('racoon', text, 'racoon-unbalanced-brace');
    assert.equal(title, 'Remove the extra `}`');
    assert.equal(fixed, 'listen {\n\tisakmp 192.0.2.1 [500];\n}\n\n');
    assert.deepEqual(codes(lint('racoon', fixed)), []);
    const doc = parse('racoon', text);
    assert.deepEqual(collectFixAll(lint('racoon', text), doc.uri, doc.source), []);
  });

  it('setkey: a missing `;` is added at the end of the statement', () => {
    const text = 'spdflush;\nspdadd 10.0.0.1 10.0.0.2 any -P out ipsec esp/transport//require\nspdadd 10.0.0.2 10.0.0.1 any -P in ipsec esp/transport//require;\n';
    const { fixed } = applyFirstFix('setkey', text, 'setkey-missing-semicolon');
    assert.equal(fixed, text.replace('require\n', 'require;\n'));
    assert.deepEqual(codes(lint('setkey', fixed).filter((f: Finding) => f.severity === 'error')), []);
  });
});

describe('the missing psk.txt entry', () => {
  const CONF = 'remote 192.0.2.2 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group modp2048;\n\t}\n}\n';

  function pskFinding(psk: string): Finding {
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/h/etc/racoon/racoon.conf': CONF, '/ws/h/etc/racoon/psk.txt': psk })).model([], [], ['/ws/h/etc/racoon/racoon.conf']);
    const finding = checkWorkspace(model).get('file:///ws/h/etc/racoon/racoon.conf')?.find((f) => f.code === 'racoon-psk-missing');
    assert.ok(finding);
    return finding;
  }

  it('appends the peer and a placeholder, never a key, to the psk.txt racoon.conf uses', () => {
    const fix = pskFinding('# keys\n192.0.2.9\tsome-other-key\n').fixes?.[0];
    assert.equal(fix?.title, 'Add a line for 192.0.2.2 to psk.txt (with a placeholder key)');
    assert.equal(fix?.preferred, undefined, 'fix-all must not write placeholder keys');
    assert.deepEqual(fix?.edits, [{ uri: 'file:///ws/h/etc/racoon/psk.txt', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: `192.0.2.2\t${PSK_PLACEHOLDER}\n` }]);
    assert.equal(PSK_PLACEHOLDER, 'REPLACE-WITH-SHARED-KEY');
  });

  it('starts a new line when psk.txt does not end with one, and the fixed file clears the finding', () => {
    const psk = '192.0.2.9\tsome-other-key';
    const [edit] = pskFinding(psk).fixes?.[0].edits ?? [];
    assert.equal(edit.newText, `\n192.0.2.2\t${PSK_PLACEHOLDER}\n`);
    const fixed = applyEdits(parse('racoon-psk', psk).source, [edit]);
    const model = new WorkspaceIndex(new MemoryFiles({ '/ws/h/etc/racoon/racoon.conf': CONF, '/ws/h/etc/racoon/psk.txt': fixed })).model([], [], ['/ws/h/etc/racoon/racoon.conf']);
    assert.deepEqual([...checkWorkspace(model).values()].flat().map((f) => f.code), []);
  });
});
