import type { NatsConnection } from '@nats-io/transport-node';
import { SessionRevocations } from '../auth/session-revocations';
import { RealtimeHub, SESSION_ENDED_EVENT } from './realtime.hub';
import type { RealtimeConnection } from './realtime-connection.registry';

/** A stream that records what it was sent and whether it was closed. */
const stream = (sessionId: string) => {
  const sent: string[] = [];
  const state = { ended: false };
  const connection: RealtimeConnection = {
    tenantId: 't1',
    personId: 'p1',
    sessionId,
    send: (event) => sent.push(event),
    end: () => (state.ended = true),
  };
  return { connection, sent, state };
};

describe('RealtimeHub: a stream lives no longer than its session', () => {
  // The NATS subscription starts at bootstrap, which these cases do not reach.
  const nats = {} as NatsConnection;
  const later = () => Date.now() + 60_000;

  it('ends every stream of a revoked session with session.ended, and only those', () => {
    const revocations = new SessionRevocations();
    const hub = new RealtimeHub(nats, revocations);
    const [tab1, tab2, laptop] = [stream('s1'), stream('s1'), stream('s2')];
    for (const { connection } of [tab1, tab2, laptop]) hub.add(connection);

    revocations.revoke('s1', later());
    for (const tab of [tab1, tab2]) expect([tab.sent, tab.state.ended]).toEqual([[SESSION_ENDED_EVENT], true]);
    expect([laptop.sent, laptop.state.ended]).toEqual([[], false]);
    expect(hub.size).toBe(1);
  });

  it('ends at once a stream registered after its session was revoked', () => {
    const revocations = new SessionRevocations();
    const hub = new RealtimeHub(nats, revocations);
    revocations.revoke('s1', later());
    const late = stream('s1');
    hub.add(late.connection);
    expect([late.sent, late.state.ended, hub.size]).toEqual([[SESSION_ENDED_EVENT], true, 0]);
  });

  it('closes streams at shutdown without session.ended: their clients reconnect to another gateway', () => {
    const revocations = new SessionRevocations();
    const hub = new RealtimeHub(nats, revocations);
    const tab = stream('s1');
    hub.add(tab.connection);
    hub.onModuleDestroy();
    expect([tab.sent, tab.state.ended, hub.size]).toEqual([[], true, 0]);
  });
});
