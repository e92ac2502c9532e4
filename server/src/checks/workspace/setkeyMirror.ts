import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedDocument } from '../../model/document';
import type { SetkeyStatement } from '../../parsing/setkey/ast';
import { canonicalAddress, ipVersion } from '../../text/ipLiteral';
import { defineWorkspaceRule, type WorkspaceReport } from '../workspaceRule';

export interface Policy {
  readonly document: ParsedDocument<'setkey'>;
  readonly statement: SetkeyStatement;
  readonly source: string;
  readonly destination: string;
  /** The selectors in one form, for comparing (`selectorKey`). */
  readonly sourceKey: string;
  readonly destinationKey: string;
  readonly direction: string;
  /** protocol/mode/level of each request, with tunnel endpoints. */
  readonly requests: readonly string[];
  readonly endpoints: readonly string[];
}

/**
 * An address selector in one form: an address in one spelling, a missing prefix as the full
 * length (`192.0.2.1` is `192.0.2.1/32`), `[any]` as no port; anything else as written.
 */
export function selectorKey(text: string): string {
  const port = /\[([^\]]*)\]$/.exec(text);
  const [net, prefix] = (port ? text.slice(0, port.index) : text).split('/');
  const address = canonicalAddress(net);
  if (!address) return text.toLowerCase();
  const portKey = port && port[1].toLowerCase() !== 'any' ? `[${port[1]}]` : '';
  return `${address}/${prefix ?? (ipVersion(net) === 4 ? '32' : '128')}${portKey}`;
}

export function policies(document: ParsedDocument<'setkey'>): Policy[] {
  const found: Policy[] = [];
  for (const statement of document.ast.statements) {
    const p = statement.policy;
    if (statement.command.text === 'spddelete' || !p?.source || !p.destination || !p.direction || p.action?.text !== 'ipsec') continue;
    found.push({
      document,
      statement,
      source: p.source.text,
      destination: p.destination.text,
      sourceKey: selectorKey(p.source.text),
      destinationKey: selectorKey(p.destination.text),
      direction: p.direction.text,
      requests: p.requests.map((r) => `${r.protocol}/${r.mode}/${r.level.split(':')[0] || 'default'}`),
      endpoints: p.requests.map((r) => (r.mode === 'tunnel' ? r.endpoints.split('-').map((end) => canonicalAddress(end) ?? end).join('-') : '')),
    });
  }
  return found;
}

const name = (document: ParsedDocument): string => {
  try {
    return path.basename(path.dirname(path.dirname(path.dirname(fileURLToPath(document.uri))))) || document.uri;
  } catch {
    return document.uri;
  }
};

export const setkeyPolicyMirror = defineWorkspaceRule({
  code: 'setkey-policy-mirror',
  fileKinds: ['setkey'],
  defaultSeverity: 'warning',
  title: "Two hosts' IPsec policies do not mirror each other",
  description:
    "When host A sends src→dst with `-P out ipsec …`, host B must accept the same src→dst with `-P in ipsec …` using the same protocol, mode and level, and tunnel endpoints swapped back (A's `a-b` is B's `a-b` for the same direction of traffic). A policy on one side with no or a different partner drops the traffic. Checked between setkey files of the workspace that describe the same traffic.",
  check(model, report) {
    const files = model.setkeyFiles.map((file) => ({ file, policies: policies(file) }));
    for (const a of files) {
      for (const outbound of a.policies.filter((p) => p.direction === 'out')) {
        for (const b of files) {
          if (b === a) continue;
          const sameTraffic = b.policies.filter((p) => p.sourceKey === outbound.sourceKey && p.destinationKey === outbound.destinationKey);
          if (sameTraffic.length === 0) continue;
          const inbound = sameTraffic.find((p) => p.direction === 'in');
          const say = (target: Policy, message: string, other: Policy): WorkspaceReport => ({
            document: target.document,
            span: target.statement.span,
            message,
            related: [{ document: other.document, span: other.statement.span, message: `the policy at ${name(other.document)}` }],
          });
          if (!inbound) {
            report(say(outbound, `${name(b.file)} has policies for ${outbound.source} → ${outbound.destination} but none with "-P in": add the matching in policy there, or the traffic is dropped`, sameTraffic[0]));
            continue;
          }
          if (inbound.requests.join(' ') !== outbound.requests.join(' ') || inbound.endpoints.join(' ') !== outbound.endpoints.join(' ')) {
            report(say(outbound, `this out policy (${outbound.requests.join(' ')}) does not match the in policy at ${name(b.file)} (${inbound.requests.join(' ')}): use the same protocol, mode, level and tunnel endpoints`, inbound));
            report(say(inbound, `this in policy (${inbound.requests.join(' ')}) does not match the out policy at ${name(a.file)} (${outbound.requests.join(' ')}): use the same protocol, mode, level and tunnel endpoints`, outbound));
          }
        }
      }
    }
  },
});
