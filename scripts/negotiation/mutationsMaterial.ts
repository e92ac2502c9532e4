import { HOST_ADDRESS } from './pki';
import { always, isCert, pskOf, type Mutation } from './mutationKit';
import { peerOf } from './spec';

/** Changes to certificates, CAs and secrets: what the cert-*, ca-* and secrets rules read. */
export const MATERIAL_MUTATIONS: readonly Mutation[] = [
  {
    name: 'psk-differs',
    rule: 'peer-psk-mismatch',
    weight: 2,
    summary: 'the two PSKs differ',
    applies: (p) => p.base.auth === 'psk',
    apply: (_p, side) => {
      const other = `${pskOf(side) ?? ''}-but-not-the-same`;
      side.secrets = side.secrets.map((line) => line.replace(/PSK "[^"]*"/, `PSK "${other}"`));
      return 'another PSK in ipsec.secrets';
    },
  },
  {
    name: 'psk-selector-ips',
    rule: 'conn-psk-missing',
    weight: 1,
    summary: 'PSK indexed by addresses while the conn uses other IDs',
    applies: (p) => p.base.auth === 'psk' && (p.base.idForm === 'fqdn' || p.base.idForm === 'email') && p.base.pskSelector === 'ids',
    apply: (_p, side) => {
      const peer = peerOf(side.host);
      side.secrets = side.secrets.map((line) => line.replace(/^.*? : PSK/, `${HOST_ADDRESS[side.host]} ${HOST_ADDRESS[peer]} : PSK`));
      return 'ipsec.secrets selects the PSK by addresses';
    },
  },
  {
    name: 'psk-selector-local',
    weight: 1,
    summary: 'the PSK entry names only the local ID (it then serves every peer)',
    applies: (p) => p.base.auth === 'psk' && p.base.pskSelector !== 'any',
    apply: (_p, side) => {
      side.secrets = side.secrets.map((line) => line.replace(/^(\S+|"[^"]*") .*? : PSK/, '$1 : PSK'));
      return 'ipsec.secrets names only the local ID';
    },
  },
  {
    name: 'psk-decoy-entry',
    weight: 1,
    summary: 'a wildcard entry with another key before the entry for the pair, or after it',
    applies: (p) => p.base.auth === 'psk' && p.base.pskSelector !== 'any',
    apply: (_p, side, _peer, rng) => {
      const decoy = `%any : PSK "${side.host}-wildcard-key-9876543210"`;
      const first = rng.chance(0.5);
      side.secrets = first ? [decoy, ...side.secrets] : [...side.secrets, decoy];
      return `a %any entry with another key ${first ? 'before' : 'after'} the pair's entry`;
    },
  },
  {
    name: 'ca-missing',
    rule: 'ca-missing',
    weight: 2,
    summary: "the CA is not in one side's cacerts (nor its NSS db)",
    applies: isCert,
    apply: (_p, side) => {
      side.cacerts = [];
      return 'no CA certificate';
    },
  },
  {
    name: 'ca-other',
    rule: 'ca-missing',
    weight: 1,
    summary: 'one side trusts only an unrelated CA',
    applies: isCert,
    apply: (_p, side) => {
      side.cacerts = ['other'];
      return 'only the unrelated CA in cacerts';
    },
  },
  {
    name: 'other-ca',
    rule: 'ca-missing',
    weight: 2,
    summary: "one side's certificate is issued by a CA its peer does not trust",
    applies: isCert,
    apply: (_p, side, _peer, rng) => {
      if (side.cert) side.cert.variant = 'other-ca';
      const trustsOwn = rng.chance(0.5);
      side.cacerts = trustsOwn ? ['main', 'other'] : ['main'];
      return trustsOwn ? 'certificate from the other CA; both CAs in its own cacerts' : 'certificate from the other CA';
    },
  },
  {
    name: 'other-ca-trusted',
    weight: 1,
    summary: "one side's certificate comes from a second CA that only its peer trusts",
    applies: isCert,
    apply: (_p, side, peer) => {
      if (side.cert) side.cert.variant = 'other-ca';
      side.cacerts = ['main'];
      peer.cacerts = ['main', 'other'];
      return 'certificate from the other CA, which the peer trusts and this side does not';
    },
  },
  // Libreswan 4.10 and 5.2 take both CAs when NSS trusts them; strongSwan discards them (its scenarios).
  {
    name: 'ca-flagless',
    weight: 1,
    summary: "one side's certificate comes from a CA whose certificate, which both sides trust, has no basicConstraints CA:TRUE",
    applies: isCert,
    apply: (_p, side, peer) => {
      if (side.cert) side.cert.variant = 'flagless-ca';
      side.cacerts = ['main', 'flagless'];
      peer.cacerts = ['main', 'flagless'];
      return 'certificate from a version 3 CA without basicConstraints, trusted by both sides';
    },
  },
  {
    name: 'ca-v1',
    weight: 1,
    summary: "one side's certificate comes from a version 1 CA certificate (no extensions), which both sides trust",
    applies: isCert,
    apply: (_p, side, peer) => {
      if (side.cert) side.cert.variant = 'v1-ca';
      side.cacerts = ['main', 'v1'];
      peer.cacerts = ['main', 'v1'];
      return 'certificate from a version 1 CA, trusted by both sides';
    },
  },
  {
    name: 'san-missing',
    rule: 'cert-id-mismatch',
    weight: 2,
    summary: "one side's certificate does not carry its ID",
    applies: (p) => isCert(p) && ['fqdn', 'ip', 'email'].includes(p.base.idForm),
    apply: (_p, side) => {
      if (side.cert) side.cert.variant = 'nosan';
      return 'certificate with SAN DNS:unrelated.example only';
    },
  },
  {
    // Libreswan 4.10 and 5.2 accept it: no rule may call it a failure.
    name: 'cert-eku-email',
    weight: 1,
    summary: "one side's certificate is for e-mail protection only (extended key usage)",
    applies: isCert,
    apply: (_p, side) => {
      if (side.cert) side.cert.variant = 'eku-email';
      return 'certificate with extendedKeyUsage=emailProtection';
    },
  },
  {
    name: 'cert-ku-no-signature',
    rule: 'cert-key-usage',
    weight: 1,
    summary: "one side's certificate may not sign (key usage without digitalSignature)",
    applies: isCert,
    apply: (_p, side) => {
      if (side.cert) side.cert.variant = 'ku-encipher';
      return 'certificate with keyUsage=keyEncipherment';
    },
  },
  {
    name: 'cert-expired',
    rule: 'cert-validity',
    weight: 2,
    summary: "one side's certificate has expired",
    applies: isCert,
    apply: (_p, side) => {
      if (side.cert) side.cert.variant = 'expired';
      return 'certificate valid 2020-01-01..2021-01-01';
    },
  },
  {
    name: 'cert-not-yet-valid',
    rule: 'cert-validity',
    weight: 1,
    summary: "one side's certificate is not valid yet",
    applies: isCert,
    apply: (_p, side) => {
      if (side.cert) side.cert.variant = 'future';
      return 'certificate valid 2090-01-01..2091-01-01';
    },
  },
  {
    name: 'cert-expiring',
    weight: 1,
    summary: "one side's certificate expires within the notice period (still valid)",
    applies: isCert,
    apply: (_p, side) => {
      if (side.cert) side.cert.variant = 'expiring';
      return 'certificate that ends in a few days';
    },
  },
  {
    name: 'cert-file-missing',
    rule: 'cert-file-missing',
    weight: 1,
    summary: 'leftcert names a certificate that is neither in ipsec.d/certs nor in the NSS database',
    applies: isCert,
    apply: (_p, side) => {
      side.certAbsent = true;
      return `${side.conn.leftcert} absent`;
    },
  },
  {
    name: 'rightcert-current',
    weight: 1,
    summary: "both sides name the peer's certificate with rightcert= (current copies)",
    applies: isCert,
    apply: (_p, side, peer) => {
      for (const s of [side, peer]) {
        s.conn.rightcert = `${peerOf(s.host)}.${s.conn.leftcert.split('.').pop()}`;
        s.peerCertCopy = 'good';
      }
      return 'rightcert= with current copies on both sides';
    },
  },
  {
    name: 'rightcert-stale',
    rule: 'peer-cert-mismatch',
    weight: 1,
    summary: "rightcert= names a stale copy of the peer's certificate (the peer renewed it)",
    applies: isCert,
    apply: (_p, side, peer) => {
      for (const s of [side, peer]) {
        s.conn.rightcert = `${peerOf(s.host)}.${s.conn.leftcert.split('.').pop()}`;
        s.peerCertCopy = 'good';
      }
      side.peerCertCopy = 'renewed';
      return "rightcert= holds an older certificate of the peer (same names, other key)";
    },
  },
  {
    name: 'rsa-keyfile-missing',
    rule: 'private-key-missing',
    weight: 1,
    summary: 'ipsec.secrets names a private key file that is not there (Libreswan reads keys from NSS)',
    applies: isCert,
    apply: (p, side) => {
      const line = `: ${p.base.auth === 'ec' ? 'ECDSA' : 'RSA'} ${side.host}.key`;
      side.secrets = [...side.secrets, line];
      return `"${line}" in ipsec.secrets, no such file`;
    },
  },
  {
    name: 'secrets-readable',
    rule: 'secrets-permissions',
    weight: 1,
    summary: 'ipsec.secrets readable by every user',
    applies: always,
    apply: (_p, side) => {
      side.secretsMode = 0o644;
      return 'ipsec.secrets mode 644';
    },
  },
];
