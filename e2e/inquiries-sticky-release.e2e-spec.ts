import { InquiryAssignedV1, InquiryRequeuedV1 } from '@warden/contracts';
import { RoutingClock } from '@warden/inquiries';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

const MINUTE = 60_000;

/**
 * The tenant setting that releases a sticky inquiry whose assignee has been offline N minutes: the routing clock routes
 * it again without waiting for the client's next message. The routing clock is run with a time N minutes ahead
 * instead of waiting for it.
 */
describe('inquiries: sticky release after N minutes offline', () => {
  let stack: Stack;
  let t: TenantFixture;
  let clock: RoutingClock;
  let contactId: string;
  /** A client of the same branch without an open inquiry: its dry run shows everyone's presence. */
  let probeId: string;
  const people: Record<string, { id: string; email: string; token: string }> = {};
  const http = () => stack.http;
  const inquiry = async (id: string) => (await http().get(`/api/v1/inquiries/${id}`, t.adminToken)).body;
  const goOffline = async (name: string) => {
    expect((await http().post('/api/v1/auth/logout', {}, people[name]!.token)).status).toBe(200);
    await eventually(
      async () => {
        const preview = (await http().get(`/api/v1/inquiries/routing/preview?contactId=${probeId}`, t.adminToken)).body;
        expect(preview.candidates.find((c: any) => c.personId === people[name]!.id)).toMatchObject({
          failed: expect.arrayContaining(['offline']),
        });
      },
      { timeoutMs: 10_000 },
    );
  };

  beforeAll(async () => {
    stack = await Stack.start();
    clock = stack.services.get('inquiries')!.get(RoutingClock);
    t = await createTenant(stack, 'sticky');
    const branch = (await http().post('/api/v1/branches', { name: 'Main', timeZone: 'UTC' }, t.adminToken)).body.id;
    for (const name of ['anna', 'ben']) {
      const employee = await createEmployee(stack, t, { firstName: name });
      expect(
        (
          await http().put(
            `/api/v1/staff/${employee.id}/branches`,
            { mainBranchId: branch, additionalBranchIds: [], allBranches: false },
            t.adminToken,
          )
        ).status,
      ).toBe(200);
      await eventually(
        async () =>
          expect((await http().put(`/api/v1/inquiries/reception/${employee.id}`, { mode: 'my_branches' }, t.adminToken)).status).toBe(200),
        {
          timeoutMs: 10_000,
        },
      );
      people[name] = { id: employee.id, email: employee.email, token: (await login(stack, t, employee.email)).body.accessToken };
    }
    const contact = await http().post(
      '/api/v1/contacts',
      { lastName: 'Client', firstName: 'Sticky', email: 'client@sticky.test', branchId: branch },
      t.adminToken,
    );
    expect(contact.status).toBe(201);
    contactId = contact.body.id;
    const probe = await http().post(
      '/api/v1/contacts',
      { lastName: 'Probe', firstName: 'Sticky', email: 'probe@sticky.test', branchId: branch },
      t.adminToken,
    );
    expect(probe.status).toBe(201);
    probeId = probe.body.id;
    await eventually(
      async () => {
        const preview = (await http().get(`/api/v1/inquiries/routing/preview?contactId=${contactId}`, t.adminToken)).body;
        expect(
          preview.candidates
            .filter((c: any) => c.qualified)
            .map((c: any) => c.personId)
            .sort(),
        ).toEqual([people.anna!.id, people.ben!.id].sort());
      },
      { timeoutMs: 30_000, intervalMs: 300 },
    );
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('releases nothing while the setting is off, nor before the assignee has been offline long enough', async () => {
    const opened = await http().post('/api/v1/inquiries', { contactId, text: 'Hello' }, t.adminToken);
    expect(opened.body).toMatchObject({ created: true, status: 'assigned' });
    const holder = opened.body.assigneeId === people.anna!.id ? 'anna' : 'ben';
    await goOffline(holder);

    expect(await clock.releaseSticky(new Date(Date.now() + 60 * MINUTE))).toBe(0);
    expect(await inquiry(opened.body.id)).toMatchObject({ status: 'assigned', assigneeId: people[holder]!.id });

    const settings = await http().put('/api/v1/inquiries/settings', { stickyReleaseMinutes: 5 }, t.adminToken);
    expect(settings.status).toBe(200);
    expect(await clock.releaseSticky(new Date(Date.now() + 4 * MINUTE))).toBe(0);
    expect(await inquiry(opened.body.id)).toMatchObject({ status: 'assigned', assigneeId: people[holder]!.id });
  });

  it('routes the inquiry to someone online once the assignee has been offline N minutes, recorded and published', async () => {
    const [open] = (await http().get('/api/v1/inquiries?status=assigned', t.adminToken)).body.items;
    const holder = open.assigneeId === people.anna!.id ? 'anna' : 'ben';
    const other = holder === 'anna' ? 'ben' : 'anna';

    expect(await clock.releaseSticky(new Date(Date.now() + 6 * MINUTE))).toBe(1);
    const moved = await inquiry(open.id);
    expect(moved).toMatchObject({ status: 'assigned', assigneeId: people[other]!.id });
    expect(moved.decisions.at(-1)).toMatchObject({
      trigger: 'released',
      outcome: 'assigned',
      assigneeId: people[other]!.id,
      released: { personId: people[holder]!.id },
    });
    const events = await readEvents<InquiryAssignedV1>(InquiryAssignedV1.type, (event) => event.subject === open.id);
    expect(events.at(-1)!.data).toMatchObject({
      assigneeId: people[other]!.id,
      previousAssigneeId: people[holder]!.id,
      routing: { trigger: 'released' },
    });
    // Released once: the next tick finds nothing due.
    expect(await clock.releaseSticky(new Date(Date.now() + 6 * MINUTE))).toBe(0);
  });

  it('puts it back in the queue when nobody qualifies', async () => {
    const [open] = (await http().get('/api/v1/inquiries?status=assigned', t.adminToken)).body.items;
    const holder = open.assigneeId === people.anna!.id ? 'anna' : 'ben';
    await goOffline(holder);

    expect(await clock.releaseSticky(new Date(Date.now() + 6 * MINUTE))).toBe(1);
    const waiting = await inquiry(open.id);
    expect(waiting).toMatchObject({ status: 'waiting', assigneeId: null });
    expect(waiting.decisions.at(-1)).toMatchObject({ trigger: 'released', outcome: 'queued', released: { personId: people[holder]!.id } });
    const [requeued] = await readEvents<InquiryRequeuedV1>(InquiryRequeuedV1.type, (event) => event.subject === open.id);
    expect(requeued!.data).toMatchObject({
      previousAssigneeId: people[holder]!.id,
      reason: 'released',
      routing: { trigger: 'released', outcome: 'queued' },
      audience: expect.arrayContaining([people[holder]!.id]),
    });
  });

  it("a deleted assignee's inquiry goes back to the queue, announced with the reason", async () => {
    const [waiting] = (await http().get('/api/v1/inquiries?status=waiting', t.adminToken)).body.items;
    people.ben!.token = (await login(stack, t, people.ben!.email)).body.accessToken;
    await eventually(async () => expect(await inquiry(waiting.id)).toMatchObject({ status: 'assigned', assigneeId: people.ben!.id }), {
      timeoutMs: 10_000,
    });

    expect((await http().delete(`/api/v1/staff/${people.ben!.id}`, t.adminToken)).status).toBe(200);
    await eventually(async () => expect(await inquiry(waiting.id)).toMatchObject({ status: 'waiting', assigneeId: null }), {
      timeoutMs: 10_000,
    });
    const [requeued] = await readEvents<InquiryRequeuedV1>(
      InquiryRequeuedV1.type,
      (event) => event.subject === waiting.id && event.data.reason === 'assignee-deleted',
    );
    expect(requeued!.data).toMatchObject({
      previousAssigneeId: people.ben!.id,
      routing: null,
      audience: expect.arrayContaining([people.ben!.id]),
    });
  });
});
