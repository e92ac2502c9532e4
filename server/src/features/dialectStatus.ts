import type { DialectGuess } from '../model/dialect';

const NAMES = { openswan: 'Openswan', libreswan: 'Libreswan', strongswan: 'strongSwan' } as const;

/** A status bar label and tooltip for a node's dialect. */
export function describeDialect(guess: DialectGuess): { label: string; tooltip: string } {
  if (!guess.choice) {
    const names = guess.plausible.map((d) => NAMES[d]).join(', ');
    return { label: 'IPsec: dialect?', tooltip: `Nothing in these files decides between ${names}; only mistakes all of them reject are reported. Add "# ipsec-dialect: libreswan-5" (or set ipsec.dialect) to get dialect-specific checks.` };
  }
  const { dialect, version, reason } = guess.choice;
  const name = `${NAMES[dialect]}${version ? ` ${version}` : ''}`;
  return { label: `IPsec: ${name}`, tooltip: `Checked as ${name} because of ${reason}.` };
}
