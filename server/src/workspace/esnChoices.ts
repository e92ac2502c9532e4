import type { DialectGuess } from '../model/dialect';
import type { EffectiveConn } from './model';

export type Esn = 'esn' | 'noesn';

/**
 * The extended-sequence-number choices an end offers for its Child SA. strongSwan reads them
 * from each `esp=` proposal (`-esn`, `-noesn`, both, or neither: then no ESN); Libreswan from
 * `esn=` (yes, no, or either, which 4.10 proposes by default). Undefined where the daemon is
 * not known, or the words cannot be read.
 */
export function esnChoices(conn: EffectiveConn, dialect: DialectGuess): ReadonlySet<Esn> | undefined {
  const daemon = dialect.choice?.dialect;
  if (daemon === 'strongswan') {
    const esp = conn.values.get('esp')?.value;
    if (esp === undefined) return undefined;
    const choices = new Set<Esn>();
    for (const proposal of esp.split(',')) {
      const words = proposal.trim().toLowerCase().replace(/!$/, '').split('-');
      const esn = words.includes('esn');
      const noesn = words.includes('noesn');
      if (esn) choices.add('esn');
      if (noesn || !esn) choices.add('noesn');
    }
    return choices;
  }
  if (daemon === 'libreswan') {
    const esn = conn.values.get('esn')?.value.trim().toLowerCase() ?? 'either';
    if (esn === 'yes') return new Set(['esn']);
    if (esn === 'no') return new Set(['noesn']);
    if (esn === 'either') return new Set(['esn', 'noesn']);
  }
  return undefined;
}
