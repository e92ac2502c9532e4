import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildBase } from '../../../scripts/negotiation/libreswan5';

describe("building Libreswan 5.2's base", () => {
  it('uses both cores, and goes on with one job when the parallel build stops', () => {
    const calls: string[][] = [];
    const logged: string[] = [];
    buildBase((jobs) => {
      calls.push([...jobs]);
      if (jobs.length > 0) throw new Error('make -j2 base failed (2): ar: confread.o: No such file or directory\nmore');
    }, (line) => logged.push(line));
    assert.deepEqual(calls, [['-j2'], []]);
    assert.deepEqual(logged, ['negotiation: the parallel build stopped (make -j2 base failed (2): ar: confread.o: No such file or directory); going on with one job']);
  });

  it('builds once when the parallel build succeeds, and fails when the serial one fails too', () => {
    const calls: string[][] = [];
    buildBase((jobs) => calls.push([...jobs]), () => undefined);
    assert.deepEqual(calls, [['-j2']]);
    assert.throws(() => buildBase(() => { throw new Error('broken source'); }, () => undefined), /broken source/);
  });
});
