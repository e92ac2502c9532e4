/**
 * The files whose changes on disk the server hears of: configurations, secrets, certificates,
 * keys, CRLs (named `*.crl` or anything inside a `crls` folder) and the project's settings.
 */
export const WATCHED_FILES = '**/{ipsec.conf,ipsec.secrets,*.conf,*.secrets,psk.txt,*.der,*.pem,*.crt,*.cer,*.crl,crls/*,*.key,.ipsec-lint.json}';
