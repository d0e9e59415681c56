import { RealtimeConnectionRegistry } from './realtime-connection.registry';
import type { RealtimeConnection } from './realtime-connection.registry';

const stream = (tenantId: string, personId: string, sessionId: string): RealtimeConnection => ({
  tenantId,
  personId,
  sessionId,
  send: () => undefined,
  end: () => undefined,
});

describe('RealtimeConnectionRegistry', () => {
  it("finds a person's streams within its tenant only", () => {
    const registry = new RealtimeConnectionRegistry();
    const phone = stream('t1', 'p1', 's1');
    const laptop = stream('t1', 'p1', 's2');
    registry.add(phone);
    registry.add(laptop);
    registry.add(stream('t2', 'p1', 's3'));
    expect([...registry.ofPerson('t1', 'p1')]).toEqual([phone, laptop]);
    expect([...registry.ofPerson('t1', 'p2')]).toEqual([]);
    expect(registry.size).toBe(3);
  });

  it("takes every stream of a session and nothing else, so the person's other session keeps its stream", () => {
    const registry = new RealtimeConnectionRegistry();
    const tab1 = stream('t1', 'p1', 's1');
    const tab2 = stream('t1', 'p1', 's1');
    const laptop = stream('t1', 'p1', 's2');
    for (const connection of [tab1, tab2, laptop]) registry.add(connection);
    expect(registry.takeSession('s1')).toEqual([tab1, tab2]);
    expect([...registry.ofPerson('t1', 'p1')]).toEqual([laptop]);
    expect(registry.size).toBe(1);
    expect(registry.takeSession('s1')).toEqual([]);
  });

  it('removing a stream twice, or one taken already, changes nothing', () => {
    const registry = new RealtimeConnectionRegistry();
    const phone = stream('t1', 'p1', 's1');
    registry.add(phone);
    registry.add(phone);
    expect(registry.size).toBe(1);
    registry.takeSession('s1');
    registry.remove(phone);
    registry.remove(phone);
    expect(registry.size).toBe(0);
    expect(registry.takeSession('s1')).toEqual([]);
  });

  it('takes all streams at shutdown and is empty afterwards', () => {
    const registry = new RealtimeConnectionRegistry();
    registry.add(stream('t1', 'p1', 's1'));
    registry.add(stream('t2', 'p2', 's2'));
    expect(registry.takeAll()).toHaveLength(2);
    expect(registry.size).toBe(0);
    expect(registry.takeSession('s2')).toEqual([]);
  });
});
