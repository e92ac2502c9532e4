import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { snippetCompletions } from '../../../server/src/features/completion/snippets';
import type { DialectName } from '../../../server/src/model/dialect';
import type { FileKind } from '../../../server/src/model/fileKind';
import { caret, parse, REPO_ROOT } from '../../helpers';

/** Labels of the snippets offered at the `|` in the text. */
function offered(kind: FileKind, textWithCaret: string): string[] {
  return entriesAt(kind, textWithCaret).map((entry) => entry.label);
}

function entriesAt(kind: FileKind, textWithCaret: string) {
  const { text, offset } = caret(textWithCaret);
  const document = parse(kind, text);
  return snippetCompletions(document, document.source.positionAt(offset));
}

describe('snippets offered in completion', () => {
  it('inserts the bodies of snippets/*.json as snippets, with every prefix to filter on', () => {
    const file = JSON.parse(readFileSync(path.join(REPO_ROOT, 'snippets', 'ipsec.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[] }>;
    const entries = entriesAt('ipsec', 'conn a\n\tleft=192.0.2.1\n\ncon|');
    const country = entries.find((entry) => entry.detail === 'Country connection (epSOS peer)');
    assert.ok(country);
    assert.equal(country.kind, 'snippet');
    assert.equal(country.insertText, file['Country connection (epSOS peer)'].body.join('\n'));
    assert.equal(country.filterText, 'conn country peer-conn');
    assert.deepEqual(country.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
    assert.match(country.documentation ?? '', /conn dk\n\tright=198\.51\.100\.7/);
  });

  it("offers a daemon's own snippet only where the gateway may run that daemon", () => {
    const at = (plausible?: readonly DialectName[]) => {
      const { text, offset } = caret('conn a\n\tleft=192.0.2.1\n\n|');
      const document = parse('ipsec', text);
      return snippetCompletions(document, document.source.positionAt(offset), plausible).map((entry) => entry.label);
    };
    const common = ['config setup', 'conn %default', 'conn country', 'conn tunnel', 'conn host'];
    assert.deepEqual(at(['libreswan']), [...common, 'conn roadwarrior-cert']);
    assert.deepEqual(at(['strongswan']), [...common, 'conn roadwarrior-eap']);
    assert.deepEqual(at(['openswan']), common);
    assert.deepEqual(at(['libreswan', 'strongswan']), [...common, 'conn roadwarrior-eap', 'conn roadwarrior-cert']);
    assert.deepEqual(at(), at(['openswan', 'libreswan', 'strongswan']));
  });

  it('ipsec.conf: section templates at column 0 only, never a second config setup or conn %default', () => {
    const conns = ['conn country', 'conn tunnel', 'conn host', 'conn roadwarrior-eap', 'conn roadwarrior-cert'];
    assert.deepEqual(offered('ipsec', '|'), ['config setup', 'conn %default', ...conns]);
    assert.deepEqual(offered('ipsec', 'conn a\n\t|'), []);
    assert.deepEqual(offered('ipsec', 'conn a\n\tleft=|'), []);
    assert.deepEqual(offered('ipsec', 'config setup\n\tprotostack=netkey\nconn %default\n\tkeyingtries=1\n|'), conns);
  });

  it('racoon.conf: remote and sainfo at the top level, proposal inside remote, nothing mid-statement', () => {
    assert.deepEqual(offered('racoon', 'path certificate "/etc/racoon/certs";\n|'), ['remote cert', 'remote psk', 'sainfo']);
    assert.deepEqual(offered('racoon', 'remote anonymous {\n\texchange_mode main;\n\t|\n}\n'), ['proposal']);
    assert.deepEqual(offered('racoon', 'remote anonymous {\n\tproposal {\n\t\t|\n\t}\n}\n'), []);
    assert.deepEqual(offered('racoon', 'remote anonymous {\n\texchange_mode |\n}\n'), []);
    assert.deepEqual(offered('racoon', '# |\n'), []);
  });

  it('setkey: policy sets where a command may start', () => {
    assert.deepEqual(offered('setkey', 'flush;\n|'), ['spdadd transport', 'spdadd tunnel', 'spdadd gateways']);
    assert.deepEqual(offered('setkey', 'flush;\nspd|'), ['spdadd transport', 'spdadd tunnel', 'spdadd gateways']);
    assert.deepEqual(offered('setkey', 'spdadd 10.0.0.1 10.0.0.2 any -P out |'), []);
  });

  it('ipsec.secrets and psk.txt: entries at the start of a line', () => {
    assert.deepEqual(offered('ipsec-secrets', ': R|'), [': RSA', ': PSK']);
    assert.deepEqual(offered('ipsec-secrets', '@a @b |'), []);
    assert.deepEqual(offered('racoon-psk', '|'), ['psk']);
    assert.deepEqual(offered('racoon-psk', '192.0.2.1\t|'), []);
  });
});
