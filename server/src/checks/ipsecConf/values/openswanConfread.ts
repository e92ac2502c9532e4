import type { ValueProblem } from './release';

/**
 * Conn values that Openswan 2.6's config reader (lib/libipsecconf/confread.c, validate_end, as of
 * 2.6.52.3) converts itself and refuses the conn over ("while loading 'NAME'"). Only what fails
 * whatever the machine's resolver, /etc/protocols or /etc/services say is judged here: a host name
 * or a protocol name may resolve on the gateway. Checked against addconn 2.6.52.3.
 */

/** The characters its name lookup lets through (ttoaddr.c); any other ASCII character fails before DNS is asked. */
const NAME_CHARACTER = /[A-Za-z0-9._-]/;

function problem(message: string): ValueProblem {
  return { message };
}

/** The first ASCII character a name lookup would refuse, if any (other characters are let through). */
function badNameCharacter(text: string): string | undefined {
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80 && !NAME_CHARACTER.test(ch)) return ch;
  }
  return undefined;
}

/** A dotted IPv4 netmask whose one-bits are not all in front. */
function nonContiguousMask(mask: string): boolean {
  const parts = mask.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return false;
  const bits = parts.map((p) => Number(p).toString(2).padStart(8, '0')).join('');
  return /01/.test(bits);
}

/** `leftsubnet=`: exactly one `address/prefix` (IPv4 also `address/netmask`, either with an optional `:port`), or vhost:/vnet:. */
function subnet(value: string): ValueProblem | undefined {
  if (/^(vhost|vnet):/.test(value)) return undefined;
  // `%default` depends on the conn's clientaddrfamily=, which this value alone does not show.
  if (value === '%default') return undefined;
  if (/[\s,]/.test(value)) return problem('Openswan reads one subnet here and refuses the conn over a list; put several in leftsubnets=/rightsubnets=');
  const slash = value.indexOf('/');
  if (slash < 0) return problem(`Openswan needs an address/prefix here and refuses the conn over "${value}" without one`);
  const address = value.slice(0, slash);
  const bad = address.includes(':') ? undefined : badNameCharacter(address);
  if (bad !== undefined) return problem(`"${address}" is neither an address nor a possible host name ("${bad}"); Openswan refuses the conn`);
  const colon = value.indexOf(':', slash);
  const mask = colon < 0 ? value.slice(slash + 1) : value.slice(slash + 1, colon);
  if (!address.includes(':') && nonContiguousMask(mask)) return problem(`the netmask ${mask} has a gap in its one-bits; Openswan refuses the conn`);
  return undefined;
}

/** `leftnexthop=` and `leftsourceip=`: a numeric address, or a name its resolver may find (nexthop also `%defaultroute`). */
function addressOrName(key: string, value: string): ValueProblem | undefined {
  if (key === 'nexthop' && value.toLowerCase() === '%defaultroute') return undefined;
  if (value.includes(':')) return undefined;
  const bad = badNameCharacter(value);
  if (bad === undefined) return undefined;
  const known = key === 'nexthop' ? ' (of the %-words only %defaultroute)' : '';
  return problem(`Openswan takes an address or a host name here${known}; "${bad}" cannot be in a name, so it refuses the conn`);
}

/** `leftprotoport=`: a negative protocol or port number is out of range. */
function protoport(value: string): ValueProblem | undefined {
  const slash = value.indexOf('/');
  const protocol = slash < 0 ? value : value.slice(0, slash);
  const port = slash < 0 ? '' : value.slice(slash + 1);
  if (/^-\d+$/.test(protocol)) return problem(`protocol ${protocol} is below 0; Openswan refuses the conn`);
  if (/^-\d+$/.test(port)) return problem(`port ${port} is below 0; Openswan refuses the conn`);
  return undefined;
}

/** What Openswan 2.6's confread.c refuses in this conn value (as the scanner hands it over: braces dropped), or undefined. `name` is the knowledge's base name. */
export function openswanConfreadProblem(name: string, value: string): ValueProblem | undefined {
  if (value.length === 0) return undefined;
  switch (name) {
    case 'subnet':
      return subnet(value);
    case 'nexthop':
    case 'sourceip':
      return addressOrName(name, value);
    case 'protoport':
      return protoport(value);
    default:
      return undefined;
  }
}
