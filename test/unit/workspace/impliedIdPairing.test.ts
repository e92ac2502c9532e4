import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { pairPeers } from '../../../server/src/workspace/peers';
import { WorkspaceIndex } from '../../../server/src/workspace/workspaceIndex';
import { MemoryFiles } from './memoryFiles';
import { issueCertificate } from './selfSigned';
import { summarize, workspaceFindings } from './workspaceFindings';

const CONFS = ['/ws/west/ipsec.conf', '/ws/east/ipsec.conf'];
const key = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const westCert = issueCertificate({ subjectKey: key(), commonName: 'west.example', serial: 1 }).raw;
const eastCert = issueCertificate({ subjectKey: key(), commonName: 'east.example', serial: 2 }).raw;

/** Two gateways that sign with certificates and set no leftid: each names the other's subject as rightid. */
const files = (eastRight: string, westRightId = 'CN=east.example') => ({
  '/ws/west/ipsec.conf': `conn east\n\tleft=192.0.2.1\n\tleftcert=west.der\n\tright=192.0.2.2\n\trightid="${westRightId}"\n\tauto=add\n`,
  '/ws/west/ipsec.d/certs/west.der': westCert,
  '/ws/east/ipsec.conf': `conn west\n\tleft=192.0.2.2\n\tleftcert=east.der\n\tright=${eastRight}\n\trightid="CN=west.example"\n\tauto=add\n`,
  '/ws/east/ipsec.d/certs/east.der': eastCert,
});

describe('pairing with the IDs certificates imply', () => {
  it("pairs conns whose rightid is the peer certificate's subject, so a wrong address is reported", () => {
    const found = workspaceFindings(files('192.0.2.77'), CONFS);
    assert.deepEqual(summarize(found, 'peer-address-mismatch'), ['east/ipsec.conf:3 peer-address-mismatch error', 'west/ipsec.conf:1 peer-address-mismatch error']);
  });

  it('does not pair on a rightid that is not the subject, nor without the certificate file', () => {
    const nodes = (f: Record<string, string | Buffer>) => new WorkspaceIndex(new MemoryFiles(f)).model(CONFS).nodes;
    assert.equal(pairPeers(nodes(files('192.0.2.77', 'CN=someone.else'))).length, 0);
    const withoutCert: Record<string, string | Buffer> = files('192.0.2.77');
    delete withoutCert['/ws/west/ipsec.d/certs/west.der'];
    delete withoutCert['/ws/east/ipsec.d/certs/east.der'];
    assert.equal(pairPeers(nodes(withoutCert)).length, 0);
    assert.equal(pairPeers(nodes(files('192.0.2.1'))).length, 1);
  });
});
