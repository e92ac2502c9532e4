#!/usr/bin/env bash
# Regenerates every certificate and key committed under examples/ and test/fixtures/certs/.
#
#   examples/make-certs.sh              new keys, then all certificates (commit the result)
#   examples/make-certs.sh --keys DIR   keep the private keys in DIR: the first run creates
#                                       them, later runs reuse them and then write
#                                       byte-identical certificates
#
# Needs bash 4 and openssl 3 (tested with 3.0.19). Nothing is downloaded, and nothing outside
# examples/ and test/fixtures/certs/ is written except a temporary folder and the --keys DIR.
#
# What stays the same from run to run: file names, subjects, subjectAltNames, serial numbers,
# validity dates and extensions. Without --keys the RSA/EC keys are new on every run, so the
# certificate bytes and fingerprints change (every copy of a certificate in the example nodes
# is written from the same file, so the nodes stay consistent with each other).
#
# Every key and passphrase here is an example. None of it protects anything.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(dirname "$HERE")
FIXTURES=$REPO/test/fixtures/certs
PASSPHRASE='EXAMPLE-ONLY-not-a-secret'   # the same placeholder as in each node's ipsec.secrets

KEYS=''
while [ $# -gt 0 ]; do
  case $1 in
    --keys) KEYS=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
[ -n "$KEYS" ] || KEYS=$WORK/keys
mkdir -p "$KEYS" "$WORK/out"
KEYS=$(cd "$KEYS" && pwd)
OUT=$WORK/out
# The openssl configuration below reads these variables; each signing sets its own values.
export CA_DIR=$WORK SAN=DNS:unused.invalid SKI=00

# The validity of every example certificate: 20 years from 2025-01-01 (UTC).
START=20250101000000Z
END=20450101000000Z

# ---------------------------------------------------------------------------------------------
# openssl helpers

# key NAME rsa|ec: a private key (PKCS#8 PEM, unencrypted) in $KEYS, created once.
key() {
  local file=$KEYS/$1.key
  if [ ! -f "$file" ]; then
    case $2 in
      rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$file" 2>/dev/null ;;
      ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -pkeyopt ec_param_enc:named_curve -out "$file" 2>/dev/null ;;
    esac
    chmod 600 "$file"
  fi
  echo "$file"
}

# The openssl configuration shared by all CAs; each CA gets its own database folder.
cat > "$WORK/openssl.cnf" <<'CNF'
[ ca ]
default_ca = example_ca

[ example_ca ]
dir = ${ENV::CA_DIR}
database = $dir/index.txt
new_certs_dir = $dir/issued
serial = $dir/serial
default_md = sha256
policy = any_subject
unique_subject = no
email_in_dn = no
copy_extensions = none

[ any_subject ]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied

[ req ]
distinguished_name = req_dn
[ req_dn ]

[ ext_ca ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

# a CA that copies another CA's name and key identifier but has its own key
[ ext_ca_lookalike ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = ${ENV::SKI}

[ ext_rsa_gateway ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = ${ENV::SAN}

[ ext_ec_gateway ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = ${ENV::SAN}
CNF

# sign CA_NAME CSR OUT_PEM SERIAL START END EXTENSIONS [selfsign]
sign() {
  local ca=$1 csr=$2 out=$3 serial=$4 start=$5 end=$6 ext=$7 self=${8:-}
  local dir=$WORK/ca/$ca
  mkdir -p "$dir/issued"
  : > "$dir/index.txt"
  echo "$serial" > "$dir/serial"
  local args=(ca -batch -notext -preserveDN -config "$WORK/openssl.cnf" -extensions "$ext"
    -startdate "$start" -enddate "$end" -keyfile "$KEYS/$ca.key" -in "$csr" -out "$out")
  if [ -n "$self" ]; then args+=(-selfsign); else args+=(-cert "$OUT/$ca.pem"); fi
  CA_DIR=$dir SAN=$SAN openssl "${args[@]}" 2>"$WORK/openssl.log" || { cat "$WORK/openssl.log" >&2; exit 1; }
}

# make_ca NAME SUBJECT SERIAL [START END [EXTENSIONS]]: a self-signed RSA CA, $OUT/NAME.pem.
make_ca() {
  local name=$1 subject=$2 serial=$3 start=${4:-$START} end=${5:-$END} ext=${6:-ext_ca}
  key "$name" rsa >/dev/null
  openssl req -new -config "$WORK/openssl.cnf" -key "$KEYS/$name.key" -subj "$subject" -out "$WORK/$name.csr"
  sign "$name" "$WORK/$name.csr" "$OUT/$name.pem" "$serial" "$start" "$end" "$ext" selfsign
}

# make_cert CA NAME SUBJECT SAN SERIAL rsa|ec [START END]: a gateway certificate, $OUT/NAME.pem.
make_cert() {
  local ca=$1 name=$2 subject=$3 san=$4 serial=$5 type=$6 start=${7:-$START} end=${8:-$END}
  key "$name" "$type" >/dev/null
  openssl req -new -config "$WORK/openssl.cnf" -key "$KEYS/$name.key" -subj "$subject" -out "$WORK/$name.csr"
  SAN=$san sign "$ca" "$WORK/$name.csr" "$OUT/$name.pem" "$serial" "$start" "$end" "ext_${type}_gateway"
}

# der NAME DEST: the certificate in DER form (the format the epSOS nodes use).
der() { openssl x509 -in "$OUT/$1.pem" -outform DER -out "$2"; }

# ---------------------------------------------------------------------------------------------
# The three epSOS gateways: per country a CA (named like the NCP-B IdV certificate that the
# TSL usually carries as the CA) and the gateway certificate it signed.

declare -A COUNTRY=([fr]=France [dk]=Denmark [de]=Germany)
declare -A SERIAL=([fr]=10 [dk]=20 [de]=30)
for cc in fr dk de; do
  CC=${cc^^}
  make_ca "ca-$cc" "/C=$CC/O=Example NCP of ${COUNTRY[$cc]}/OU=NCP-B/CN=NCPB $CC IdV 1 (example CA)" "${SERIAL[$cc]}01"
  make_cert "ca-$cc" "gw-$cc" "/C=$CC/O=Example NCP of ${COUNTRY[$cc]}/OU=VPN/CN=vpn.$cc.example" "DNS:vpn.$cc.example" "${SERIAL[$cc]}02" rsa
  # The gateway's private key as Openswan reads it: traditional PEM, 3DES, the placeholder
  # passphrase of ipsec.secrets. Kept with the keys so that --keys reruns reuse the same file.
  if [ ! -f "$KEYS/gw-$cc.enc.key" ]; then
    openssl rsa -in "$KEYS/gw-$cc.key" -traditional -des3 -passout "pass:$PASSPHRASE" -out "$KEYS/gw-$cc.enc.key" 2>/dev/null
  fi
done

# node_etc CC: the folder standing for the node's /etc (Denmark keeps it at the node root).
node_etc() { if [ "$1" = dk ]; then echo "$HERE/dk"; else echo "$HERE/$1/etc"; fi; }

# install_node CC PEERS CA_OF_WHOM: own certificate and key, the peers' certificates and the CAs.
install_node() {
  local cc=$1 peers=$2 cas=$3 d
  d=$(node_etc "$cc")/ipsec.d
  rm -rf "$d/certs" "$d/cacerts" "$d/private"
  mkdir -p "$d/certs" "$d/cacerts" "$d/private"
  for p in $cc $peers; do der "gw-$p" "$d/certs/_${p}_VPNGateway_0.der"; done
  for p in $cas; do der "ca-$p" "$d/cacerts/NCPB__${p^^}_IdV_1.der"; done
  cp "$KEYS/gw-$cc.enc.key" "$d/private/vpn-server.key"
  chmod 700 "$d/private"
  chmod 600 "$d/private/vpn-server.key"
}
install_node fr "dk de" "fr dk de"
install_node dk "fr" "dk fr"
install_node de "fr" "de"          # deliberate: Germany lacks the CA that signed France's certificate

# ---------------------------------------------------------------------------------------------
# The racoon pair: one CA, a certificate per host, PEM files under /etc/racoon/certs.
# racoon cannot read an encrypted key, so key.pem is unencrypted (an example key).

make_ca ca-racoon "/O=Example Lab/OU=IT/CN=ca-server (example CA)" 4001
declare -A HOST_SERIAL=([a]=4002 [b]=4003)
for h in a b; do
  make_cert ca-racoon "racoon-$h" "/O=Example Lab/OU=IT/CN=ipsec-$h" "DNS:ipsec-$h.example" "${HOST_SERIAL[$h]}" rsa
  certs=$HERE/racoon-pair/ipsec-$h/etc/racoon/certs
  rm -rf "$certs"; mkdir -p "$certs"
  cp "$OUT/racoon-$h.pem" "$certs/cert.pem"
  cp "$OUT/ca-racoon.pem" "$certs/cacert.pem"
  openssl pkey -in "$KEYS/racoon-$h.key" -out "$certs/key.pem"
  chmod 600 "$certs/key.pem"
done

# ---------------------------------------------------------------------------------------------
# Test fixtures: certificates with one property each (see test/fixtures/certs/README.md).
# The fixture CA is valid 2010-01-01 .. 2049-12-31 so that it covers the expired and the
# not-yet-valid certificate.

make_ca ca-test "/O=ipsec-lint tests/CN=ipsec-lint Test CA" 5001 20100101000000Z 20491231235959Z
make_ca ca-other "/O=Unrelated Example Org/CN=Unrelated Test CA" 6001 20100101000000Z 20491231235959Z
# Same subject and same subject key identifier as the test CA, different key: only the
# signature tells that it did not issue the test certificates.
SKI=$(openssl x509 -in "$OUT/ca-test.pem" -noout -ext subjectKeyIdentifier | sed -n '2s/[ :]//gp') \
  make_ca ca-lookalike "/O=ipsec-lint tests/CN=ipsec-lint Test CA" 7001 20100101000000Z 20491231235959Z ext_ca_lookalike
make_cert ca-test gateway "/O=ipsec-lint tests/CN=gw.test.example" "DNS:gw.test.example" 5002 rsa
make_cert ca-test expired "/O=ipsec-lint tests/CN=expired.test.example" "DNS:expired.test.example" 5003 rsa 20150101000000Z 20200101000000Z
make_cert ca-test not-yet-valid "/O=ipsec-lint tests/CN=future.test.example" "DNS:future.test.example" 5004 rsa 20400101000000Z 20491231235959Z
make_cert ca-test san-mismatch "/O=ipsec-lint tests/CN=gw-intended.test.example" "DNS:gw-other.test.example" 5005 rsa
make_cert ca-test ec-gateway "/O=ipsec-lint tests/CN=ec-gw.test.example" "DNS:ec-gw.test.example" 5006 ec

mkdir -p "$FIXTURES"
der ca-test "$FIXTURES/test-ca.der"
der ca-other "$FIXTURES/other-ca.der"
der ca-lookalike "$FIXTURES/lookalike-ca.der"
for name in gateway expired not-yet-valid san-mismatch ec-gateway; do der "$name" "$FIXTURES/$name.der"; done
cp "$OUT/gateway.pem" "$FIXTURES/gateway.pem"

# ---------------------------------------------------------------------------------------------
# Check what was written: every gateway certificate verifies against its CA (on 2030-01-01).
at() { openssl verify -attime 1893456000 -CAfile "$OUT/$1.pem" "$OUT/$2.pem" >/dev/null; }
for cc in fr dk de; do at "ca-$cc" "gw-$cc"; done
for h in a b; do at ca-racoon "racoon-$h"; done
for name in gateway san-mismatch ec-gateway; do at ca-test "$name"; done
if [ "$KEYS" = "$WORK/keys" ]; then
  echo "certificates written under examples/ and test/fixtures/certs/ (new keys, not kept)"
else
  echo "certificates written under examples/ and test/fixtures/certs/ (keys kept in $KEYS)"
fi
