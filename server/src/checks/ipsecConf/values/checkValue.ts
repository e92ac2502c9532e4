import type { ValueType } from '../../../knowledge/ipsecConf';
import { checkId } from './identities';
import { checkProposals } from './proposals';
import { libreswanMarkProblem } from './libreswanMark';
import type { Release, ValueProblem } from './release';
import { checkByteCount, checkDuration, checkEnum, checkEnumList, checkNumber, checkPercent, checkYesNo } from './scalars';
import { checkAddressList, checkAddressPool, checkHost, checkProtoport, checkSubnetList } from './selectors';

/** Text the daemon never sees as written: build-time placeholders and shell expansions. */
const TEMPLATE = /@@|\$\{|\$\(|`/;

/** What is wrong with the value for one release of one daemon, or undefined when it takes it. */
export function checkValue(value: string, type: ValueType, release: Release): ValueProblem | undefined {
  if (value.length === 0 || TEMPLATE.test(value)) return undefined;
  switch (type.kind) {
    case 'yesno':
      return checkYesNo(value, release);
    case 'enum':
      return type.open === true ? undefined : checkEnum(value, type.values, release);
    case 'enumList':
      return checkEnumList(value, type.values, release);
    case 'number':
      return checkNumber(value, type.min, type.max, type.specials ?? [], release);
    case 'duration':
      return checkDuration(value, release);
    case 'percent':
      return checkPercent(value);
    case 'byteCount':
      return checkByteCount(value);
    case 'host':
      return checkHost(value);
    case 'address':
    case 'addressList':
      return checkAddressList(value);
    case 'subnet':
    case 'subnetList':
      return checkSubnetList(value, release);
    case 'addressPool':
      return checkAddressPool(value);
    case 'id':
      return checkId(value, release);
    case 'protoport':
      return checkProtoport(value);
    case 'proposals':
      return checkProposals(value, release);
    case 'mark':
      return libreswanMarkProblem(value, release);
    case 'pubkey':
    case 'filename':
    case 'directory':
    case 'connList':
    case 'string':
      return undefined;
  }
}
