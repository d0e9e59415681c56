import { CommandBus } from '@nestjs/cqrs';
import { DomainError, newId } from '@warden/kernel';
import { OrderStatusChangedV1, OrderTransferredV1 } from '@warden/contracts';
import type { RequestContext } from '@warden/contracts';
import { startMedium } from '@warden/medium-testing';
import type { Medium } from '@warden/medium-testing';
import { WORKFLOW_SERVICE } from '../workflow.service-definition';
import { ProvisionTenantCommand } from '../workflows/provision-tenant.handler';
import { ChangeOrderStatusCommand } from './change-order-status.handler';
import { CreateOrderCommand } from './create-order.handler';
import { OrdersModule } from './orders.module';
import { TransferOrderCommand } from './transfer-order.handler';

const decision = { code: 'GRANTED', policyVersion: 7 };
const knownDepartments = new Set<string>();

/** Status changes and transfers: the order row, its history, the per-status counts and the outbox, in one transaction. */
describe('orders (medium: handlers + PostgreSQL)', () => {
  let medium: Medium;
  let commands: CommandBus;
  let ctx: RequestContext;
  let statuses: Record<string, string>;

  beforeAll(async () => {
    medium = await startMedium(WORKFLOW_SERVICE, {
      imports: [OrdersModule],
      bus: {
        'directory.departments.get': ({ departmentId }) => {
          if (!knownDepartments.has(departmentId)) throw new DomainError('DEPARTMENT.NOT_FOUND', 'not_found', 'Department not found');
          return { id: departmentId, name: 'Workshop', headId: null, memberIds: [], createdAt: '', updatedAt: '' };
        },
      },
    });
    commands = medium.get(CommandBus);
  });

  afterAll(() => medium?.close());

  beforeEach(async () => {
    ctx = { tenantId: newId(), actorId: newId(), requestId: 'medium' };
    await medium.get(CommandBus).execute(new ProvisionTenantCommand(ctx.tenantId));
    const rows = await medium.rows<{ id: string; name: string }>('SELECT id, name FROM statuses WHERE tenant_id = $1', [ctx.tenantId]);
    statuses = Object.fromEntries(rows.map((row) => [row.name, row.id]));
  });

  const orderEvents = async () => (await medium.outbox(ctx.tenantId)).filter((row) => row.type.startsWith('workflow.order.'));
  const counts = async () =>
    Object.fromEntries(
      (
        await medium.rows<{ status_id: string; count: string }>(
          'SELECT status_id, count FROM order_status_counts WHERE tenant_id = $1 AND count <> 0',
          [ctx.tenantId],
        )
      ).map((row) => [row.status_id, Number(row.count)]),
    );

  it("orders created side by side get the tenant's next numbers, once each, counted in their status, announced with them", async () => {
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, index) => commands.execute(new CreateOrderCommand(ctx, { title: `Order ${index + 1}` }))),
    );
    expect(created.map((order) => order.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const stored = await medium.rows<{ id: string; number: number }>('SELECT id, number FROM orders WHERE tenant_id = $1', [ctx.tenantId]);
    expect(Object.fromEntries(stored.map((row) => [row.id, row.number]))).toEqual(
      Object.fromEntries(created.map((order) => [order.id, order.number])),
    );
    expect(await counts()).toEqual({ [statuses['New lead']]: 8 });
    const announced = (await orderEvents()).map((event) => [event.subject, (event.data as { number: number }).number]);
    expect(Object.fromEntries(announced)).toEqual(Object.fromEntries(created.map((order) => [order.id, order.number])));
  });

  it('a status change writes the order, its history entry, the counts and its event together', async () => {
    const order = await commands.execute(new CreateOrderCommand(ctx, { title: 'Broken screen' }));
    expect(order.status.id).toBe(statuses['New lead']);

    const changed = await commands.execute(
      new ChangeOrderStatusCommand(ctx, {
        orderId: order.id,
        targetStatusId: statuses['Diagnostics'],
        expectedStatusId: order.status.id,
        expectedVersion: order.version,
        decision,
      }),
    );

    expect(changed).toMatchObject({ version: order.version + 1, status: { id: statuses['Diagnostics'] } });
    const history = await medium.rows(
      'SELECT from_status_id, to_status_id, actor_id, decision FROM order_history WHERE order_id = $1 ORDER BY id',
      [order.id],
    );
    expect(history).toEqual([
      { from_status_id: null, to_status_id: statuses['New lead'], actor_id: ctx.actorId, decision: null },
      { from_status_id: statuses['New lead'], to_status_id: statuses['Diagnostics'], actor_id: ctx.actorId, decision },
    ]);
    expect(await counts()).toEqual({ [statuses['Diagnostics']]: 1 });
    const events = await orderEvents();
    expect(events.map((event) => event.type)).toEqual(['workflow.order.created.v1', OrderStatusChangedV1.type]);
    expect(events[1]).toMatchObject({
      subject: order.id,
      data: {
        orderId: order.id,
        from: { id: statuses['New lead'] },
        to: { id: statuses['Diagnostics'] },
        actorId: ctx.actorId,
        policyVersion: 7,
      },
    });
  });

  it('a stale version, a moved order or the current status write nothing: no row, no history, no event', async () => {
    const order = await commands.execute(new CreateOrderCommand(ctx, { title: 'Broken hinge' }));
    const before = {
      order: await medium.rows('SELECT * FROM orders WHERE id = $1', [order.id]),
      events: await orderEvents(),
      counts: await counts(),
    };
    const change = { orderId: order.id, targetStatusId: statuses['Ready'], expectedStatusId: order.status.id, decision };

    await expect(
      commands.execute(new ChangeOrderStatusCommand(ctx, { ...change, expectedVersion: order.version + 1 })),
    ).rejects.toMatchObject({
      code: 'ORDER.VERSION_MISMATCH',
    });
    await expect(
      commands.execute(new ChangeOrderStatusCommand(ctx, { ...change, expectedStatusId: statuses['Ready'] })),
    ).rejects.toMatchObject({
      code: 'ORDER.STATUS_MOVED',
    });
    await expect(commands.execute(new ChangeOrderStatusCommand(ctx, { ...change, targetStatusId: order.status.id }))).rejects.toMatchObject(
      {
        code: 'ORDER.ALREADY_IN_STATUS',
      },
    );
    await medium.rows('UPDATE statuses SET archived_at = now() WHERE id = $1', [statuses['Ready']]);
    await expect(commands.execute(new ChangeOrderStatusCommand(ctx, change))).rejects.toMatchObject({ code: 'STATUS.ARCHIVED' });

    expect(await medium.rows('SELECT * FROM orders WHERE id = $1', [order.id])).toEqual(before.order);
    expect(await medium.rows('SELECT count(*)::int AS n FROM order_history WHERE order_id = $1', [order.id])).toEqual([{ n: 1 }]);
    expect(await orderEvents()).toEqual(before.events);
    expect(await counts()).toEqual(before.counts);
  });

  it('of two changes made for the same version, one commits and the other writes nothing', async () => {
    const order = await commands.execute(new CreateOrderCommand(ctx, { title: 'Race' }));
    const change = (target: string) =>
      commands.execute(
        new ChangeOrderStatusCommand(ctx, {
          orderId: order.id,
          targetStatusId: statuses[target],
          expectedStatusId: order.status.id,
          expectedVersion: order.version,
          decision,
        }),
      );

    const results = await Promise.allSettled([change('Contacted'), change('New')]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await medium.rows('SELECT count(*)::int AS n FROM order_history WHERE order_id = $1', [order.id])).toEqual([{ n: 2 }]);
    expect((await orderEvents()).filter((event) => event.type === OrderStatusChangedV1.type)).toHaveLength(1);
  });

  it('a transfer moves the department, keeps the status, writes history and event; the department it has or a moved order writes nothing', async () => {
    const [workshop, frontDesk] = [newId(), newId()];
    knownDepartments.add(workshop).add(frontDesk);
    const order = await commands.execute(new CreateOrderCommand(ctx, { title: 'Transfer me', departmentId: workshop }));

    const moved = await commands.execute(
      new TransferOrderCommand(ctx, {
        orderId: order.id,
        departmentId: frontDesk,
        expectedDepartmentId: workshop,
        expectedVersion: order.version,
        decision,
      }),
    );

    expect(moved).toMatchObject({ departmentId: frontDesk, status: { id: order.status.id }, version: order.version + 1 });
    const departments = await medium.rows('SELECT department_id, count FROM order_department_counts WHERE tenant_id = $1 AND count <> 0', [
      ctx.tenantId,
    ]);
    expect(departments).toEqual([{ department_id: frontDesk, count: '1' }]);
    const transfers = (await orderEvents()).filter((event) => event.type === OrderTransferredV1.type);
    expect(transfers).toHaveLength(1);
    expect(transfers[0].data).toMatchObject({ orderId: order.id });

    const again = { orderId: order.id, departmentId: frontDesk, expectedDepartmentId: frontDesk, decision };
    await expect(commands.execute(new TransferOrderCommand(ctx, again))).rejects.toMatchObject({ code: 'ORDER.ALREADY_IN_DEPARTMENT' });
    await expect(
      commands.execute(new TransferOrderCommand(ctx, { ...again, departmentId: workshop, expectedDepartmentId: workshop })),
    ).rejects.toMatchObject({
      code: 'ORDER.DEPARTMENT_MOVED',
    });
    await expect(commands.execute(new TransferOrderCommand(ctx, { ...again, departmentId: newId() }))).rejects.toMatchObject({
      code: 'DEPARTMENT.UNKNOWN',
    });
    expect(await medium.rows('SELECT count(*)::int AS n FROM order_history WHERE order_id = $1', [order.id])).toEqual([{ n: 2 }]);
    expect((await orderEvents()).filter((event) => event.type === OrderTransferredV1.type)).toHaveLength(1);
  });
});
