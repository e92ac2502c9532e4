import { canonicalAddress, isIPv4, isIPv6 } from '../../text/ipLiteral';
import type { ArgumentAtom } from './atoms';
import { isDecimal } from './slotChecks';
import { IDENTIFIER_TYPES, SAINFO_PROTOCOLS } from './values';

/** `address 10.0.0.0/24 [80] tcp`: an address id with its optional port and its upper-layer protocol. */
export interface SainfoAddressId {
  readonly kind: 'address';
  readonly type: ArgumentAtom;
  readonly address: ArgumentAtom;
  readonly port?: ArgumentAtom;
  readonly protocol: ArgumentAtom;
}

/** `fqdn "peer.example.org"`: an identity given as a string. */
export interface SainfoNameId {
  readonly kind: 'name';
  readonly type: ArgumentAtom;
  readonly value: ArgumentAtom;
}

export type SainfoId = SainfoAddressId | SainfoNameId | { readonly kind: 'anonymous' | 'clientaddr'; readonly atom: ArgumentAtom };

/** The header of `sainfo local remote [from type ["id"]] [group "name"] {`. */
export interface SainfoHeader {
  readonly local: SainfoId;
  readonly remote: SainfoId;
  readonly from?: { readonly type: ArgumentAtom; readonly value?: ArgumentAtom };
  readonly group?: ArgumentAtom;
}

const TYPES: readonly string[] = IDENTIFIER_TYPES;
const PROTOCOLS: readonly string[] = SAINFO_PROTOCOLS;
/** The protocol numbers behind racoon's upper-layer names; `any` is stored as 0 in an id. */
const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = { any: 0, icmp: 1, tcp: 6, udp: 17, gre: 47, esp: 50, ah: 51, icmp6: 58, ipcomp: 108 };
const ADDRESS_WORD = /^[0-9A-Fa-f:.]+(?:-[0-9A-Fa-f:.]+)?(?:\/\d{1,3})?$/;

/** Reads a sainfo header as cfparse.y's `sainfo_name sainfo_param`; undefined when it does not fit (another rule says why). */
export function readSainfoHeader(atoms: readonly ArgumentAtom[]): SainfoHeader | undefined {
  if (atoms.some((atom) => atom.placeholder)) return undefined;
  let position = 0;
  const readId = (allowSpecial: boolean): SainfoId | undefined => {
    const atom = atoms[position];
    if (!atom || atom.kind !== 'word') return undefined;
    if (atom.text === 'anonymous' || atom.text === 'clientaddr') {
      if (!allowSpecial) return undefined;
      position++;
      return { kind: atom.text, atom };
    }
    if (!TYPES.includes(atom.text)) return undefined;
    const value = atoms[position + 1];
    if (value?.kind === 'string') {
      position += 2;
      return { kind: 'name', type: atom, value };
    }
    if (value?.kind !== 'word' || !ADDRESS_WORD.test(value.text)) return undefined;
    const port = atoms[position + 2]?.kind === 'bracket' ? atoms[position + 2] : undefined;
    const protocol = atoms[position + (port ? 3 : 2)];
    if (protocol?.kind !== 'word' || !(PROTOCOLS.includes(protocol.text) || isDecimal(protocol.text))) return undefined;
    position += port ? 4 : 3;
    return { kind: 'address', type: atom, address: value, port, protocol };
  };
  const local = readId(true);
  if (!local) return undefined;
  // `anonymous clientaddr` and `anonymous ID`, `ID anonymous`, `ID clientaddr`, `ID ID`; never `clientaddr` first.
  if (local.kind === 'clientaddr') return undefined;
  // A lone `anonymous` stands for both ids.
  const remote = readId(true) ?? (local.kind === 'anonymous' ? local : undefined);
  if (!remote || (remote.kind === 'anonymous' && remote !== local && local.kind === 'anonymous')) return undefined;
  const keyword = atoms[position];
  if (keyword?.kind === 'word' && keyword.text === 'from' && atoms[position + 1]?.kind === 'word' && TYPES.includes(atoms[position + 1].text)) {
    const value = atoms[position + 2];
    const from = value && value.kind !== 'comma' ? { type: atoms[position + 1], value } : { type: atoms[position + 1] };
    return position + (from.value ? 3 : 2) === atoms.length ? { local, remote, from } : undefined;
  }
  if (keyword?.kind === 'word' && keyword.text === 'group' && atoms[position + 1]?.kind === 'string') {
    return position + 2 === atoms.length ? { local, remote, group: atoms[position + 1] } : undefined;
  }
  return position === atoms.length ? { local, remote } : undefined;
}

/** The protocol number of a sainfo upper-layer word (`icmp` is 1, `any` 0), or undefined. */
export function protocolNumber(word: string): number | undefined {
  if (isDecimal(word)) return Number(word);
  return PROTOCOL_NUMBERS[word];
}

/** The port racoon reads from `[N]` (`[any]` and no port are 0, which means any). */
export function portNumber(port: ArgumentAtom | undefined): number {
  const digits = port ? /^\[(\d+)\]$/.exec(port.text)?.[1] : undefined;
  return digits === undefined ? 0 : Number(digits);
}

/** The family of the (first) address of an address id, or undefined when it is no numeric address. */
export function addressFamily(id: SainfoAddressId): 4 | 6 | undefined {
  const first = id.address.text.split(/[-/]/)[0];
  if (isIPv4(first)) return 4;
  return isIPv6(first) ? 6 : undefined;
}

/**
 * What racoon compares when it looks for a duplicate: the id's address (or range) and prefix,
 * and its protocol, but not its port. Undefined when the text could be read more than one way.
 */
export function idKey(id: SainfoId): string | undefined {
  if (id.kind === 'name') return `${id.type.text} ${id.value.text}`;
  if (id.kind !== 'address') return undefined;
  const [range, prefix] = id.address.text.split('/');
  const ends = range.split('-').map(canonicalAddress);
  if (ends.some((end) => end === undefined)) return undefined;
  const protocol = protocolNumber(id.protocol.text);
  const family = addressFamily(id);
  if (protocol === undefined || family === undefined) return undefined;
  // A prefix as long as the address names the single address, as no prefix does.
  const full = family === 4 ? 32 : 128;
  const length = prefix === undefined ? full : Number(prefix);
  if (length > full || (ends.length > 1 && prefix !== undefined)) return undefined;
  return `${ends.join('-')}/${length} ${protocol}`;
}
