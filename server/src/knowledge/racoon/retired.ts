/**
 * Words that turn up in racoon.conf files written for other racoon versions and that the
 * ipsec-tools racoon refuses, with what to do instead.
 */
export const RETIRED_RACOON_KEYWORDS: Readonly<Record<string, string>> = {
  support_mip6: 'was the Mobile IPv6 switch of the old KAME racoon; ipsec-tools dropped it. Delete the line.',
  keepalive: 'is still a word racoon\'s lexer knows, but no statement accepts it any more. Use `natt_keepalive` in `timer` for NAT-T keep-alives, or `dpd_delay` for dead peer detection.',
  identifier: 'is the old spelling of `my_identifier`. Write `my_identifier` instead.',
};
