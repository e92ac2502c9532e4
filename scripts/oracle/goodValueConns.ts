import { DIALECT_TRAITS } from '../../server/src/knowledge/ipsecConf';
import { keywordsFor, lookupKeyword } from '../../server/src/knowledge/ipsecConf/lookup';
import type { ValueType } from '../../server/src/knowledge/ipsecConf';
import { yesNoSpellings } from '../../server/src/checks/ipsecConf/values/release';

/** Keys that decide whether a conn exists or how it authenticates: their words change what else the conn needs. */
const DECIDING = new Set(['left', 'right', 'also', 'auto', 'authby', 'type', 'keyexchange', 'ikev2', 'leftauth', 'rightauth']);

/** Values a build may lack: PAM for XAUTH (USE_PAM_AUTH), which the releases built here from source leave out. */
const BUILD_OPTIONAL = new Set(['xauthby=pam']);

/** Every spelling of the kind Libreswan `release` is meant to take, as ipsec-lint's knowledge has them. */
function goodValues(type: ValueType, release: string): readonly string[] {
  switch (type.kind) {
    case 'yesno':
      return yesNoSpellings({ dialect: 'libreswan', version: release });
    case 'enum':
    case 'enumList':
      return type.values;
    case 'number':
      return [...new Set([String(type.min ?? 0), String(type.max ?? 100), ...(type.specials ?? [])])];
    case 'duration':
      return ['30', ...DIALECT_TRAITS.libreswan.durationUnits.map((unit) => `2${unit}`)];
    case 'percent':
      return ['0%', '100%'];
    default:
      return [];
  }
}

/**
 * One conn per conn key and value the knowledge says Libreswan `release` takes (each word of a
 * list, each yes/no spelling and time unit, the ends of a range): the settings of each conn.
 */
export function goodValueConns(release: string): readonly (readonly string[])[] {
  return keywordsFor('conn', 'libreswan', release).flatMap((keyword) => {
    const type = lookupKeyword(keyword.name, 'libreswan', release).type;
    if (type === undefined || DECIDING.has(keyword.name)) return [];
    return goodValues(type, release).flatMap((value) => (BUILD_OPTIONAL.has(`${keyword.name}=${value}`) ? [] : [[`${keyword.name}=${value}`]]));
  });
}

/** Set by the sweep itself (IKEv1 is let in for every conn), or naming this machine's folders and files. */
const SETUP_LEFT_OUT = new Set(['ikev1-policy']);

/** One `config setup` per key and value the knowledge says Libreswan `release` takes there. */
export function goodSetupValues(release: string): readonly { readonly key: string; readonly value: string }[] {
  return keywordsFor('config', 'libreswan', release).flatMap((keyword) => {
    const type = lookupKeyword(keyword.name, 'libreswan', release).type;
    if (type === undefined || SETUP_LEFT_OUT.has(keyword.name)) return [];
    return goodValues(type, release).map((value) => ({ key: keyword.name, value }));
  });
}
