import path from 'node:path';
import { uriPath } from '../../workspace/loadIpsecNode';
import { MemoSlot } from '../../workspace/memo';
import type { EffectiveValue } from '../../workspace/model';
import type { Fix, Severity } from '../finding';
import type { ConnRef, PeerPair } from '../../workspace/peers';
import type { WorkspaceReport } from '../workspaceRule';
import { withVisibleCharacters } from '../../text/characters';

/** Where a value of a conn lives, or the conn's name when the value is only a default. */
export function locate(ref: ConnRef, value: EffectiveValue | undefined): Pick<WorkspaceReport, 'document' | 'span'> {
  if (value) return { document: value.document, span: value.setting.value?.span ?? value.setting.key.span };
  const section = ref.conn.definition.section;
  return { document: ref.conn.definition.document, span: section.name?.span ?? section.header };
}

/** A quick fix safe to apply without looking that writes `newText` as the value, where it is set (in the conn, `%default` or an `also=` conn). */
export function rewriteValue(at: EffectiveValue, title: string, newText: string): Fix[] | undefined {
  const span = at.setting.value?.span;
  return span ? [{ title, edits: [{ uri: at.document.uri, range: at.document.source.rangeOf(span), newText }], preferred: true }] : undefined;
}

/** Where a conn says who its peer is: `rightid=`, else `right=`, else its header. */
export function peerSite(ref: ConnRef): Pick<WorkspaceReport, 'document' | 'span'> {
  return locate(ref, ref.conn.values.get('rightid') ?? ref.conn.values.get('right'));
}

const DESCRIPTION = new MemoSlot<string>('description');

/** `conn fr in de/etc/ipsec.d/fr.conf`: enough for a user to find the other side. Once per conn object, which belongs to one node. */
export function describeConn(ref: ConnRef): string {
  return ref.conn.memo.get(DESCRIPTION, ref, describe);
}

function describe(ref: ConnRef): string {
  const file = uriPath(ref.conn.definition.document.uri);
  const relative = path.relative(path.dirname(ref.node.layout.root), file);
  return `conn ${ref.conn.name} in ${relative || file}`;
}

/**
 * Reports one disagreement on both sides of a pair: on `here` with a pointer to `there`, and the
 * mirror message on `there`.
 */
export function reportBothSides(
  report: (r: WorkspaceReport) => void,
  here: MismatchSide,
  there: MismatchSide,
  severity?: Severity,
): void {
  const hereLocation = locate(here.ref, here.value);
  const thereLocation = locate(there.ref, there.value);
  report({ ...hereLocation, message: here.message, related: [{ ...thereLocation, message: `the peer's side: ${describeConn(there.ref)}` }], fixes: adoptFix(here) ?? here.fixes, severity });
  report({ ...thereLocation, message: there.message, related: [{ ...hereLocation, message: `the peer's side: ${describeConn(here.ref)}` }], fixes: adoptFix(there) ?? there.fixes, severity });
}

export interface MismatchSide {
  readonly ref: ConnRef;
  readonly value: EffectiveValue | undefined;
  readonly message: string;
  /** The value that would make this side agree with the other: offered as "use the peer's value". */
  readonly adopt?: string;
  /** Offered where there is no value to replace with `adopt`. */
  readonly fixes?: readonly Fix[];
}

function adoptFix(side: MismatchSide): Fix[] | undefined {
  const span = side.value?.setting.value?.span;
  if (side.adopt === undefined || !side.value || !span) return undefined;
  const text = /[\s#]/.test(side.adopt) ? `"${side.adopt}"` : side.adopt;
  return [{ title: `Use the peer's value: ${side.value.setting.key.text}=${text}`, edits: [{ uri: side.value.document.uri, range: side.value.document.source.rangeOf(span), newText: text }] }];
}

/** Both orientations of a pair: (a, b) and (b, a). */
export function bothWays(pair: PeerPair): Array<[ConnRef, ConnRef]> {
  return [
    [pair.a, pair.b],
    [pair.b, pair.a],
  ];
}

/** A value for a message, with any character that shows as nothing spelt out: two IDs that look alike on screen must not in the message. */
export function quote(value: string | undefined, fallback: string): string {
  return value === undefined || value.length === 0 ? fallback : `"${withVisibleCharacters(value)}"`;
}
