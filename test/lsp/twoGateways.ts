/**
 * France and Denmark, each with a conn for the other and agreeing on every ID: France's gateway
 * under etc/ as on a server, Denmark's files straight in its folder. Tests change a file or two.
 */
export const TWO_GATEWAYS: Readonly<Record<string, string>> = {
  'fr/etc/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'fr/etc/ipsec.d/server.conf': 'conn %default\n\tleft=192.0.2.10\n\tleftid=@vpn.fr.example\n\ttype=transport\n',
  'fr/etc/ipsec.d/dk.conf': 'conn dk\n\tright=198.51.100.20\n\trightid=@vpn.dk.example\n\tauto=add\n',
  'dk/ipsec.conf': 'config setup\n\tprotostack=netkey\ninclude /etc/ipsec.d/*.conf\n',
  'dk/ipsec.d/server.conf': 'conn %default\n\tleft=198.51.100.20\n\tleftid=@vpn.dk.example\n\ttype=transport\n',
  'dk/ipsec.d/fr.conf': 'conn fr\n\tright=192.0.2.10\n\trightid=@vpn.fr.example\n\tauto=add\n',
};
