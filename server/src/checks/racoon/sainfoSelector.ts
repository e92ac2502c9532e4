import { toAtoms } from '../../knowledge/racoon/atoms';
import { addressFamily, portNumber, protocolNumber, readSainfoHeader, type SainfoHeader, type SainfoId } from '../../knowledge/racoon/sainfoHeader';
import type { RacoonStatement } from '../../parsing/racoon/ast';
import { meaningOf } from '../../parsing/racoon/resolve';
import { racoonStatements } from '../../parsing/racoon/walk';
import { perObject } from '../../workspace/memo';
import { defineRule, type Report } from '../rule';

const ICMP = 1;
const ICMP6 = 58;
/** Past this, atoi() in racoon's lexer no longer returns the number written (it may even wrap to 0). */
const LARGEST_INT = 2147483647;

export const racoonSainfoSelector = defineRule({
  code: 'racoon-sainfo-selector',
  fileKinds: ['racoon'],
  defaultSeverity: 'error',
  title: 'A sainfo id racoon refuses: a port with icmp, an ICMP protocol of the other IP family, an asn1dn id',
  description:
    'racoon checks each id of a `sainfo` header as it reads it and refuses the file when an `icmp` or `icmp6` id (or protocol 1 or 58) has a port (ICMP has none: leave the port out or write `[any]`), when `icmp6` goes with an IPv4 address or `icmp` with an IPv6 one (write the protocol of the address family), or when an id is an `asn1dn` (a sainfo can name its peer by DN only with `from asn1dn "…"`).',
  check(document, report) {
    for (const { statement } of racoonStatements(document.ast)) {
      const header = sainfoHeaderOf(statement);
      if (!header) continue;
      for (const id of [header.local, header.remote]) {
        const found = idProblem(id);
        if (found) report(found);
      }
    }
  },
});

/**
 * The header of a sainfo statement as racoon reads it, or undefined for other statements and
 * headers that do not parse. Several rules read each sainfo's header: read once per parsed statement.
 */
export const sainfoHeaderOf: (statement: RacoonStatement) => SainfoHeader | undefined = perObject(readHeader);

function readHeader(statement: RacoonStatement): SainfoHeader | undefined {
  const meaning = meaningOf(statement);
  if (meaning.kind !== 'known' || meaning.directive.name !== 'sainfo') return undefined;
  return readSainfoHeader(toAtoms(meaning.args, false));
}

function idProblem(id: SainfoId): Report | undefined {
  if (id.kind === 'name') {
    return id.type.text === 'asn1dn' ? { span: id.type.span, message: 'racoon does not take an `asn1dn` as a sainfo id; to match the peer by its DN write `from asn1dn "…"` after the two ids' } : undefined;
  }
  if (id.kind !== 'address') return undefined;
  const protocol = protocolNumber(id.protocol.text);
  if (protocol !== ICMP && protocol !== ICMP6) return undefined;
  const port = portNumber(id.port);
  if (id.port && port !== 0 && port <= LARGEST_INT) {
    return { span: id.port.span, message: `\`${id.protocol.text}\` has no ports, and racoon refuses a port with it: remove \`${id.port.text}\` or write \`[any]\`` };
  }
  const family = addressFamily(id);
  if (family === 4 && protocol === ICMP6) return { span: id.protocol.span, message: `\`${id.protocol.text}\` is ICMP for IPv6, but \`${id.address.text}\` is an IPv4 address: racoon refuses the pair; write \`icmp\`` };
  if (family === 6 && protocol === ICMP) return { span: id.protocol.span, message: `\`${id.protocol.text}\` is ICMP for IPv4, but \`${id.address.text}\` is an IPv6 address: racoon refuses the pair; write \`icmp6\`` };
  return undefined;
}
