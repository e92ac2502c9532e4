import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/checks/workspaceEngine';
import type { Fix } from '../../../server/src/checks/finding';
import { pskFixes } from '../../../server/src/features/pskFixes';
import { applyEdits } from '../../../server/src/features/formatting/applyEdits';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from '../workspace/memoryFiles';
import { pskPlaceholderKey } from '../../../server/src/checks/psk/placeholderKey';
import { weakPsk } from '../../../server/src/checks/secrets/weakPsk';
import { lint, parse } from '../../helpers';

const HEAD = '# ipsec-dialect: libreswan-4\n';
const FILES = {
  '/ws/a/ipsec.conf': `${HEAD}conn b\n\tleft=192.0.2.1\n\tright=192.0.2.2\n\tauthby=secret\n\tauto=add\n`,
  '/ws/b/ipsec.conf': `${HEAD}conn a\n\tleft=192.0.2.2\n\tright=192.0.2.1\n\tauthby=secret\n\tauto=add\n`,
  '/ws/a/ipsec.secrets': '# keys\n192.0.2.1 192.0.2.2 : PSK "MARKER-ours-1234567890"\n',
  '/ws/b/ipsec.secrets': '192.0.2.2 192.0.2.1 : PSK 0x00112233445566778899aabbccddeeff\n',
};

/** A predictable "random" source: bytes 0, 1, 2… */
const counting = (bytes: number) => Buffer.from(Array.from({ length: bytes }, (_, i) => i));
const KEY = `0x${counting(32).toString('hex')}`;

function model(files: Record<string, string> = FILES) {
  return new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/a/ipsec.conf', '/ws/b/ipsec.conf']);
}

function editedTexts(fixes: readonly Fix[], index: number, files: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const edit of fixes[index].edits) {
    const path = (edit.uri ?? '').replace('file://', '');
    const text = out[path] ?? files[path];
    out[path] = applyEdits(parse('ipsec-secrets', text).source, [edit]);
  }
  return out;
}

describe('pre-shared key fixes, made when the editor asks', () => {
  it('peer-psk-mismatch: copy the peer\'s key here, or write one new random key on both sides; titles never show a key', () => {
    const m = model();
    const ours = [...checkWorkspace(m)].flatMap(([, findings]) => findings).find((f) => f.code === 'peer-psk-mismatch' && f.related?.[0].uri.endsWith('/b/ipsec.secrets'));
    assert.ok(ours);
    const document = m.nodes.flatMap((n) => n.secrets).find((d) => d.uri.endsWith('/a/ipsec.secrets'));
    assert.ok(document);
    const fixes = pskFixes(m, document, { code: ours.code, range: ours.range, related: (ours.related ?? []).map((r) => ({ uri: r.uri, range: r.range })) }, counting);
    assert.deepEqual(fixes.map((f) => f.title), ["Use the peer's key here", 'Use one new random key on both sides (32 bytes)']);
    assert.ok(fixes.every((f) => !f.title.includes('MARKER') && !f.title.includes('0x')));
    assert.ok(fixes.every((f) => !f.preferred), 'never applied without the user');
    assert.deepEqual(editedTexts(fixes, 0, FILES), { '/ws/a/ipsec.secrets': '# keys\n192.0.2.1 192.0.2.2 : PSK 0x00112233445566778899aabbccddeeff\n' });
    assert.deepEqual(editedTexts(fixes, 1, FILES), {
      '/ws/a/ipsec.secrets': `# keys\n192.0.2.1 192.0.2.2 : PSK ${KEY}\n`,
      '/ws/b/ipsec.secrets': `192.0.2.2 192.0.2.1 : PSK ${KEY}\n`,
    });
    // Once applied, the two sides agree.
    const fixed = { ...FILES, ...editedTexts(fixes, 1, FILES) };
    assert.deepEqual([...checkWorkspace(model(fixed))].flatMap(([, findings]) => findings).filter((f) => f.code === 'peer-psk-mismatch'), []);
  });

  it('racoon-peer-psk-mismatch between two racoon hosts: the same fixes, across psk.txt files', () => {
    const conf = (self: string, peer: string) =>
      `path pre_shared_key "/etc/racoon/psk.txt";\nremote ${peer} {\n\texchange_mode main;\n\tmy_identifier address;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 14;\n\t}\n}\n`;
    const policy = (self: string, peer: string) => `spdadd ${self} ${peer} any -P out ipsec esp/transport//require;\nspdadd ${peer} ${self} any -P in ipsec esp/transport//require;\n`;
    const files: Record<string, string> = {
      '/ws/a/etc/racoon/racoon.conf': conf('192.0.2.40', '192.0.2.41'),
      '/ws/a/etc/racoon/setkey.conf': policy('192.0.2.40', '192.0.2.41'),
      '/ws/a/etc/racoon/psk.txt': '192.0.2.41\tMARKER-one-0123456789\n',
      '/ws/b/etc/racoon/racoon.conf': conf('192.0.2.41', '192.0.2.40'),
      '/ws/b/etc/racoon/setkey.conf': policy('192.0.2.41', '192.0.2.40'),
      '/ws/b/etc/racoon/psk.txt': '192.0.2.40\tMARKER-two-0123456789\n',
    };
    const paths = Object.keys(files);
    const racoon = new WorkspaceIndex(new MemoryFiles(files)).model([], [], paths.filter((p) => p.endsWith('racoon.conf')), paths.filter((p) => p.endsWith('setkey.conf')));
    const finding = [...checkWorkspace(racoon)].flatMap(([, found]) => found).find((f) => f.code === 'racoon-peer-psk-mismatch' && f.related?.[0].uri.endsWith('/b/etc/racoon/psk.txt'));
    assert.ok(finding);
    const document = racoon.racoonHosts.map((h) => h.psk).find((d) => d?.uri.endsWith('/a/etc/racoon/psk.txt'));
    assert.ok(document);
    const fixes = pskFixes(racoon, document, { code: finding.code, range: finding.range, related: (finding.related ?? []).map((r) => ({ uri: r.uri, range: r.range })) }, counting);
    assert.deepEqual(fixes.map((f) => f.title), ["Use the peer's key here", 'Use one new random key on both sides (32 bytes)']);
    const apply = (fix: Fix, path: string) => applyEdits(parse('racoon-psk', files[path]).source, fix.edits.filter((e) => e.uri?.endsWith(path)));
    assert.equal(apply(fixes[0], '/ws/a/etc/racoon/psk.txt'), '192.0.2.41\tMARKER-two-0123456789\n');
    assert.equal(apply(fixes[1], '/ws/a/etc/racoon/psk.txt'), `192.0.2.41\t${KEY}\n`);
    assert.equal(apply(fixes[1], '/ws/b/etc/racoon/psk.txt'), `192.0.2.40\t${KEY}\n`);
  });

  it("between a gateway and a racoon host, copies the peer's key only where it means the same bytes (hex)", () => {
    const racoon = 'path pre_shared_key "/etc/racoon/psk.txt";\nlisten {\n\tisakmp 192.0.2.40 [500];\n}\nremote 192.0.2.10 {\n\texchange_mode main;\n\tproposal {\n\t\tencryption_algorithm aes;\n\t\thash_algorithm sha1;\n\t\tauthentication_method pre_shared_key;\n\t\tdh_group 14;\n\t}\n}\n';
    const titles = (racoonKey: string) => {
      const files = {
        '/ws/gw/etc/ipsec.conf': '# ipsec-dialect: libreswan-4\nconfig setup\n\nconn to-racoon\n\tleft=192.0.2.10\n\tright=192.0.2.40\n\tauthby=secret\n\tikev2=no\n\tauto=add\n',
        '/ws/gw/etc/ipsec.secrets': '192.0.2.10 192.0.2.40 : PSK "MARKER-gateway-0123"\n',
        '/ws/rh/etc/racoon/racoon.conf': racoon,
        '/ws/rh/etc/racoon/psk.txt': `192.0.2.10\t${racoonKey}\n`,
      };
      const m = new WorkspaceIndex(new MemoryFiles(files)).model(['/ws/gw/etc/ipsec.conf'], [], ['/ws/rh/etc/racoon/racoon.conf'], []);
      const finding = [...checkWorkspace(m)].flatMap(([, found]) => found).find((f) => f.code === 'racoon-peer-psk-mismatch' && f.related?.[0].uri.endsWith('psk.txt'));
      assert.ok(finding);
      const document = m.nodes[0].secrets[0];
      return pskFixes(m, document, { code: finding.code, range: finding.range, related: (finding.related ?? []).map((r) => ({ uri: r.uri, range: r.range })) }, counting).map((f) => f.title);
    };
    assert.deepEqual(titles('MARKER-racoon-text'), ['Use one new random key on both sides (32 bytes)']);
    assert.deepEqual(titles('0x00112233445566778899aabbccddeeff'), ["Use the peer's key here", 'Use one new random key on both sides (32 bytes)']);
  });

  it('weak-psk: a new random key in hex, in ipsec.secrets and in psk.txt', () => {
    for (const [kind, text, expected] of [
      ['ipsec-secrets', '@a @b : PSK "short"\n', `@a @b : PSK ${KEY}\n`],
      ['racoon-psk', '192.0.2.1\tshort\n', `192.0.2.1\t${KEY}\n`],
    ] as const) {
      const document = parse(kind, text);
      const [finding] = lint(kind, text, [weakPsk]);
      const fixes = pskFixes(model(), document, { code: 'weak-psk', range: finding.range, related: [] }, counting);
      assert.deepEqual(fixes.map((f) => f.title), ['Replace with a new random key (32 bytes; the peer must hold the same key)'], kind);
      assert.equal(applyEdits(document.source, fixes[0].edits), expected);
      assert.deepEqual(lint(kind, expected, [weakPsk]), [], 'no longer weak');
    }
  });

  it('psk-placeholder-key: the placeholder the psk.txt fix wrote becomes a new random key', () => {
    const text = '192.0.2.2\tREPLACE-WITH-SHARED-KEY\n';
    const document = parse('racoon-psk', text);
    const [finding] = lint('racoon-psk', text, [pskPlaceholderKey]);
    const fixes = pskFixes(model(), document, { code: finding.code, range: finding.range, related: [] }, counting);
    assert.equal(applyEdits(document.source, fixes[0].edits), `192.0.2.2\t${KEY}\n`);
  });

  it('offers nothing for other rules, a key file, or a peer entry it cannot find; keys differ between requests', () => {
    const document = parse('ipsec-secrets', ': RSA host.key\n');
    assert.deepEqual(pskFixes(model(), document, { code: 'peer-psk-mismatch', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } }, related: [] }), []);
    assert.deepEqual(pskFixes(model(), document, { code: 'secret-type', range: { start: { line: 0, character: 2 }, end: { line: 0, character: 5 } }, related: [] }), []);
    const weak = parse('ipsec-secrets', '@a @b : PSK "short"\n');
    const range = lint('ipsec-secrets', '@a @b : PSK "short"\n', [weakPsk])[0].range;
    const first = pskFixes(model(), weak, { code: 'weak-psk', range, related: [] })[0].edits[0].newText;
    const second = pskFixes(model(), weak, { code: 'weak-psk', range, related: [] })[0].edits[0].newText;
    assert.match(first, /^0x[0-9a-f]{64}$/);
    assert.notEqual(first, second);
  });
});
