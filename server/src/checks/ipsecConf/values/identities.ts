import { addressProblem } from './addresses';
import type { Release, ValueProblem } from './release';

/**
 * IKE identities. Libreswan and Openswan read an ID without `@` or `=` as an address (or a
 * name to resolve) and `@#…` as hex; strongSwan takes anything it cannot parse as a
 * host name, so only the first two are judged.
 */
export function checkId(value: string, release: Release): ValueProblem | undefined {
  if (release.dialect === 'strongswan') return undefined;
  if (value.startsWith('%') || value.includes('=')) return undefined;
  if (value.startsWith('@#')) {
    const hex = value.slice(2);
    return /^(0x)?[0-9A-Fa-f]*$/.test(hex) ? undefined : { message: `"${value}" is a key ID (@#…), which must be hex digits` };
  }
  if (value.includes('@')) return undefined;
  const found = addressProblem(value);
  return found === undefined ? undefined : { message: `${found}; an ID without @ is read as an address` };
}
