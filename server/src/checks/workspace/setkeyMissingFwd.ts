import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostStatements } from '../../workspace/racoonHost';
import { defineWorkspaceRule } from '../workspaceRule';
import { policies, type Policy } from './setkeyMirror';

const folderOf = (uri: string): string => {
  try {
    return path.dirname(fileURLToPath(uri));
  } catch {
    return uri;
  }
};

/**
 * A BSD's setkey file has no fwd direction (FreeBSD's setkey refuses the word): one kept in
 * private/etc is a Mac's, and one named ipsec.conf is FreeBSD's or NetBSD's (their rc scripts' name).
 */
const onBsd = (uri: string): boolean => /[\\/]private[\\/]etc[\\/]/.test(uri) || /[\\/]ipsec\.conf$/.test(uri);

/** The selectors as written: a fwd policy must name the in policy's traffic the same way. */
const traffic = (p: Policy): string => `${p.source} ${p.destination}`;

export const setkeyMissingFwd = defineWorkspaceRule({
  code: 'setkey-missing-fwd',
  fileKinds: ['setkey'],
  defaultSeverity: 'info',
  title: 'A tunnel-mode in policy has no fwd policy',
  description:
    'Since Linux 2.6.10, traffic that a gateway decrypts and then forwards must also match a `-P fwd` policy, or the kernel drops it. racoon 0.5 and later adds those policies itself when `generate_policy on` is set; otherwise add `spdadd … -P fwd ipsec esp/tunnel/…/require;` next to each tunnel `in` policy. A setkey file kept in `private/etc` (a Mac) or named `ipsec.conf` (FreeBSD, NetBSD) belongs to a BSD, whose kernel has no fwd policies, and is left alone.',
  check(model, report) {
    const generating = new Set(
      model.racoonHosts
        .filter((host) => hostStatements(host).some(({ statement }) => statement.head[0]?.text === 'generate_policy' && statement.head[1]?.text === 'on'))
        .map((host) => path.dirname(host.confPath)),
    );
    for (const file of model.setkeyFiles) {
      if (generating.has(folderOf(file.uri)) || onBsd(file.uri)) continue;
      const all = policies(file);
      const forwarded = new Set(all.filter((p) => p.direction === 'fwd').map(traffic));
      for (const inbound of all.filter((p) => p.direction === 'in' && p.requests.some((r) => r.includes('/tunnel/')))) {
        if (forwarded.has(traffic(inbound))) continue;
        report({
          document: file,
          span: inbound.statement.span,
          message: `no "-P fwd" policy for ${inbound.source} → ${inbound.destination}: Linux 2.6.10 and later drop forwarded tunnel traffic without one (unless racoon's generate_policy adds it); add the matching fwd policy`,
        });
      }
    }
  },
});
