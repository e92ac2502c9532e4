import { addressProblem, classifyAddress, rangeProblem, subnetProblem } from './addresses';
import { everyRelease, type Release, type ValueProblem } from './release';

/**
 * Address-like values. Each daemon reads more forms than these checks know (host names,
 * `%`-keywords, interface names, strongSwan's `[proto/port]` selectors), so only a part that
 * is plainly a malformed address or prefix is reported.
 */

function problem(message: string | undefined): ValueProblem | undefined {
  return message === undefined ? undefined : { message };
}

/** One element of an address, host or subnet list. */
function elementProblem(element: string): string | undefined {
  if (element.length === 0 || element.startsWith('%')) return undefined;
  if (element.includes('/')) return subnetProblem(element);
  if (element.includes('-')) return rangeProblem(element);
  return addressProblem(element);
}

function firstProblem(elements: readonly string[]): ValueProblem | undefined {
  for (const element of elements) {
    const found = elementProblem(element);
    if (found !== undefined) return { message: found };
  }
  return undefined;
}

/** `left=`/`right=`: an address, a name, a `%`-keyword; strongSwan also takes lists and subnets. */
export function checkHost(value: string): ValueProblem | undefined {
  return firstProblem(value.split(',').map((e) => e.trim()));
}

export function checkAddressList(value: string): ValueProblem | undefined {
  return firstProblem(value.split(/[\s,]+/));
}

/** Strips what may precede or follow the address part of a subnet element. */
function subnetCore(element: string): string {
  const core = element
    .replace(/^!/, '')
    .replace(/^(%v4:|%v6:|vhost:|vnet:)/i, '')
    .replace(/^!/, '');
  return withoutBracketSuffix(core);
}

/**
 * The element without a trailing `[...]`, as `/\[[^\]]*\]$/` would remove it, but in one pass:
 * that expression tries every `[` of a long run of them again (quadratic).
 */
function withoutBracketSuffix(element: string): string {
  if (!element.endsWith(']')) return element;
  const open = element.indexOf('[', element.lastIndexOf(']', element.length - 2) + 1);
  return open >= 0 && open < element.length - 1 ? element.slice(0, open) : element;
}

export function checkSubnetList(value: string, release: Release): ValueProblem | undefined {
  // Openswan's ttosubnet takes a port after the prefix (`10.0.0.0/8:80`).
  const elements = value.split(/[\s,{}]+/).map(subnetCore).map((e) => (release.dialect === 'openswan' ? e.replace(/(\/[^/:]*):\d+$/, '$1') : e));
  const found = firstProblem(elements);
  if (found !== undefined || !everyRelease(release, (t) => t.subnetNeedsPrefix)) return found;
  const bare = elements.find((e) => !e.includes('/') && !e.includes('-') && classifyAddress(e).kind !== 'notAddress');
  return bare === undefined ? undefined : { message: `"${bare}" has no /prefix, which this daemon requires for a subnet (write ${bare}/${classifyAddress(bare).kind === 'ipv6' ? 128 : 32} for one host)` };
}

/** An address pool: `first-last` or a prefix. */
export function checkAddressPool(value: string): ValueProblem | undefined {
  return firstProblem(value.split(/[\s,]+/));
}

function numberAbove(text: string, max: number): boolean {
  return /^\d+$/.test(text) && Number(text) > max;
}

/** `protocol[/port]`: a number or name for each, `%any`; strongSwan also takes port ranges and `%opaque`. */
export function checkProtoport(value: string): ValueProblem | undefined {
  const slash = value.indexOf('/');
  const protocol = slash < 0 ? value : value.slice(0, slash);
  const port = slash < 0 ? '' : value.slice(slash + 1);
  if (numberAbove(protocol, 255)) return problem(`protocol number ${protocol} is above 255`);
  for (const end of port.split('-')) {
    if (numberAbove(end, 65535)) return problem(`port ${end} is above 65535`);
  }
  return undefined;
}
