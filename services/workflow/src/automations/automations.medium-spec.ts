import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import { AutomationAppliedV1, OrderTagsChangedV1, OrderTransferredV1 } from '@warden/contracts';
import type { AutomationRuleView, CheckData, RequestContext } from '@warden/contracts';
import { startMedium } from '@warden/medium-testing';
import type { Medium } from '@warden/medium-testing';
import { WORKFLOW_SERVICE } from '../workflow.service-definition';
import { ProvisionTenantCommand } from '../workflows/provision-tenant.handler';
import { CreateOrderCommand } from '../orders/create-order.handler';
import { AutomationsModule } from './automations.module';
import { AutomationRunner } from './automation.runner';

const SUPPORT = newId();
const KEY_ACCOUNTS = newId();
const KATE = newId();
/** The owner's answers: who may transfer, per owner id. */
const mayTransfer = new Set<string>();
const checks: CheckData[] = [];

/** A rule's run: what it writes to the order, its history and the outbox, and what a refusal leaves untouched. */
describe('automation runs (medium: runner + PostgreSQL)', () => {
  let medium: Medium;
  let ctx: RequestContext;

  beforeAll(async () => {
    medium = await startMedium(WORKFLOW_SERVICE, {
      imports: [AutomationsModule],
      bus: {
        'directory.departments.get': ({ departmentId }) => ({
          id: departmentId,
          name: 'Dept',
          headId: null,
          memberIds: [],
          createdAt: '',
          updatedAt: '',
        }),
        'permissions.check': (data) => {
          checks.push(data);
          const allowed = data.action !== 'orders.transfer' || mayTransfer.has(data.personId);
          return allowed
            ? { allowed: true, code: 'ALLOWED.TRANSFER', reason: 'May', policyVersion: 4 }
            : { allowed: false, code: 'RIGHT.NOT_GRANTED', reason: "Missing right 'orders.transfer'", policyVersion: 4 };
        },
      },
    });
  });

  afterAll(() => medium?.close());

  beforeEach(async () => {
    ctx = { tenantId: newId(), actorId: newId(), requestId: 'medium' };
    checks.length = 0;
    await medium.get(CommandBus).execute(new ProvisionTenantCommand(ctx.tenantId));
  });

  function rule(ownerId: string): AutomationRuleView {
    return {
      id: newId(),
      name: 'To Key accounts',
      trigger: 'order.created',
      conditions: { departmentIds: [SUPPORT] },
      actions: { departmentId: KEY_ACCOUNTS, responsibleId: KATE },
      position: 0,
      active: true,
      ownerId,
      createdAt: '',
      updatedAt: '',
    };
  }

  async function run(rules: AutomationRuleView[], orderId: string): Promise<void> {
    await medium
      .get(DataSource)
      .transaction((manager) => medium.get(AutomationRunner).run(manager, { ...ctx, actorId: null }, 'order.created', rules, orderId));
  }

  const order = (id: string) =>
    medium.rows<{ department_id: string | null; responsible_id: string | null; version: number }>(
      'SELECT department_id, responsible_id, version FROM orders WHERE id = $1',
      [id],
    );
  /** What the run wrote to the outbox besides provisioning the tenant's workflow. */
  const orderOutbox = async () => (await medium.outbox(ctx.tenantId)).filter((row) => !row.type.startsWith('workflow.workflow.'));
  const history = (id: string) =>
    medium.rows('SELECT kind, actor_id, automation_rule_id, note IS NOT NULL AS noted FROM order_history WHERE order_id = $1 ORDER BY id', [
      id,
    ]);

  it('an allowed rule transfers and sets the responsible employee, as the system, with its id, and announces both', async () => {
    const owner = newId();
    mayTransfer.add(owner);
    const created = await medium.get(CommandBus).execute(new CreateOrderCommand(ctx, { title: 'Printer', departmentId: SUPPORT }));
    const applied = rule(owner);
    await run([applied], created.id);

    expect(await order(created.id)).toEqual([{ department_id: KEY_ACCOUNTS, responsible_id: KATE, version: created.version + 2 }]);
    expect(await history(created.id)).toEqual([
      { kind: 'status', actor_id: ctx.actorId, automation_rule_id: null, noted: false },
      { kind: 'transfer', actor_id: null, automation_rule_id: applied.id, noted: false },
      { kind: 'responsible', actor_id: null, automation_rule_id: applied.id, noted: false },
    ]);
    expect(checks.map((check) => [check.personId, check.action, check.resource?.departmentId])).toEqual([
      [owner, 'orders.transfer', SUPPORT],
      // The responsible employee is judged where the order now is.
      [owner, 'orders.update', KEY_ACCOUNTS],
    ]);
    const events = (await orderOutbox()).map((row) => row.type);
    expect(events).toEqual(['workflow.order.created.v1', OrderTransferredV1.type, AutomationAppliedV1.type]);
  });

  it('a refused transfer leaves the department alone and records why; the allowed change still happens', async () => {
    const owner = newId();
    const created = await medium.get(CommandBus).execute(new CreateOrderCommand(ctx, { title: 'Printer', departmentId: SUPPORT }));
    const refused = rule(owner);
    await run([refused], created.id);

    expect(await order(created.id)).toEqual([{ department_id: SUPPORT, responsible_id: KATE, version: created.version + 1 }]);
    expect(await history(created.id)).toEqual([
      { kind: 'status', actor_id: ctx.actorId, automation_rule_id: null, noted: false },
      { kind: 'automation', actor_id: null, automation_rule_id: refused.id, noted: true },
      { kind: 'responsible', actor_id: null, automation_rule_id: refused.id, noted: false },
    ]);
    const outbox = await orderOutbox();
    expect(outbox.map((row) => row.type)).toEqual(['workflow.order.created.v1', AutomationAppliedV1.type]);
    expect((outbox[1]!.data as unknown as AutomationAppliedV1).actions.map((action) => action.outcome)).toEqual(['refused', 'applied']);
  });

  it('a rule whose conditions do not hold asks nothing and writes nothing', async () => {
    const created = await medium.get(CommandBus).execute(new CreateOrderCommand(ctx, { title: 'Elsewhere' }));
    await run([rule(newId())], created.id);
    expect(checks).toEqual([]);
    expect(await history(created.id)).toHaveLength(1);
    expect((await orderOutbox()).map((row) => row.type)).toEqual(['workflow.order.created.v1']);
  });

  it('a change the order has moved on from runs no rule: the later change decides, so no rule runs twice', async () => {
    const owner = newId();
    mayTransfer.add(owner);
    const created = await medium.get(CommandBus).execute(new CreateOrderCommand(ctx, { title: 'Printer', departmentId: SUPPORT }));
    const stale = (order: { departmentId: string | null }) => order.departmentId === 'a-department-it-has-left';
    await medium
      .get(DataSource)
      .transaction((manager) =>
        medium.get(AutomationRunner).run(manager, { ...ctx, actorId: null }, 'order.transferred', [rule(owner)], created.id, stale),
      );
    expect(checks).toEqual([]);
    expect(await order(created.id)).toEqual([{ department_id: SUPPORT, responsible_id: null, version: created.version }]);
    expect((await orderOutbox()).map((row) => row.type)).toEqual(['workflow.order.created.v1']);
  });

  it('a tag is added as far as the owner may update the order, with the rule id; one the order has, or a 21st, asks nothing', async () => {
    const owner = newId();
    const tagging: AutomationRuleView = { ...rule(owner), conditions: { tags: ['vip'] }, actions: { tag: 'key-account' } };
    const created = await medium.get(CommandBus).execute(new CreateOrderCommand(ctx, { title: 'Printer', tags: ['vip'] }));
    await run([tagging], created.id);

    expect(await medium.rows('SELECT tags, version FROM orders WHERE id = $1', [created.id])).toEqual([
      { tags: ['key-account', 'vip'], version: created.version + 1 },
    ]);
    expect(await history(created.id)).toEqual([
      { kind: 'status', actor_id: ctx.actorId, automation_rule_id: null, noted: false },
      { kind: 'tags', actor_id: null, automation_rule_id: tagging.id, noted: false },
    ]);
    expect(checks.map((check) => [check.personId, check.action, check.resource?.statusId])).toEqual([
      [owner, 'orders.update', created.status.id],
    ]);
    const outbox = await orderOutbox();
    expect(outbox.map((row) => row.type)).toEqual(['workflow.order.created.v1', OrderTagsChangedV1.type, AutomationAppliedV1.type]);
    expect(outbox[1]!.data).toMatchObject({ added: ['key-account'], removed: [], actorId: null, automationRuleId: tagging.id });

    // Run again: the order has the tag, so nothing is asked or written.
    checks.length = 0;
    await run([tagging], created.id);
    expect(checks).toEqual([]);
    expect(await history(created.id)).toHaveLength(2);

    // An order with 20 tags takes no 21st, whoever owns the rule: refused before the owner is asked, and noted.
    const twenty = ['vip', ...Array.from({ length: 19 }, (_, index) => `t${index}`)];
    const full = await medium.get(CommandBus).execute(new CreateOrderCommand(ctx, { title: 'Full', tags: twenty }));
    await run([tagging], full.id);
    expect(checks).toEqual([]);
    expect(await history(full.id)).toEqual([
      { kind: 'status', actor_id: ctx.actorId, automation_rule_id: null, noted: false },
      { kind: 'automation', actor_id: null, automation_rule_id: tagging.id, noted: true },
    ]);
  });
});
