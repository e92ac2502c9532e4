import type { AddressSpec, SetkeyStatement } from '../../parsing/setkey/ast';
import { familyOf, spiValue } from '../../parsing/setkey/values';
import { defineRule } from '../rule';

export const setkeyDuplicateEntry = defineRule({
  code: 'setkey-duplicate-entry',
  fileKinds: ['setkey'],
  defaultSeverity: 'warning',
  title: 'A policy or SA is added twice',
  description:
    'The kernel holds one policy per selector and direction, and one SA per addresses, protocol and SPI. Adding the same one again (with no `spdflush`, `flush` or delete in between) fails with "File exists", so the second statement has no effect and its settings are silently lost. Remove one of them, or use `spdupdate` to replace a policy on purpose.',
  check(document, report) {
    const { source, uri } = document;
    const policies = new Map<string, SetkeyStatement>();
    const associations = new SaTable();
    const reportRepeat = (statement: SetkeyStatement, earlier: SetkeyStatement, what: string): void => {
      const line = source.positionAt(earlier.span.start).line + 1;
      report({
        span: statement.command.span,
        message: `the same ${what} was already added on line ${line}: the kernel refuses this one ("File exists")`,
        related: [{ uri, range: source.rangeOf(earlier.span), message: `first ${what}` }],
      });
    };
    for (const statement of document.ast.statements) {
      const key = statement.policy ? policyKey(statement) : undefined;
      switch (statement.name) {
        case 'spdadd': {
          const earlier = key === undefined ? undefined : policies.get(key);
          if (earlier) reportRepeat(statement, earlier, 'policy');
          else if (key !== undefined) policies.set(key, statement);
          break;
        }
        case 'spdupdate':
          if (key !== undefined) policies.set(key, statement);
          break;
        case 'spddelete':
          if (key !== undefined) policies.delete(key);
          break;
        case 'spdflush':
          policies.clear();
          break;
        case 'add': {
          const earlier = associations.add(statement);
          if (earlier) reportRepeat(statement, earlier, 'SA');
          break;
        }
        case 'delete':
        case 'deleteall':
        case 'flush':
          associations.remove(statement);
          break;
        default:
          break;
      }
    }
  },
});

function selector(address: AddressSpec): string {
  const family = familyOf(address.host.text);
  const full = family === 'ipv4' ? '32' : family === 'ipv6' ? '128' : undefined;
  const prefix = address.prefix?.text === full ? undefined : address.prefix?.text;
  const port = address.port?.text === 'any' || address.port?.text === '0' ? undefined : address.port?.text;
  return `${address.host.text.toLowerCase()}/${prefix ?? ''}[${port ?? ''}]`;
}

function policyKey(statement: SetkeyStatement): string | undefined {
  const policy = statement.policy;
  const direction = policy?.direction?.text;
  if (!policy || !direction) return undefined;
  if (policy.tag) return `tag ${policy.tag.text} ${direction}`;
  if (!policy.source || !policy.destination || !policy.upperLayer) return undefined;
  const detail = policy.upperLayerDetail?.text ?? '';
  return `${selector(policy.source)} ${selector(policy.destination)} ${policy.upperLayer.text} ${detail} ${direction}`;
}

/** esp, esp-old and esp-udp are all ESP SAs to the kernel; ah and ah-old are AH. */
function saType(protocol: string): string {
  return protocol.startsWith('esp') ? 'esp' : protocol.startsWith('ah') ? 'ah' : protocol;
}

/** SAs by type, then address pair, then SPI, so that every flush or delete costs one lookup. */
class SaTable {
  private readonly byType = new Map<string, Map<string, Map<number, SetkeyStatement>>>();

  /** Records the SA; returns the earlier statement when it was added already. */
  add(statement: SetkeyStatement): SetkeyStatement | undefined {
    const where = locate(statement);
    if (!where || where.spi === undefined) return undefined;
    const pairs = this.byType.get(where.type) ?? new Map<string, Map<number, SetkeyStatement>>();
    this.byType.set(where.type, pairs);
    const spis = pairs.get(where.pair) ?? new Map<number, SetkeyStatement>();
    pairs.set(where.pair, spis);
    const earlier = spis.get(where.spi);
    if (!earlier) spis.set(where.spi, statement);
    return earlier;
  }

  remove(statement: SetkeyStatement): void {
    if (statement.name === 'flush') {
      if (statement.protocol) this.byType.delete(saType(statement.protocol.text));
      else this.byType.clear();
      return;
    }
    const where = locate(statement);
    if (!where) return;
    const pairs = this.byType.get(where.type);
    if (statement.name === 'deleteall' || where.spi === undefined) pairs?.delete(where.pair);
    else pairs?.get(where.pair)?.delete(where.spi);
  }
}

function locate(statement: SetkeyStatement): { type: string; pair: string; spi?: number } | undefined {
  const sa = statement.sa;
  if (!sa?.source || !sa.destination || !sa.protocol) return undefined;
  const pair = `${sa.source.host.text.toLowerCase()} ${sa.destination.host.text.toLowerCase()}`;
  return { type: saType(sa.protocol.text), pair, spi: sa.spi ? spiValue(sa.spi.text) : undefined };
}
