import { authbyWords } from '../../workspace/authMethods';
import type { EffectiveConn } from '../../workspace/model';
import { isShunt, SIDES, word, type Refusal } from './libreswanRefusal';

// How Libreswan's pluto judges each end's authentication method (libreswan-conn-refused); each case
// seen refused or added by the plutos of 4.10 and 5.0 to 5.4.

/** Before 5.3 a shunt takes no end method but `never` ("leftauth=secret option is invalid for type=passthrough"); 5.3 on ignore it. */
export function shuntEndAuth(conn: EffectiveConn): Refusal[] {
  if (!isShunt(conn)) return [];
  return SIDES.flatMap((side) => {
    const auth = conn.values.get(`${side}auth`);
    const method = word(conn, `${side}auth`);
    return auth && method !== 'never' ? [{ at: auth, why: `type=${word(conn, 'type')} with ${side}auth=${auth.value.trim()} (a shunt authenticates nothing)`, remedy: `drop ${side}auth= or set it to never` }] : [];
  });
}

/** The one method authby= gives an end without its own, where it is a single word that cannot be mistaken. */
function methodFromAuthby(conn: EffectiveConn): 'secret' | 'null' | undefined {
  const authby = word(conn, 'authby');
  return authby === 'secret' || authby === 'null' ? authby : undefined;
}

/**
 * `leftauth=null` with `authby=secret` and no `rightauth=` (or the reverse) is refused by every
 * release: before 5.3 for the lone end method, from 5.3 because the other end takes `secret` from
 * `authby=`, and a pre-shared key and NULL authentication do not mix.
 */
export function derivedAuthMix(conn: EffectiveConn): Refusal[] {
  const fromAuthby = methodFromAuthby(conn);
  if (fromAuthby === undefined) return [];
  const [left, right] = SIDES.map((side) => conn.values.get(`${side}auth`));
  if ((left === undefined) === (right === undefined)) return [];
  const side = left ? 'left' : 'right';
  const own = word(conn, `${side}auth`);
  const mixed = (own === 'null' && fromAuthby === 'secret') || (own === 'secret' && fromAuthby === 'null');
  const other = side === 'left' ? 'right' : 'left';
  return mixed
    ? [{ at: left ?? right, why: `${side}auth=${own} with authby=${fromAuthby} and no ${other}auth= (before 5.3 an end's method needs the other's; from 5.3 ${other}auth= takes ${fromAuthby} from authby=, and a pre-shared key and NULL authentication do not mix)`, remedy: `set ${other}auth= to a method that goes with it, or use one method on both ends` }]
    : [];
}

/** EdDSA signatures came with 5.4: 5.3's pluto refuses `authby=eddsa` ("authby=eddsa is unknown"), where 5.0 to 5.2's addconn did already (bad-value). */
export function eddsaBefore54(conn: EffectiveConn): Refusal[] {
  const authby = conn.values.get('authby');
  return authby && authbyWords(authby.value).includes('eddsa') ? [{ at: authby, why: `authby=${authby.value.trim()}: EdDSA signatures came with Libreswan 5.4`, remedy: 'drop eddsa from the list, or run 5.4' }] : [];
}

/** `leftauth=eaponly` while the end names no EAP method (`leftautheap=`, `none` by default; seen with 4.10, 5.0, 5.2 and 5.4). */
export function eapOnlyWithoutEap(conn: EffectiveConn): Refusal[] {
  return SIDES.flatMap((side) => {
    if (word(conn, `${side}auth`) !== 'eaponly' || (word(conn, `${side}autheap`) ?? 'none') !== 'none') return [];
    const written = conn.values.has(`${side}autheap`) ? `${side}autheap=none` : `no ${side}autheap=`;
    return [{ at: conn.values.get(`${side}auth`), why: `${side}auth=eaponly with ${written} (the end would authenticate by EAP alone, and names no EAP method)`, remedy: `set ${side}autheap=tls, or another ${side}auth=` }];
  });
}
