import { configSetupSections } from '../../workspace/configSetup';
import type { Ikev1Policy } from '../../workspace/ikev1Policy';
import type { EffectiveConn, IpsecNode } from '../../workspace/model';
import type { Fix, TextEdit } from '../finding';
import type { WorkspaceReporter } from '../workspaceRule';
import { locate } from './peerReport';

const ACCEPT = 'ikev1-policy=accept';

/**
 * Reports an IKEv1 conn that pluto will not add because of the gateway's `ikev1-policy`: an error
 * when every release the gateway may run refuses it, a warning when only some releases or
 * packages do.
 */
export function reportIkev1Refusal(node: IpsecNode, conn: EffectiveConn, policy: Ikev1Policy, report: WorkspaceReporter): void {
  if (policy.refused === 'none') return;
  const deciding = conn.values.get('keyexchange') ?? conn.values.get('ikev2');
  const explicit = policy.explicit;
  const written = explicit?.setting.value?.text.trim();
  const remedy = explicit ? `set ${ACCEPT} there, or move the conn to IKEv2` : `add ${ACCEPT} to config setup, or move the conn to IKEv2`;
  const message =
    policy.refused === 'all'
      ? `conn ${conn.name}: Libreswan's pluto refuses to add it: it speaks IKEv1, and ${written ? `config setup says ikev1-policy=${written}` : 'Libreswan 5 drops IKEv1 unless config setup says otherwise'}; ${remedy}`
      : `conn ${conn.name} speaks IKEv1, which ${policy.refusedBy} will not add unless config setup says ${ACCEPT} ("global ikev1-policy does not allow IKEv1 connections"); ${remedy}`;
  const fix = acceptIkev1Fix(node, policy);
  report({
    ...locate({ node, conn }, deciding?.via === 'self' ? deciding : undefined),
    conn: conn.name,
    message,
    severity: policy.refused === 'all' ? undefined : 'warning',
    related: explicit ? [{ document: explicit.document, span: explicit.setting.span, message: 'the gateway-wide IKEv1 policy' }] : undefined,
    fixes: fix ? [fix] : undefined,
  });
}

/**
 * Lets the gateway add IKEv1 conns: the `ikev1-policy=` value rewritten, else a line added to
 * the first config setup, else a config setup added to ipsec.conf before its first section or
 * include. Never preferred: accepting IKEv1 is a decision for the whole gateway.
 */
export function acceptIkev1Fix(node: IpsecNode, policy: Ikev1Policy): Fix | undefined {
  const title = `Accept IKEv1 on this gateway (${ACCEPT} in config setup)`;
  const explicit = policy.explicit;
  if (explicit) {
    const value = explicit.setting.value;
    if (!value) return undefined;
    return { title, edits: [{ uri: explicit.document.uri, range: explicit.document.source.rangeOf(value.span), newText: 'accept' }] };
  }
  const setup = configSetupSections(node)[0];
  if (setup) {
    const { section, document } = setup;
    const written = section.settings[0]?.indent;
    const indent = (written && document.source.text.slice(written.start, written.end)) || '\t';
    const at = document.source.rangeOf({ start: section.header.end, end: section.header.end });
    return { title, edits: [{ uri: document.uri, range: at, newText: `\n${indent}${ACCEPT}` }] };
  }
  const conf = node.documents[0];
  if (!conf) return undefined;
  const first = conf.ast.statements.find((statement) => statement.type !== 'version');
  const offset = first ? lineStart(conf.source.text, first.span.start) : conf.source.text.length;
  const edit: TextEdit = { uri: conf.uri, range: conf.source.rangeOf({ start: offset, end: offset }), newText: `${offset > 0 && !conf.source.text.slice(0, offset).endsWith('\n') ? '\n' : ''}config setup\n\t${ACCEPT}\n\n` };
  return { title, edits: [edit] };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
