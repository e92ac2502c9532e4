import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import { collectFixAll } from '../../../server/src/features/fixAll';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { lint, parse } from '../../helpers';
import { MemoryFiles } from '../workspace/memoryFiles';

describe('quick fixes', () => {
  it('fix-all repairs column-0 keys, indented headers, look-alike blanks and CRLF in one go', () => {
    const text = 'conn a\r\n\u00a0left=1.2.3.4\r\nauto=add\r\n  conn b\r\n\tright=1.2.3.5\r\n';
    const doc = parse('ipsec', text);
    const fixed = applyEdits(doc.source, collectFixAll(lint('ipsec', text), doc.uri, doc.source));
    assert.equal(fixed, 'conn a\n\tleft=1.2.3.4\n\tauto=add\nconn b\n\tright=1.2.3.5\n');
    assert.deepEqual(lint('ipsec', fixed), []);
  });

  it('an undefined also= target offers the closest conn name', () => {
    const index = new WorkspaceIndex(new MemoryFiles({ '/ws/ipsec.conf': 'conn roadwarrior\n\tright=%any\nconn mac\n\talso=roadwarriorconn\n' }));
    const [finding] = checkWorkspace(index.model(['/ws/ipsec.conf'])).get('file:///ws/ipsec.conf') ?? [];
    assert.equal(finding.code, 'also-undefined');
    assert.equal(finding.fixes?.[0].edits[0].newText, 'roadwarrior');
  });

  it('a peer ID mismatch offers the peer value on each side, editing that side file', () => {
    const files = new MemoryFiles({
      '/ws/a/ipsec.conf': 'conn b\n\tleft=192.0.2.1\n\tleftid=@a.example\n\tright=192.0.2.2\n\trightid=@b.wrong\n',
      '/ws/b/ipsec.conf': 'conn a\n\tleft=192.0.2.2\n\tleftid=@b.example\n\tright=192.0.2.1\n\trightid=@a.example\n',
    });
    const byUri = checkWorkspace(new WorkspaceIndex(files).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']));
    const onA = byUri.get('file:///ws/a/ipsec.conf')?.[0];
    const onB = byUri.get('file:///ws/b/ipsec.conf')?.[0];
    assert.deepEqual(onA?.fixes?.[0].edits.map((e) => [e.uri, e.newText]), [['file:///ws/a/ipsec.conf', '@b.example']]);
    assert.deepEqual(onB?.fixes?.[0].edits.map((e) => [e.uri, e.newText]), [['file:///ws/b/ipsec.conf', '@b.wrong']]);
  });
});
