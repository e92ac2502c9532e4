import { toAtoms, type ArgumentAtom } from '../../knowledge/racoon/atoms';
import type { RacoonFile, RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { racoonStatements } from '../../parsing/racoon/walk';
import type { Report } from '../rule';

/**
 * Values racoon refuses for what they add up to or for what the path names rather than for their
 * shape: more mode_cfg DNS or WINS servers than it has room for (counted over the whole file, as
 * racoon keeps one table), and an admin socket path the racoon-ipsec-tools fork will not create.
 * `valid` says whether a statement's arguments fit otherwise; only those are counted.
 */
export function valueLimitFindings(file: RacoonFile, valid: (statement: RacoonStatement) => boolean): Report[] {
  const found: Report[] = [];
  const servers: Record<ServerKind, ArgumentAtom[]> = { dns4: [], wins4: [] };
  let unknownCount = false;
  for (const { statement } of racoonStatements(file)) {
    const meaning = meaningOf(statement);
    if (meaning.kind !== 'known' || !valid(statement)) continue;
    const name = meaning.directive.name;
    const atoms = toAtoms(meaning.args, false).filter((atom) => atom.kind !== 'comma');
    if (name === 'dns4' || name === 'wins4') {
      if (atoms.some((atom) => atom.placeholder)) unknownCount = true;
      servers[name].push(...atoms);
    } else if (name === 'adminsock' && atoms[0]?.kind === 'string') {
      const path = adminSocketPathProblem(atoms[0].text);
      if (path) found.push({ span: atoms[0].span, message: path, severity: 'warning' });
    }
  }
  if (!unknownCount) {
    for (const kind of ['dns4', 'wins4'] as const) {
      const over = tooMany(kind, servers[kind]);
      if (over) found.push(over);
    }
  }
  return found;
}

type ServerKind = 'dns4' | 'wins4';

/** The table sizes of racoon's isakmp_cfg_config: MAXNS DNS servers and MAXWINS WINS servers. */
const ROOM: Readonly<Record<ServerKind, number>> = { dns4: 3, wins4: 4 };
const LABEL: Readonly<Record<ServerKind, string>> = { dns4: 'DNS', wins4: 'WINS' };

/**
 * The racoon-ipsec-tools fork refuses the first server past the table; ipsec-tools 0.8.2 checks one
 * too late, writes that server past the end of its table and only refuses (or crashes on) the next.
 */
function tooMany(kind: ServerKind, atoms: readonly ArgumentAtom[]): Report | undefined {
  const room = ROOM[kind];
  if (atoms.length <= room) return undefined;
  const extra = atoms[room];
  const label = LABEL[kind];
  if (atoms.length === room + 1) {
    return {
      span: extra.span,
      severity: 'warning',
      message: `racoon has room for ${room} ${label} servers: the racoon-ipsec-tools fork refuses this ${room + 1}th one, and ipsec-tools 0.8.2 writes it past the end of its table; list at most ${room} (over all ${kind} lines)`,
    };
  }
  return { span: extra.span, message: `racoon has room for ${room} ${label} servers and refuses the file with ${atoms.length}: list at most ${room} (over all ${kind} lines)` };
}

/** The fork's rule for the admin socket: no `..` component, and a name `racoon.sock` or ending in `.sock` or `.socket`. */
function adminSocketPathProblem(path: string): string | undefined {
  const parts = path.split('/');
  const base = parts[parts.length - 1];
  const dotted = parts.includes('..');
  const named = base === 'racoon.sock' || (base.length > 5 && base.endsWith('.sock')) || (base.length > 7 && base.endsWith('.socket'));
  if (!dotted && named && path !== '') return undefined;
  const why = dotted ? 'has a `..` component' : 'does not end in `.sock` or `.socket`';
  return `this admin socket path ${why}: the racoon-ipsec-tools fork refuses it (ipsec-tools 0.8.2 takes any path); use a file such as /var/racoon/racoon.sock`;
}
