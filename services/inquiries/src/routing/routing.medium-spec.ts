import { CommandBus } from '@nestjs/cqrs';
import { newId } from '@warden/kernel';
import { InquiryAssignedV1, InquiryCreatedV1 } from '@warden/contracts';
import type { ReceptionMode, RequestContext } from '@warden/contracts';
import { startMedium } from '@warden/medium-testing';
import type { Medium } from '@warden/medium-testing';
import { INQUIRIES_SERVICE } from '../inquiries.service-definition';
import { InquiriesModule } from '../inquiries.module';
import { ReceiveInquiryCommand } from '../inquiries/receive-inquiry.handler';
import { ReadModelRepository } from '../read-models/read-model.repository';
import { SetReceptionCommand } from '../reception/set-reception.handler';
import { UpdateChatSettingsCommand } from '../reception/update-chat-settings.handler';
import { RoutingClock } from './routing.clock';

const MINUTE = 60_000;

/**
 * Routing as the read models, the candidate SQL and the decision store run it: who gets a new inquiry, the queue
 * drained when someone's reception mode lets them take it, and sticky release on the clock.
 */
describe('inquiry routing (medium: service + PostgreSQL)', () => {
  let medium: Medium;
  let commands: CommandBus;
  let readModels: ReadModelRepository;
  let ctx: RequestContext;
  let branch: string;

  beforeAll(async () => {
    medium = await startMedium(INQUIRIES_SERVICE, { imports: [InquiriesModule] });
    commands = medium.get(CommandBus);
    readModels = medium.get(ReadModelRepository);
  });

  afterAll(() => medium?.close());

  beforeEach(() => {
    ctx = { tenantId: newId(), actorId: newId(), requestId: 'medium' };
    branch = newId();
  });

  /** An employee as identity's, directory's and permissions' events leave them in the read models, online. */
  async function employee(name: string, mode: ReceptionMode, branches: { branchId?: string; allBranches?: boolean } = {}): Promise<string> {
    const personId = newId();
    const manager = medium.dataSource.manager;
    await readModels.upsertEmployee(manager, ctx.tenantId, personId, name);
    await readModels.setBranches(manager, ctx.tenantId, personId, {
      mainBranchId: branches.branchId ?? branch,
      additionalBranchIds: [],
      allBranches: branches.allBranches ?? false,
      at: new Date().toISOString(),
    });
    // Online since an hour ago: a later offline report (sticky release below) must be newer to apply.
    await readModels.setPresence(manager, ctx.tenantId, personId, true, new Date(Date.now() - 60 * MINUTE).toISOString());
    await commands.execute(new SetReceptionCommand(ctx, { personId, mode, hasAllBranchesRight: false }));
    return personId;
  }

  /** Who holds the mirrored rights, as the permissions service's events replace them. */
  async function rights(assignable: string[], allBranches: string[] = []): Promise<void> {
    await readModels.replaceRightHolders(
      medium.dataSource.manager,
      ctx.tenantId,
      null,
      { 'inquiries.assignable': assignable, 'branches.all': allBranches },
      Date.now(),
    );
  }

  async function client(): Promise<string> {
    const contactId = newId();
    await readModels.upsertContact(
      medium.dataSource.manager,
      ctx.tenantId,
      { contactId, fullName: 'Client', responsibleEmployeeId: null, branchId: branch, portalPersonId: null },
      new Date().toISOString(),
    );
    return contactId;
  }

  const load = (personId: string, openInquiries: number, lastAssignedMinutesAgo: number | null) =>
    medium.rows('UPDATE employees SET open_inquiries = $3, last_assigned_at = $4 WHERE tenant_id = $1 AND person_id = $2', [
      ctx.tenantId,
      personId,
      openInquiries,
      lastAssignedMinutesAgo === null ? null : new Date(Date.now() - lastAssignedMinutesAgo * MINUTE),
    ]);
  const receive = async (contactId: string) =>
    commands.execute(new ReceiveInquiryCommand(ctx, { personId: ctx.actorId!, kind: 'employee' }, { contactId, text: 'Hello' }));
  const openInquiries = async (personId: string) =>
    (
      await medium.rows<{ open_inquiries: number }>('SELECT open_inquiries FROM employees WHERE tenant_id = $1 AND person_id = $2', [
        ctx.tenantId,
        personId,
      ])
    )[0].open_inquiries;
  const assignedEvents = async () =>
    (await medium.outbox(ctx.tenantId)).filter((row) => row.type === InquiryAssignedV1.type).map((row) => row.data);

  it('gives a new inquiry to the least loaded employee, then the one waiting longest since an assignment', async () => {
    const [busy, rested, recent] = [
      await employee('Busy', 'my_branches'),
      await employee('Rested', 'my_branches'),
      await employee('Recent', 'my_branches'),
    ];
    await rights([busy, rested, recent]);
    await load(busy, 1, 60);
    await load(rested, 0, 30);
    await load(recent, 0, 1);

    const first = await receive(await client());

    expect(first).toMatchObject({ status: 'assigned', assigneeId: rested });
    expect(await medium.rows('SELECT status, assignee_id FROM inquiries WHERE id = $1', [first.id])).toEqual([
      { status: 'assigned', assignee_id: rested },
    ]);
    expect(await openInquiries(rested)).toBe(1);
    const [decision] = await medium.rows<{ trigger: string; outcome: string; assignee_id: string }>(
      'SELECT trigger, outcome, assignee_id FROM routing_decisions WHERE inquiry_id = $1',
      [first.id],
    );
    expect(decision).toEqual({ trigger: 'created', outcome: 'assigned', assignee_id: rested });
    const events = (await medium.outbox(ctx.tenantId)).map((row) => row.type);
    expect(events).toEqual(expect.arrayContaining([InquiryAssignedV1.type, InquiryCreatedV1.type]));
    expect(await assignedEvents()).toEqual([
      expect.objectContaining({ inquiryId: first.id, assigneeId: rested, previousAssigneeId: null }),
    ]);

    // Rested now carries one as Busy does, and was assigned just now: Recent is the least loaded.
    const second = await receive(await client());
    expect(second.assigneeId).toBe(recent);
  });

  it("leaves out employees whose reception mode or branch does not take the client, in the candidate SQL; 'anyone' needs all branches", async () => {
    const [off, elsewhere, withoutRight] = [
      await employee('Off', 'nobody'),
      await employee('Elsewhere', 'my_branches', { branchId: newId() }),
      await employee('NoRight', 'my_branches'),
    ];
    await rights([off, elsewhere]);

    const queued = await receive(await client());

    expect(queued).toMatchObject({ status: 'waiting', assigneeId: null });
    expect(await assignedEvents()).toEqual([]);
    expect(await medium.rows('SELECT outcome FROM routing_decisions WHERE inquiry_id = $1', [queued.id])).toEqual([{ outcome: 'queued' }]);
    await expect(
      commands.execute(new SetReceptionCommand(ctx, { personId: elsewhere, mode: 'anyone', hasAllBranchesRight: false })),
    ).rejects.toMatchObject({ code: 'RECEPTION.ANYONE_NEEDS_ALL_BRANCHES' });
    expect(await medium.rows('SELECT mode FROM employees WHERE tenant_id = $1 AND person_id = $2', [ctx.tenantId, elsewhere])).toEqual([
      { mode: 'my_branches' },
    ]);
    expect(await openInquiries(withoutRight)).toBe(0);

    // With the right to all branches (read in the candidate SQL), mode 'anyone' lets Elsewhere take it: the queue
    // drains in the same transaction.
    await rights([off, elsewhere], [elsewhere]);
    await commands.execute(new SetReceptionCommand(ctx, { personId: elsewhere, mode: 'anyone', hasAllBranchesRight: true }));
    expect(await medium.rows('SELECT status, assignee_id FROM inquiries WHERE id = $1', [queued.id])).toEqual([
      { status: 'assigned', assignee_id: elsewhere },
    ]);
    expect(await assignedEvents()).toEqual([
      expect.objectContaining({ inquiryId: queued.id, assigneeId: elsewhere, routing: expect.objectContaining({ trigger: 'queue' }) }),
    ]);
  });

  describe('sticky release on the clock', () => {
    async function stickyInquiry(offlineMinutes: number) {
      const [away, present] = [await employee('Away', 'my_branches'), await employee('Present', 'my_branches')];
      await rights([away, present]);
      await load(present, 0, 0);
      await commands.execute(new UpdateChatSettingsCommand(ctx, { stickyReleaseMinutes: 15 }));
      const inquiry = await receive(await client());
      expect(inquiry.assigneeId).toBe(away);
      await readModels.setPresence(
        medium.dataSource.manager,
        ctx.tenantId,
        away,
        false,
        new Date(Date.now() - offlineMinutes * MINUTE).toISOString(),
      );
      return { inquiry, away, present };
    }

    it('routes an inquiry again once its assignee has been offline as long as the tenant says', async () => {
      const { inquiry, away, present } = await stickyInquiry(20);

      expect(await medium.get(RoutingClock).releaseSticky()).toBeGreaterThanOrEqual(1);

      expect(await medium.rows('SELECT assignee_id FROM inquiries WHERE id = $1', [inquiry.id])).toEqual([{ assignee_id: present }]);
      expect([await openInquiries(away), await openInquiries(present)]).toEqual([0, 1]);
      expect((await assignedEvents()).at(-1)).toMatchObject({
        inquiryId: inquiry.id,
        assigneeId: present,
        previousAssigneeId: away,
        routing: { trigger: 'released' },
      });
    });

    it('keeps it while the assignee has been offline for less, writing nothing', async () => {
      const { inquiry, away } = await stickyInquiry(5);
      const before = await medium.outbox(ctx.tenantId);

      await medium.get(RoutingClock).releaseSticky();

      expect(await medium.rows('SELECT assignee_id FROM inquiries WHERE id = $1', [inquiry.id])).toEqual([{ assignee_id: away }]);
      expect(await medium.rows('SELECT count(*)::int AS n FROM routing_decisions WHERE inquiry_id = $1', [inquiry.id])).toEqual([{ n: 1 }]);
      expect(await medium.outbox(ctx.tenantId)).toEqual(before);
    });
  });
});
