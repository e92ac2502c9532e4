import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextOfNamedFiles, gatewayConfAround, racoonConfAround, setkeyFilesAround } from '../../../server/src/workspace/namedFileContext';
import { MemoryFiles } from './memoryFiles';

const files = new MemoryFiles({
  '/ws/de/etc/ipsec.conf': 'config setup\n',
  '/ws/de/etc/ipsec.secrets': ': PSK "x"\n',
  '/ws/de/etc/ipsec.d/fr.conf': 'conn fr\n',
  '/ws/de/etc/ipsec.d/ipsec.conf': 'conn kept-for-include\n',
  '/ws/de/etc/ipsec.d/a/b/c/deep.conf': 'conn deep\n',
  '/ws/dk/ipsec.conf': 'config setup\n',
  '/ws/dk/ipsec.d/fr.conf': 'conn fr\n',
  '/ws/host/etc/ipsec-tools.conf': 'spdflush;\n',
  '/ws/host/etc/racoon/racoon.conf': 'listen { isakmp 192.0.2.1; }\n',
  '/ws/host/etc/racoon/psk.txt': '192.0.2.2 key\n',
  '/ws/host/etc/racoon/extra.setkey': 'spdflush;\n',
  '/ws/lone/setkey.conf': 'spdflush;\n',
});

describe('the gateway or racoon host around a file', () => {
  it("finds a gateway's ipsec.conf above its conn and secrets files, in both layouts", () => {
    assert.equal(gatewayConfAround('/ws/de/etc/ipsec.d/fr.conf', files), '/ws/de/etc/ipsec.conf');
    assert.equal(gatewayConfAround('/ws/de/etc/ipsec.secrets', files), '/ws/de/etc/ipsec.conf');
    assert.equal(gatewayConfAround('/ws/dk/ipsec.d/fr.conf', files), '/ws/dk/ipsec.conf');
  });

  it('passes over an ipsec.conf kept in ipsec.d, and gives up three folders up', () => {
    assert.equal(gatewayConfAround('/ws/de/etc/ipsec.d/a/deep.conf', files), '/ws/de/etc/ipsec.conf');
    assert.equal(gatewayConfAround('/ws/de/etc/ipsec.d/a/b/c/deep.conf', files), undefined);
    assert.equal(gatewayConfAround('/ws/lone/setkey.conf', files), undefined);
  });

  it('finds the racoon.conf beside a psk.txt, or in the racoon folder beside a setkey file', () => {
    assert.equal(racoonConfAround('/ws/host/etc/racoon/psk.txt', files), '/ws/host/etc/racoon/racoon.conf');
    assert.equal(racoonConfAround('/ws/host/etc/ipsec-tools.conf', files), '/ws/host/etc/racoon/racoon.conf');
    assert.equal(racoonConfAround('/ws/lone/setkey.conf', files), undefined);
  });

  it("finds a racoon host's setkey files beside racoon.conf and above its racoon folder", () => {
    assert.deepEqual(setkeyFilesAround('/ws/host/etc/racoon/racoon.conf', files).sort(), ['/ws/host/etc/ipsec-tools.conf', '/ws/host/etc/racoon/extra.setkey']);
  });

  it('finds the gateway above a named folder inside it, and nothing for a folder holding its own ipsec.conf', () => {
    assert.deepEqual(contextOfNamedFiles([], files, ['/ws/de/etc/ipsec.d']), [{ filePath: '/ws/de/etc/ipsec.conf', kind: 'ipsec' }]);
    assert.deepEqual(contextOfNamedFiles([], files, ['/ws/de/etc/ipsec.d/a']), [{ filePath: '/ws/de/etc/ipsec.conf', kind: 'ipsec' }]);
    assert.deepEqual(contextOfNamedFiles([], files, ['/ws/dk', '/ws/lone']), []);
  });

  it('reads around each named file once, never a file already named', () => {
    const context = contextOfNamedFiles(
      [
        { filePath: '/ws/de/etc/ipsec.d/fr.conf', kind: 'ipsec' },
        { filePath: '/ws/de/etc/ipsec.secrets', kind: 'ipsec-secrets' },
        { filePath: '/ws/dk/ipsec.conf', kind: 'ipsec' },
        { filePath: '/ws/dk/ipsec.d/fr.conf', kind: 'ipsec' },
        { filePath: '/ws/host/etc/racoon/psk.txt', kind: 'racoon-psk' },
        { filePath: '/ws/host/etc/ipsec-tools.conf', kind: 'setkey' },
      ],
      files,
    );
    assert.deepEqual(context, [
      { filePath: '/ws/de/etc/ipsec.conf', kind: 'ipsec' },
      { filePath: '/ws/host/etc/racoon/racoon.conf', kind: 'racoon' },
      { filePath: '/ws/host/etc/racoon/extra.setkey', kind: 'setkey' },
    ]);
  });
});
