import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedDocument } from '../../model/document';
import type { SetkeyStatement } from '../../parsing/setkey/ast';
import { canonicalAddress, ipVersion } from '../../text/ipLiteral';
import { perObject } from '../../workspace/memo';
import { defineWorkspaceRule, type WorkspaceReport, type WorkspaceReporter } from '../workspaceRule';

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

/** Several cross-file rules read a setkey file's policies after every edit of the workspace: derived once per parsed version. */
export const policies: (document: ParsedDocument<'setkey'>) => readonly Policy[] = perObject(readPolicies);

function readPolicies(document: ParsedDocument<'setkey'>): Policy[] {
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

/** The host a setkey file belongs to, for messages: its folder, above any `etc` or `racoon` folder. */
const name = (document: ParsedDocument): string => {
  try {
    let folder = path.dirname(fileURLToPath(document.uri));
    while (['etc', 'racoon'].includes(path.basename(folder)) && path.dirname(folder) !== folder) folder = path.dirname(folder);
    return path.basename(folder) || document.uri;
  } catch {
    return document.uri;
  }
};

const traffic = (p: Policy): string => `${p.source} → ${p.destination}`;
const trafficKey = (p: Policy): string => `${p.sourceKey} ${p.destinationKey}`;
const tunnelKey = (p: Policy): string => p.endpoints.join(' ');

/** One host's policies, looked up by the traffic they name and, for out policies, by tunnel: built once per check, not per policy compared. */
interface HostPolicies {
  readonly file: ParsedDocument<'setkey'>;
  readonly policies: readonly Policy[];
  readonly byTraffic: ReadonlyMap<string, Policy[]>;
  readonly outByTunnel: ReadonlyMap<string, Policy[]>;
}

function hostPolicies(file: ParsedDocument<'setkey'>): HostPolicies {
  const found = policies(file);
  const byTraffic = new Map<string, Policy[]>();
  const outByTunnel = new Map<string, Policy[]>();
  const add = (map: Map<string, Policy[]>, key: string, p: Policy): void => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  for (const p of found) {
    add(byTraffic, trafficKey(p), p);
    if (p.direction === 'out') add(outByTunnel, tunnelKey(p), p);
  }
  return { file, policies: found, byTraffic, outByTunnel };
}

export const setkeyPolicyMirror = defineWorkspaceRule({
  code: 'setkey-policy-mirror',
  fileKinds: ['setkey'],
  defaultSeverity: 'warning',
  title: "Two hosts' IPsec policies do not mirror each other",
  description:
    "When host A sends src→dst with `-P out ipsec …`, host B must accept the same src→dst with `-P in ipsec …` using the same protocol, mode and level, and tunnel endpoints swapped back (A's `a-b` is B's `a-b` for the same direction of traffic). A policy on one side with no or a different partner drops the traffic. Checked between setkey files of the workspace that describe the same traffic, and for a tunnel in policy against the out policies the host at the tunnel's other end sends through the same endpoints.",
  check(model, report) {
    const files = model.setkeyFiles.map(hostPolicies);
    for (const a of files) {
      for (const outbound of a.policies.filter((p) => p.direction === 'out')) {
        for (const b of files) {
          if (b === a) continue;
          const sameTraffic = b.byTraffic.get(trafficKey(outbound));
          if (!sameTraffic) continue;
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
    for (const b of files) for (const inbound of b.policies) reportUnsentTraffic(inbound, b.file, files, report);
  },
});

/**
 * A tunnel in policy whose traffic the host at the tunnel's other end does not send into that
 * tunnel: its out policies through the same endpoints name other traffic (a selector typed wrong).
 */
function reportUnsentTraffic(inbound: Policy, owner: ParsedDocument<'setkey'>, files: readonly HostPolicies[], report: WorkspaceReporter): void {
  const tunnel = tunnelKey(inbound);
  if (inbound.direction !== 'in' || !inbound.endpoints.some((e) => e.length > 0)) return;
  const expected = trafficKey(inbound);
  for (const a of files) {
    if (a.file === owner) continue;
    const through = a.outByTunnel.get(tunnel);
    if (!through || through.some((p) => trafficKey(p) === expected)) continue;
    const sent = through.map(traffic).join(', ');
    report({
      document: inbound.document,
      span: inbound.statement.span,
      message: `${name(a.file)} sends ${sent} through this tunnel (${tunnel}), not ${traffic(inbound)}: the traffic this policy expects never arrives, and what arrives is dropped; make the selectors agree`,
      related: [{ document: through[0].document, span: through[0].statement.span, message: `the out policy at ${name(a.file)}` }],
    });
    report({
      document: through[0].document,
      span: through[0].statement.span,
      message: `${name(owner)} expects ${traffic(inbound)} through this tunnel (${tunnel}), not ${sent}: it drops this traffic; make the selectors agree`,
      related: [{ document: inbound.document, span: inbound.statement.span, message: `the in policy at ${name(owner)}` }],
    });
  }
}
