import { defineWorkspaceRule } from '../workspaceRule';
import { bothWays, describeConn, reportBothSides } from './peerReport';

/** Raw public key settings, per end: Openswan and Libreswan `rsasigkey`, Libreswan 4.8+ `ecdsakey`/`pubkey`, strongSwan `sigkey`. */
export const KEY_KINDS = ['rsasigkey', 'ecdsakey', 'pubkey', 'sigkey'] as const;

/** The bytes of a key written inline (`0s` base64 or `0x` hex), or undefined for `%cert`, file names and the like. */
export function inlineKey(value: string): Buffer | undefined {
  const compact = value.replace(/^"|"$/g, '').replace(/\s+/g, '');
  if (/^0s[A-Za-z0-9+/=]+$/.test(compact)) return Buffer.from(compact.slice(2), 'base64');
  if (/^0x([0-9A-Fa-f]{2})+$/.test(compact)) return Buffer.from(compact.slice(2), 'hex');
  return undefined;
}

export const peerKeyMismatch = defineWorkspaceRule({
  code: 'peer-key-mismatch',
  fileKinds: ['ipsec'],
  defaultSeverity: 'error',
  title: "The raw public key held for the peer is not the peer's own",
  description:
    "With raw keys instead of certificates (`authby=rsasig` and `leftrsasigkey=0sAQ…`, as `ipsec showhostkey` prints them), our `rightrsasigkey` must be the very key the peer has as its own `leftrsasigkey`, and the other way round; otherwise its signature does not verify and authentication fails. Compared as bytes (`0s` base64 and `0x` hex alike, blanks ignored) where both sides write the key inline; the same for `ecdsakey`, `pubkey` and strongSwan's `sigkey`. The quick fix copies the peer's key.",
  checkPair(pair, _model, report) {
    for (const [ours, theirs] of bothWays(pair)) {
      for (const kind of KEY_KINDS) {
        const expected = ours.conn.values.get(`right${kind}`);
        const actual = theirs.conn.values.get(`left${kind}`);
        const expectedKey = expected && inlineKey(expected.value);
        const actualKey = actual && inlineKey(actual.value);
        if (!expected || !actual || !expectedKey || !actualKey || expectedKey.equals(actualKey)) continue;
        reportBothSides(
          report,
          { ref: ours, value: expected, adopt: actual.value, message: `right${kind} is not the key the peer (${describeConn(theirs)}) has as its own left${kind}: its signatures will not verify and authentication fails; copy the peer's key` },
          { ref: theirs, value: actual, message: `this key is not the one the peer (${describeConn(ours)}) holds for this gateway as right${kind}: the peer cannot verify this gateway's signatures and authentication fails; give the peer this key (ipsec showhostkey prints it)` },
        );
      }
    }
  },
});
