import { HOST_ADDRESS, HOST_DN, HOST_EMAIL, HOST_FQDN, type Host } from './pki';
import { Rng } from './random';
import type { BaseParams, IdForm, PairCase, SideConfig } from './spec';
import { peerOf } from './spec';

export const IKE_PROPOSALS = ['aes256-sha2_256-modp2048', 'aes128-sha2_256-modp2048', 'aes256-sha2_512-modp3072', 'aes128-sha1-modp2048', 'aes256-sha1-modp4096'] as const;
export const ESP_PROPOSALS = ['aes256-sha2_256', 'aes128-sha2_256', 'aes256-sha1', 'aes128-sha1', 'aes256-sha2_512'] as const;

export const SUBNETS: Record<Host, readonly string[]> = {
  west: ['198.51.100.0/25', '198.51.100.128/25', '198.51.100.64/26'],
  east: ['203.0.113.0/25', '203.0.113.128/25', '203.0.113.192/26'],
};

/** The ID a host presents in a given form (undefined: leave leftid unset). */
export function idFor(host: Host, form: IdForm): string | undefined {
  switch (form) {
    case 'fqdn':
      return `@${HOST_FQDN[host]}`;
    case 'ip':
      return HOST_ADDRESS[host];
    case 'email':
      return HOST_EMAIL[host];
    case 'dn':
      return HOST_DN[host];
    case 'none':
      return undefined;
  }
}

/** What the peer must write as rightid for a host: with certificates an unset leftid means the subject DN. */
export function expectedIdFor(host: Host, base: BaseParams): string | undefined {
  if (base.idForm === 'none' && base.auth !== 'psk') return HOST_DN[host];
  return idFor(host, base.idForm);
}

export function generateBase(rng: Rng): BaseParams {
  const auth = rng.weighted([
    ['psk', 4],
    ['rsa', 3],
    ['ec', 3],
  ] as const);
  const ikev2 = auth === 'ec' ? true : rng.chance(0.65);
  const type = rng.chance(0.6) ? 'tunnel' : 'transport';
  const idForm: IdForm = auth === 'psk' ? rng.pick(['none', 'none', 'fqdn', 'ip', 'email'] as const) : rng.pick(['fqdn', 'fqdn', 'ip', 'email', 'dn', 'none'] as const);
  const proposals = <T extends string>(list: readonly T[]): readonly T[] | undefined => (rng.chance(0.6) ? undefined : rng.shuffle(list).slice(0, 1 + rng.int(2)));
  return {
    auth,
    ikev2,
    type,
    subnets: type === 'tunnel' && rng.chance(0.7),
    idForm,
    pskSelector: idForm === 'none' ? rng.pick(['ips', 'any'] as const) : rng.pick(['ids', 'ids', 'any'] as const),
    certFormat: rng.pick(['pem', 'der'] as const),
    authbyExplicit: auth !== 'rsa' || rng.chance(0.5),
    ike: proposals(IKE_PROPOSALS),
    esp: proposals(ESP_PROPOSALS),
    pfs: rng.pick([undefined, undefined, 'yes', 'no'] as const),
    layout: rng.weighted([
      ['flat', 4],
      ['default', 2],
      ['also', 2],
      ['include', 2],
    ] as const),
  };
}

function pskLine(host: Host, base: BaseParams, secret: string): string {
  const peer = peerOf(host);
  const quoted = (id: string): string => (/\s/.test(id) ? `"${id}"` : id);
  if (base.pskSelector === 'any') return `%any : PSK "${secret}"`;
  if (base.pskSelector === 'ips') return `${HOST_ADDRESS[host]} ${HOST_ADDRESS[peer]} : PSK "${secret}"`;
  return `${quoted(idFor(host, base.idForm) ?? HOST_ADDRESS[host])} ${quoted(idFor(peer, base.idForm) ?? HOST_ADDRESS[peer])} : PSK "${secret}"`;
}

export function randomSecret(rng: Rng): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += alphabet[rng.int(alphabet.length)];
  return s;
}

function buildSide(host: Host, base: BaseParams, subnets: Record<Host, string>, secret: string, rng: Rng): SideConfig {
  const peer = peerOf(host);
  const conn: Record<string, string> = { left: HOST_ADDRESS[host] };
  const leftid = idFor(host, base.idForm);
  if (leftid) conn.leftid = leftid;
  if (base.auth !== 'psk') conn.leftcert = `${host}.${base.certFormat}`;
  if (base.subnets) conn.leftsubnet = subnets[host];
  conn.right = HOST_ADDRESS[peer];
  const rightid = expectedIdFor(peer, base);
  if (rightid) conn.rightid = rightid;
  if (base.subnets) conn.rightsubnet = subnets[peer];
  if (base.authbyExplicit) conn.authby = base.auth === 'psk' ? 'secret' : base.auth === 'rsa' ? 'rsasig' : 'ecdsa';
  conn.ikev2 = base.ikev2 ? 'yes' : 'no';
  conn.type = base.type;
  if (base.ike) conn.ike = rng.shuffle(base.ike).join(',');
  if (base.esp) conn.esp = rng.shuffle(base.esp).join(',');
  if (base.pfs) conn.pfs = base.pfs;
  conn.keyingtries = '1';
  conn.auto = 'add';
  const alg = base.auth === 'ec' ? 'ec' : 'rsa';
  return {
    host,
    connName: peer,
    conn,
    layout: base.layout,
    extraConf: [],
    extraFiles: {},
    secrets: base.auth === 'psk' ? [pskLine(host, base, secret)] : ['# private keys live in the NSS database'],
    secretsMode: 0o600,
    cert: base.auth === 'psk' ? undefined : { alg, variant: 'good', format: base.certFormat },
    cacerts: base.auth === 'psk' ? [] : ['main'],
  };
}

/** A consistent pair (both gateways agree on everything) for one seed. */
export function generatePair(index: number, seed: number, rng: Rng): PairCase {
  const base = generateBase(rng);
  const subnets: Record<Host, string> = { west: rng.pick(SUBNETS.west), east: rng.pick(SUBNETS.east) };
  const secret = randomSecret(rng);
  return {
    index,
    seed,
    id: `n${String(index).padStart(4, '0')}-s${seed}`,
    base,
    mutation: 'none',
    detail: 'consistent pair',
    west: buildSide('west', base, subnets, secret, rng),
    east: buildSide('east', base, subnets, secret, rng),
  };
}
