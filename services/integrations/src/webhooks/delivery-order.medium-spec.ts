import { Module } from '@nestjs/common';
import { newId } from '@warden/kernel';
import { startMedium } from '@warden/medium-testing';
import type { Medium } from '@warden/medium-testing';
import { INTEGRATIONS_SERVICE } from '../integrations.service-definition';
import { DeliveryRepository } from './delivery.repository';
import type { StoredEvent } from './delivery.repository';
import { EndpointRepository } from './endpoint.repository';

@Module({ providers: [DeliveryRepository, EndpointRepository] })
class DeliveryQueueModule {}

/**
 * The delivery queue keeps a subject's events in publication order even when they are queued out of order, as
 * two replicas reading the shared consumer do: the earlier event (by stream position) goes first.
 */
describe('webhook delivery order (medium: repository + PostgreSQL)', () => {
  let medium: Medium;
  let deliveries: DeliveryRepository;

  beforeAll(async () => {
    medium = await startMedium(INTEGRATIONS_SERVICE, { imports: [DeliveryQueueModule] });
    deliveries = medium.get(DeliveryRepository);
  });

  afterAll(() => medium?.close());

  function event(tenantId: string, subject: string, streamSeq: number): StoredEvent {
    return {
      id: newId(),
      tenantId,
      type: 'workflow.order.status-changed.v1',
      subject,
      time: new Date().toISOString(),
      body: '{}',
      streamSeq,
    };
  }

  /** Claims, sends nothing, marks delivered: the ids of the events in the order the queue gave them out. */
  async function drain(): Promise<string[]> {
    const claimed: string[] = [];
    for (;;) {
      const next = await medium.dataSource.transaction(async (manager) => {
        const [delivery] = await deliveries.claimDue(manager, []);
        if (delivery) await deliveries.markDelivered(manager, [{ id: delivery.id, statusCode: 204 }]);
        return delivery;
      });
      if (!next) return claimed;
      claimed.push(next.eventId);
    }
  }

  it("gives out a subject's earlier event first even when the later one was queued first", async () => {
    const tenantId = newId();
    const endpointId = newId();
    const manager = medium.dataSource.manager;
    await medium
      .get(EndpointRepository)
      .insert(
        manager,
        tenantId,
        endpointId,
        { url: 'https://hooks.example.com/x', eventTypes: ['*'], description: null, active: true },
        'v1.x.y.z',
      );
    const [earlier, later, other] = [event(tenantId, 'order-1', 10), event(tenantId, 'order-1', 20), event(tenantId, 'order-2', 15)];
    for (const queued of [later, other, earlier]) {
      await deliveries.storeEvent(manager, queued);
      await deliveries.enqueue(manager, tenantId, [endpointId], queued);
    }
    const order = await drain();
    expect(order.indexOf(earlier.id)).toBeLessThan(order.indexOf(later.id));
    expect(order).toHaveLength(3);
  });

  it('holds a later event back while the earlier one of its subject is still pending (a retry), not the other subjects', async () => {
    const tenantId = newId();
    const endpointId = newId();
    const manager = medium.dataSource.manager;
    await medium
      .get(EndpointRepository)
      .insert(
        manager,
        tenantId,
        endpointId,
        { url: 'https://hooks.example.com/y', eventTypes: ['*'], description: null, active: true },
        'v1.x.y.z',
      );
    const [earlier, later, other] = [event(tenantId, 'order-3', 30), event(tenantId, 'order-3', 40), event(tenantId, 'order-4', 35)];
    for (const queued of [later, other, earlier]) {
      await deliveries.storeEvent(manager, queued);
      await deliveries.enqueue(manager, tenantId, [endpointId], queued);
    }
    // The earlier one fails and waits for its retry in an hour: the later one of its subject waits too.
    const handedOut: string[] = [];
    for (;;) {
      const claimed = await medium.dataSource.transaction(async (tx) => {
        const [delivery] = await deliveries.claimDue(tx, []);
        if (!delivery) return null;
        if (delivery.eventId === earlier.id) await deliveries.markFailed(tx, delivery.id, 500, 'receiver answered 500', 3_600_000);
        else await deliveries.markDelivered(tx, [{ id: delivery.id, statusCode: 204 }]);
        return delivery.eventId;
      });
      if (!claimed) break;
      handedOut.push(claimed);
    }
    expect(handedOut.sort()).toEqual([earlier.id, other.id].sort());
  });

  it("a success closes its endpoint's failure window; a failure opens it once", async () => {
    const tenantId = newId();
    const endpointId = newId();
    const manager = medium.dataSource.manager;
    const endpoints = medium.get(EndpointRepository);
    await endpoints.insert(
      manager,
      tenantId,
      endpointId,
      { url: 'https://hooks.example.com/z', eventTypes: ['*'], description: null, active: true },
      'v1.x.y.z',
    );
    const failingSince = async () =>
      (await medium.rows<{ failing_since: Date | null }>('SELECT failing_since FROM endpoints WHERE id = $1', [endpointId]))[0]!
        .failing_since;
    const [first, second] = [event(tenantId, 'order-5', 50), event(tenantId, 'order-6', 60)];
    for (const queued of [first, second]) {
      await deliveries.storeEvent(manager, queued);
      await deliveries.enqueue(manager, tenantId, [endpointId], queued);
    }
    const opened = await endpoints.recordFailure(manager, endpointId);
    expect(await endpoints.recordFailure(manager, endpointId)).toEqual(opened);
    const [delivery] = await medium.rows<{ id: string }>('SELECT id FROM deliveries WHERE event_id = $1', [first.id]);
    await deliveries.markDelivered(manager, [{ id: delivery!.id, statusCode: 204 }]);
    expect(await failingSince()).toBeNull();
    const [row] = await medium.rows<{ status: string; attempts: number }>('SELECT status, attempts FROM deliveries WHERE id = $1', [
      delivery!.id,
    ]);
    expect(row).toEqual({ status: 'delivered', attempts: 1 });
  });

  it('a claim takes up to its size of one endpoint, never two of one subject, and leaves the rest to other workers', async () => {
    // The queue is shared by every tenant: what earlier tests left pending is out of the way first.
    await medium.dataSource.query(`UPDATE deliveries SET status = 'delivered' WHERE status = 'pending'`);
    const tenantId = newId();
    const manager = medium.dataSource.manager;
    const [hooks, crm] = [newId(), newId()];
    for (const [endpointId, url] of [
      [hooks, 'https://hooks.example.com/claim'],
      [crm, 'https://crm.example.com/claim'],
    ] as const) {
      await medium
        .get(EndpointRepository)
        .insert(manager, tenantId, endpointId, { url, eventTypes: ['*'], description: null, active: true }, 'v1.x.y.z');
    }
    // Subject a has two events; b, c and d one each: all to both endpoints.
    const queued = [
      event(tenantId, 'a', 1),
      event(tenantId, 'a', 2),
      event(tenantId, 'b', 3),
      event(tenantId, 'c', 4),
      event(tenantId, 'd', 5),
    ];
    for (const one of queued) {
      await deliveries.storeEvent(manager, one);
      await deliveries.enqueue(manager, tenantId, [hooks, crm], one);
    }

    const first = medium.dataSource.createQueryRunner();
    await first.connect();
    await first.startTransaction();
    try {
      const claim = await deliveries.claimDue(first.manager, [], 4);
      // One endpoint only; subject a's later event waits for its earlier one.
      expect(new Set(claim.map((delivery) => delivery.endpointId)).size).toBe(1);
      expect(claim.map((delivery) => delivery.eventId)).toEqual([queued[0]!.id, queued[2]!.id, queued[3]!.id, queued[4]!.id]);
      // Another worker, meanwhile, gets the other endpoint's, not one of the claimed rows.
      const other = await medium.dataSource.transaction((tx) => deliveries.claimDue(tx, [], 4));
      expect(other.map((delivery) => delivery.endpointId)).toEqual(Array(4).fill(claim[0]!.endpointId === hooks ? crm : hooks));
      // A busy endpoint is passed over.
      expect(await medium.dataSource.transaction((tx) => deliveries.claimDue(tx, [hooks, crm], 4))).toEqual([]);
      await deliveries.markDelivered(
        first.manager,
        claim.map((delivery) => ({ id: delivery.id, statusCode: 204 })),
      );
      await first.commitTransaction();
    } finally {
      await first.release();
    }
    const statuses = await medium.rows<{ endpoint_id: string; event_id: string; status: string }>(
      'SELECT endpoint_id, event_id, status FROM deliveries WHERE tenant_id = $1 AND status = $2',
      [tenantId, 'delivered'],
    );
    expect(statuses).toHaveLength(4);
    // Now subject a's second event is due on the endpoint whose claim was delivered (the other one still waits).
    const delivered = statuses[0]!.endpoint_id;
    const next = await medium.dataSource.transaction((tx) => deliveries.claimDue(tx, [delivered === hooks ? crm : hooks], 4));
    expect(next.map((delivery) => [delivery.endpointId, delivery.eventId])).toEqual([[delivered, queued[1]!.id]]);
  });
});
