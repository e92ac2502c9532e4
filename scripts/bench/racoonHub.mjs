// Generates one large racoon host: a hub with a pre-shared-key remote, a sainfo and three tunnel
// policies (out, in, fwd) per peer, in racoon.conf, psk.txt and setkey.conf.
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR } from './mesh.mjs';

const HUB_ADDRESS = '192.0.2.1';
const HUB_SUBNET = '192.168.0.0/16';

/** Peer i's gateway address (198.18.0.0/15) and the subnet behind it (10.0.0.0/8). */
export function peerAddress(i) {
  return `198.${18 + Math.floor(i / 62_500)}.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
}

export function peerSubnet(i) {
  return `10.${Math.floor(i / 250) % 250}.${i % 250}.0/24`;
}

/** A fixed 32-character key per peer: the files are the same in every run, and nothing is secret. */
function benchKey(i) {
  return createHash('sha256').update(`bench peer ${i}`).digest('hex').slice(0, 32);
}

function remote(i) {
  return `remote ${peerAddress(i)} {
\texchange_mode main;
\tmy_identifier address;
\tlifetime time 8 hour;
\tproposal {
\t\tencryption_algorithm aes 256;
\t\thash_algorithm sha256;
\t\tauthentication_method pre_shared_key;
\t\tdh_group modp2048;
\t}
}
`;
}

function sainfo(i) {
  return `sainfo address ${HUB_SUBNET} any address ${peerSubnet(i)} any {
\tpfs_group modp2048;
\tlifetime time 1 hour;
\tencryption_algorithm aes 256, aes 128;
\tauthentication_algorithm hmac_sha256;
\tcompression_algorithm deflate;
}
`;
}

function policies(i) {
  const peer = peerAddress(i);
  const subnet = peerSubnet(i);
  return [
    `spdadd ${HUB_SUBNET} ${subnet} any -P out ipsec esp/tunnel/${HUB_ADDRESS}-${peer}/require;`,
    `spdadd ${subnet} ${HUB_SUBNET} any -P in ipsec esp/tunnel/${peer}-${HUB_ADDRESS}/require;`,
    `spdadd ${subnet} ${HUB_SUBNET} any -P fwd ipsec esp/tunnel/${peer}-${HUB_ADDRESS}/require;`,
    '',
  ].join('\n');
}

/** The line of psk.txt that holds peer i's key, counted from 0 (after one comment line). */
export function pskLine(i) {
  return i + 1;
}

/** The lines of setkey.conf that hold peer i's policies, counted from 0 (after `#!`, `flush` and `spdflush`). */
export function policyLines(i) {
  const perPeer = 3;
  return { from: 3 + perPeer * i, count: perPeer };
}

/** Writes the hub with `peers` peers (under the bench's folder unless told another); returns its folder and its three files. */
export function writeRacoonHub(peers, parent = BENCH_DIR) {
  const root = path.join(parent, `racoon-${peers}`);
  rmSync(root, { recursive: true, force: true });
  const dir = path.join(root, 'hub', 'etc', 'racoon');
  mkdirSync(dir, { recursive: true });
  const indices = Array.from({ length: peers }, (_, i) => i);
  const racoonConf = path.join(dir, 'racoon.conf');
  const pskTxt = path.join(dir, 'psk.txt');
  const setkeyConf = path.join(dir, 'setkey.conf');
  writeFileSync(
    racoonConf,
    `# a hub with ${peers} peers\npath pre_shared_key "/etc/racoon/psk.txt";\n\nlisten {\n\tisakmp ${HUB_ADDRESS} [500];\n}\n\n` +
      indices.map(remote).join('') +
      indices.map(sainfo).join(''),
  );
  writeFileSync(pskTxt, `# one key per peer\n${indices.map((i) => `${peerAddress(i)}\t${benchKey(i)}\n`).join('')}`, { mode: 0o600 });
  writeFileSync(setkeyConf, `#!/sbin/setkey -f\nflush;\nspdflush;\n${indices.map(policies).join('')}`);
  return { root, racoonConf, pskTxt, setkeyConf };
}
