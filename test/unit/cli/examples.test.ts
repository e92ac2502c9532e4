import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers';
import { run } from './cliRun';

describe('npm start: ipsec-lint over examples/', () => {
  it('reports exactly the five mistakes examples/README.md plants, all errors, and exits 1', () => {
    const result = run(['-f', 'unix', 'examples'], REPO_ROOT);
    const found = result.stdout
      .trim()
      .split('\n')
      .map((line) => /^(\S+?):(\d+):\d+: (\w+): .*\[([\w-]+)\]$/.exec(line)?.slice(1).join(' '));
    assert.deepEqual(found, [
      'examples/de/etc/ipsec.d/fr.conf 6 error ca-missing',
      'examples/de/etc/ipsec.d/fr.conf 8 error cert-id-mismatch',
      'examples/de/etc/ipsec.d/fr.conf 8 error peer-id-mismatch',
      'examples/de/etc/ipsec.d/fr.conf 9 error column-zero-key',
      'examples/fr/etc/ipsec.d/server.conf 17 error peer-id-mismatch',
    ]);
    assert.equal(result.status, 1);
  });
});
