import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeWorkspaceFixes, workspaceFixes } from '../../../server/src/features/workspaceFixAll';
import { SourceText } from '../../../server/src/text/sourceText';
import { lint } from '../../helpers';

const file = (uri: string, text: string, version: number | null = null) => ({ uri, version, source: new SourceText(text), findings: lint('ipsec', text) });

describe('workspaceFixes', () => {
  it('takes each file\'s safe fixes, counts what they fix, and leaves out files with none', () => {
    const fixes = workspaceFixes([
      file('file:///a/ipsec.conf', 'conn a\nleft=192.0.2.1\nright=192.0.2.2\n\tauto=add\n', 4),
      file('file:///b/ipsec.conf', 'conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n'),
      file('file:///c/ipsec.conf', '  conn c\n\tleft=192.0.2.3\n'),
    ]);
    assert.deepEqual(
      fixes.map((f) => [f.uri, f.version, f.edits.length, f.fixed]),
      [
        ['file:///a/ipsec.conf', 4, 2, 2],
        ['file:///c/ipsec.conf', null, 1, 1],
      ],
    );
    assert.equal(describeWorkspaceFixes(fixes), 'Fixed 3 problem(s) in 2 file(s).');
  });

  it('says when nothing has a fix that is safe without a look', () => {
    // A peer's ID or a missing `=` needs a decision: no safe fix.
    assert.deepEqual(workspaceFixes([file('file:///a/ipsec.conf', 'conn a\n\tleft\n')]), []);
    assert.equal(describeWorkspaceFixes([]), 'Nothing to fix: no problem in the workspace has a fix that is safe without a look.');
  });
});
