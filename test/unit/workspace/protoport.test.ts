import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ANY_PROTOPORT, parseProtoport, relateProtoports } from '../../../server/src/workspace/protoport';

const parsed = (value: string) => {
  const selector = parseProtoport(value);
  assert.ok(selector, value);
  return selector;
};

describe('parseProtoport', () => {
  it('reads a protocol by number or by a name every system knows, with a port, a range or any port', () => {
    assert.deepEqual(parseProtoport('17/1701'), { protocol: 17, ports: { from: 1701, to: 1701 } });
    assert.deepEqual(parseProtoport('UDP/1701'), { protocol: 17, ports: { from: 1701, to: 1701 } });
    assert.deepEqual(parseProtoport(' tcp/1000-2000 '), { protocol: 6, ports: { from: 1000, to: 2000 } });
    assert.deepEqual(parseProtoport('17/%any'), { protocol: 17, ports: ANY_PROTOPORT.ports });
    assert.deepEqual(parseProtoport('17/0'), { protocol: 17, ports: ANY_PROTOPORT.ports });
    assert.deepEqual(parseProtoport('udp'), { protocol: 17, ports: ANY_PROTOPORT.ports });
    assert.deepEqual(parseProtoport('icmp'), { protocol: 1, ports: ANY_PROTOPORT.ports });
    assert.deepEqual(parseProtoport('/53'), { protocol: undefined, ports: { from: 53, to: 53 } });
  });

  it("leaves to the daemon what only its host can tell: service names, %opaque, ICMP types, nonsense", () => {
    for (const value of ['udp/l2tp', 'tcp/http', 'udp/%opaque', 'icmp/8', 'ospf/1', '17/70000', '17/2000-1000', '300/1', 'udp/1701/x']) {
      assert.equal(parseProtoport(value), undefined, value);
    }
  });
});

describe('relateProtoports', () => {
  it('tells equal, disjoint, wider, narrower and crossing selectors apart', () => {
    assert.equal(relateProtoports(parsed('17/1701'), parsed('udp/1701')), 'equal');
    assert.equal(relateProtoports(parsed('17/1701'), parsed('6/1701')), 'disjoint');
    assert.equal(relateProtoports(parsed('17/1701'), parsed('17/1702')), 'disjoint');
    assert.equal(relateProtoports(parsed('/53'), parsed('17/54')), 'disjoint');
    assert.equal(relateProtoports(parsed('17/%any'), parsed('17/1701')), 'wider');
    assert.equal(relateProtoports(ANY_PROTOPORT, parsed('17/1701')), 'wider');
    assert.equal(relateProtoports(parsed('17/1701'), parsed('udp')), 'narrower');
    assert.equal(relateProtoports(parsed('17/1000-2000'), parsed('17/1500-2500')), 'crossing');
    assert.equal(relateProtoports(parsed('/1701'), parsed('17')), 'crossing');
  });
});
