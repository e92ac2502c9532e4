import type { AlgorithmFamily, ArgumentSlot } from './types';

/** Small constructors that keep the directive tables readable. */

export const ON_OFF: ArgumentSlot = { kind: 'switch' };

export function keyword(...values: string[]): ArgumentSlot {
  return { kind: 'keyword', values };
}

export function num(label: string): ArgumentSlot {
  return { kind: 'number', label };
}

export function str(label: string): ArgumentSlot {
  return { kind: 'string', label };
}

export function optional(...slots: ArgumentSlot[]): ArgumentSlot {
  return { kind: 'optional', slots };
}

export function choice(...options: ArgumentSlot[][]): ArgumentSlot {
  return { kind: 'choice', options };
}

export function commaList(...item: ArgumentSlot[]): ArgumentSlot {
  return { kind: 'list', item, separator: 'comma', min: 1 };
}

export function algorithm(family: AlgorithmFamily): ArgumentSlot {
  return { kind: 'algorithm', family };
}

export const ADDRESS: ArgumentSlot = { kind: 'address', prefix: 'none' };
/** `10.0.0.0/24`: the prefix length is required. */
export const NETWORK: ArgumentSlot = { kind: 'address', prefix: 'required' };
/** A mode_cfg IPv4 address, which racoon reads with inet_pton: four decimal parts, nothing looser. */
export const MODE_CFG_ADDRESS: ArgumentSlot = { kind: 'address', prefix: 'none', reader: 'inet_pton4' };
/** A mode_cfg IPv4 network, `10.0.0.0/24`. */
export const MODE_CFG_NETWORK: ArgumentSlot = { kind: 'address', prefix: 'required', reader: 'inet_pton4' };
/** A sainfo id address: prefix optional, ranges allowed. */
export const SAINFO_ADDRESS: ArgumentSlot = { kind: 'address', prefix: 'optional', range: true };
export const PORT: ArgumentSlot = { kind: 'port', any: false };
export const DH_GROUP: ArgumentSlot = { kind: 'dhGroup' };
export const IDENTIFIER_VALUE: ArgumentSlot = { kind: 'identifierValue' };

/** `number unit`, e.g. `30 sec`. */
export const DURATION: readonly ArgumentSlot[] = [num('a number'), { kind: 'timeUnit' }];

/** `time N unit`, as in `lifetime time 8 hour`; ipsec-tools 0.8 refuses `byte` ("byte lifetime support is deprecated"). */
export const LIFETIME: readonly ArgumentSlot[] = [keyword('time'), ...DURATION];

/** Switches that also take `force`. */
export const ON_OFF_FORCE: ArgumentSlot = choice([ON_OFF], [keyword('force')]);
