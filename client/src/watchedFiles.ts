/**
 * The files whose changes on disk the server hears of: configurations (setkey's too), secrets,
 * certificates and keys by their usual names and anything inside the folders the daemons read
 * them from (a CA copied into `cacerts` without an extension is read all the same), CRLs and the
 * project's settings.
 */
export const WATCHED_FILES =
  '**/{ipsec.conf,ipsec.secrets,*.conf,*.secrets,psk.txt,*.setkey,*.der,*.pem,*.crt,*.cer,*.cert,*.crl,*.key,cacerts/*,certs/*,private/*,crls/*,.ipsec-lint.json}';
