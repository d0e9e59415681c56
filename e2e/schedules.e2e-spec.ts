import { WorkScheduleChangedV1 } from '@warden/contracts';
import { RoutingClock } from '@warden/inquiries';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

const DAY_MS = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const WHOLE_DAY = [{ start: '00:00', end: '24:00' }];

/**
 * Schedules relative to the real clock, robust across a midnight between writing and asking: today and
 * tomorrow (UTC) are both exceptions, so "now" falls in one of them.
 */
function workingTodayAndTomorrow() {
  const now = Date.now();
  return {
    weekly: {},
    exceptions: [
      { date: dateOf(now), intervals: WHOLE_DAY },
      { date: dateOf(now + DAY_MS), intervals: WHOLE_DAY },
    ],
  };
}

function offTodayAndTomorrow() {
  const now = Date.now();
  const day = WHOLE_DAY;
  return {
    weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
    exceptions: [{ date: dateOf(now), intervals: [] }, { date: dateOf(now + DAY_MS) }],
  };
}

describe('work schedules: weekly hours with exceptions, "working now", and routing inside them', () => {
  let stack: Stack;
  let t: TenantFixture;
  const http = () => stack.http;
  const schedulePath = (id: string) => `/api/v1/staff/${id}/schedule`;

  beforeAll(async () => {
    stack = await Stack.start();
    t = await createTenant(stack, 'sch');
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it('sets a whole schedule, reads it back normalized and announces it with the whole schedule', async () => {
    const ana = await createEmployee(stack, t, { firstName: 'Ana' });
    expect((await http().get(schedulePath(ana.id), t.adminToken)).body).toEqual({
      personId: ana.id,
      schedule: null,
      version: 0,
      updatedAt: null,
    });

    const put = await http().put(
      schedulePath(ana.id),
      {
        timeZone: 'europe/berlin',
        weekly: {
          mon: [
            { start: '14:00', end: '18:00' },
            { start: '09:00', end: '13:00' },
          ],
          fri: [{ start: '22:00', end: '24:00' }],
          sat: [{ start: '00:00', end: '06:00' }],
        },
        exceptions: [{ date: '2031-12-31', intervals: [{ start: '09:00', end: '12:00' }] }, { date: '2031-12-25' }],
      },
      t.adminToken,
    );
    expect(put.status).toBe(200);
    const expected = {
      timeZone: 'Europe/Berlin',
      weekly: {
        mon: [
          { start: '09:00', end: '13:00' },
          { start: '14:00', end: '18:00' },
        ],
        tue: [],
        wed: [],
        thu: [],
        fri: [{ start: '22:00', end: '24:00' }],
        sat: [{ start: '00:00', end: '06:00' }],
        sun: [],
      },
      exceptions: [
        { date: '2031-12-25', intervals: [] },
        { date: '2031-12-31', intervals: [{ start: '09:00', end: '12:00' }] },
      ],
    };
    expect(put.body).toEqual({ personId: ana.id, schedule: expected, version: 1, updatedAt: expect.any(String) });
    expect((await http().get(schedulePath(ana.id), t.adminToken)).body).toEqual(put.body);

    // Deterministic instants through `at`: Monday 2031-12-01 10:00 in Berlin (CET) is 09:00Z.
    const monday = await http().get(`${schedulePath(ana.id)}/now?at=2031-12-01T09:00:00Z`, t.adminToken);
    expect(monday.status).toBe(200);
    expect(monday.body).toEqual({
      personId: ana.id,
      at: '2031-12-01T09:00:00.000Z',
      working: true,
      reason: 'weekly_hours',
      nextChangeAt: '2031-12-01T12:00:00.000Z',
      timeZone: 'Europe/Berlin',
      local: { date: '2031-12-01', time: '10:00', weekday: 'mon' },
    });
    const christmas = await http().get(`${schedulePath(ana.id)}/now?at=2031-12-25T10:00:00Z`, t.adminToken);
    expect(christmas.body).toMatchObject({ working: false, reason: 'exception_day_off', nextChangeAt: '2031-12-26T21:00:00.000Z' });

    const events = await readEvents<WorkScheduleChangedV1>(WorkScheduleChangedV1.type, (event) => event.subject === ana.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'identity.schedule.changed.v1',
      source: '/warden/identity',
      tenantid: t.tenantId,
      data: { personId: ana.id, schedule: expected, version: 1, at: put.body.updatedAt },
    });
  });

  it('answers "working now" from the real clock: inside, outside with the next change, and no schedule', async () => {
    const ben = await createEmployee(stack, t, { firstName: 'Ben' });
    const none = await http().get(`${schedulePath(ben.id)}/now`, t.adminToken);
    expect(none.body).toMatchObject({
      personId: ben.id,
      working: true,
      reason: 'no_schedule',
      nextChangeAt: null,
      timeZone: null,
      local: null,
    });

    expect((await http().put(schedulePath(ben.id), workingTodayAndTomorrow(), t.adminToken)).status).toBe(200);
    const inside = await http().get(`${schedulePath(ben.id)}/now`, t.adminToken);
    expect(inside.body).toMatchObject({ working: true, reason: 'exception_hours', timeZone: 'UTC' });
    expect(Math.abs(Date.parse(inside.body.at) - Date.now())).toBeLessThan(60_000);
    // The last of the two whole days ends at a UTC midnight.
    expect(inside.body.nextChangeAt).toMatch(/T00:00:00\.000Z$/);
    expect(Date.parse(inside.body.nextChangeAt)).toBeGreaterThan(Date.now() + DAY_MS - 60_000);

    expect((await http().put(schedulePath(ben.id), offTodayAndTomorrow(), t.adminToken)).status).toBe(200);
    const outside = await http().get(`${schedulePath(ben.id)}/now`, t.adminToken);
    expect(outside.body).toMatchObject({ working: false, reason: 'exception_day_off' });
    expect(outside.body.nextChangeAt).toMatch(/T00:00:00\.000Z$/);
    expect((await http().get(schedulePath(ben.id), t.adminToken)).body.version).toBe(2);
  });

  it('clears a schedule: no schedule again, announced with null; clearing nothing changes nothing', async () => {
    const cid = await createEmployee(stack, t, { firstName: 'Cid' });
    await http().put(schedulePath(cid.id), offTodayAndTomorrow(), t.adminToken);
    const cleared = await http().delete(schedulePath(cid.id), t.adminToken);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ personId: cid.id, schedule: null, version: 2 });
    expect((await http().get(`${schedulePath(cid.id)}/now`, t.adminToken)).body).toMatchObject({ working: true, reason: 'no_schedule' });
    const again = await http().delete(schedulePath(cid.id), t.adminToken);
    expect(again.body).toMatchObject({ schedule: null, version: 2 });
    const events = await readEvents<WorkScheduleChangedV1>(WorkScheduleChangedV1.type, (event) => event.subject === cid.id, { atLeast: 2 });
    expect(events.map((event) => [event.data.version, event.data.schedule === null])).toEqual([
      [1, false],
      [2, true],
    ]);
  });

  it('refuses bad input with 422 naming each field, and leaves the schedule as it was', async () => {
    const dee = await createEmployee(stack, t, { firstName: 'Dee' });
    const good = { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '13:00' }] } };
    expect((await http().put(schedulePath(dee.id), good, t.adminToken)).status).toBe(200);
    const cases: Array<[unknown, string[]]> = [
      [
        {
          weekly: {
            mon: [
              { start: '09:00', end: '13:00' },
              { start: '22:00', end: '06:00' },
            ],
          },
        },
        ['weekly.mon.1.end'],
      ],
      [
        {
          weekly: {
            tue: [
              { start: '09:00', end: '13:00' },
              { start: '12:00', end: '14:00' },
            ],
          },
        },
        ['weekly.tue.1.start'],
      ],
      [{ weekly: { wed: [{ start: '9:00', end: '25:00' }] } }, ['weekly.wed.0.start', 'weekly.wed.0.end']],
      [{ timeZone: 'Mars/Olympus_Mons', weekly: {} }, ['timeZone']],
      [{ timeZone: '+03:00', weekly: {} }, ['timeZone']],
      [
        { weekly: {}, exceptions: [{ date: '2031-02-30' }, { date: '2031-03-01' }, { date: '2031-03-01', intervals: [] }] },
        ['exceptions.0.date', 'exceptions.2.date'],
      ],
      [{ weekly: { monday: [] } }, ['weekly.monday']],
      [{ weekly: { mon: [{ start: '09:00', end: '10:00', note: 'x' }] } }, ['weekly.mon.0.note']],
      [{ weekly: 'always' }, ['weekly']],
      [{}, ['weekly']],
    ];
    for (const [body, fields] of cases) {
      const response = await http().put(schedulePath(dee.id), body, t.adminToken);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 422]);
      expect([...new Set(response.body.errors.map((error: any) => error.field))]).toEqual(fields);
    }
    const overnight = await http().put(schedulePath(dee.id), cases[0]![0], t.adminToken);
    expect(overnight.body).toMatchObject({
      code: 'SCHEDULE.INVALID',
      errors: [{ field: 'weekly.mon.1.end', reason: expect.stringContaining('22:00-24:00') }],
    });
    const badInstant = await http().get(`${schedulePath(dee.id)}/now?at=yesterday`, t.adminToken);
    expect(badInstant.status).toBe(422);
    expect(badInstant.body.errors).toEqual([expect.objectContaining({ field: 'at' })]);

    expect((await http().get(schedulePath(dee.id), t.adminToken)).body).toMatchObject({
      version: 1,
      schedule: { weekly: { mon: good.weekly.mon } },
    });
    expect((await http().put(schedulePath('00000000-0000-7000-8000-000000000000'), good, t.adminToken)).status).toBe(404);
    expect((await http().get(`${schedulePath('not-an-id')}/now`, t.adminToken)).status).toBe(404);
  });

  it('a deleted employee keeps its schedule readable but cannot get a new one', async () => {
    const eve = await createEmployee(stack, t, { firstName: 'Eve' });
    await http().put(schedulePath(eve.id), workingTodayAndTomorrow(), t.adminToken);
    expect((await http().delete(`/api/v1/staff/${eve.id}`, t.adminToken)).status).toBe(200);
    expect((await http().get(schedulePath(eve.id), t.adminToken)).body.version).toBe(1);
    const refused = await http().put(schedulePath(eve.id), workingTodayAndTomorrow(), t.adminToken);
    expect([refused.status, refused.body.code]).toEqual([409, 'STAFF.DELETED']);
  });

  it('keeps tenants apart: another tenant cannot read, set, clear or ask about a schedule', async () => {
    const fay = await createEmployee(stack, t, { firstName: 'Fay' });
    await http().put(schedulePath(fay.id), workingTodayAndTomorrow(), t.adminToken);
    const other = await createTenant(stack, 'sch2');
    expect((await http().get(schedulePath(fay.id), other.adminToken)).status).toBe(404);
    expect((await http().get(`${schedulePath(fay.id)}/now`, other.adminToken)).status).toBe(404);
    expect((await http().put(schedulePath(fay.id), offTodayAndTomorrow(), other.adminToken)).status).toBe(404);
    expect((await http().delete(schedulePath(fay.id), other.adminToken)).status).toBe(404);
    expect((await http().get(schedulePath(fay.id), t.adminToken)).body).toMatchObject({ version: 1, schedule: { timeZone: 'UTC' } });
  });

  it("only 'staff.manage' sets or clears; anyone reads its own; reading someone else's needs 'staff.read'", async () => {
    const gus = await createEmployee(stack, t, { firstName: 'Gus' }); // the default Employee group: staff.read, not staff.manage
    const quiet = await http().post('/api/v1/groups', { name: 'No registry', rights: ['auth.login'] }, t.adminToken);
    expect(quiet.status).toBe(201);
    const hal = await createEmployee(stack, t, { firstName: 'Hal', groupIds: [quiet.body.id] });
    const gusToken = (await login(stack, t, gus.email)).body.accessToken;
    const halToken = (await login(stack, t, hal.email)).body.accessToken;
    await http().put(schedulePath(hal.id), workingTodayAndTomorrow(), t.adminToken);

    const refusedPut = await http().put(schedulePath(hal.id), offTodayAndTomorrow(), gusToken);
    expect(refusedPut.status).toBe(403);
    expect((await http().put(schedulePath(gus.id), offTodayAndTomorrow(), gusToken)).status).toBe(403);
    expect((await http().delete(schedulePath(hal.id), gusToken)).status).toBe(403);
    expect((await http().get(schedulePath(hal.id), t.adminToken)).body.version).toBe(1);

    expect((await http().get(schedulePath(hal.id), gusToken)).status).toBe(200);
    expect((await http().get(`${schedulePath(hal.id)}/now`, gusToken)).body).toMatchObject({ working: true });
    expect((await http().get(schedulePath(hal.id), halToken)).status).toBe(200);
    expect((await http().get(`${schedulePath(hal.id)}/now`, halToken)).status).toBe(200);
    expect((await http().get(schedulePath(gus.id), halToken)).status).toBe(403);
    expect((await http().get(`${schedulePath(gus.id)}/now`, halToken)).status).toBe(403);
  });

  it('documents the routes (OpenAPI) and the event (AsyncAPI)', async () => {
    const openApi = (await http().get('/docs-json')).body;
    expect(Object.keys(openApi.paths['/api/v1/staff/{id}/schedule']).sort()).toEqual(['delete', 'get', 'put']);
    expect(openApi.paths['/api/v1/staff/{id}/schedule'].put['x-required-right']).toBe('staff.manage');
    expect(openApi.paths['/api/v1/staff/{id}/schedule/now'].get.responses['200']).toBeDefined();
    const asyncApi = (await http().get('/docs/asyncapi.json')).body;
    expect(asyncApi.channels.WorkScheduleChangedV1.address).toBe('identity.schedule.changed.v1');
  });

  describe('routing by work schedules', () => {
    let r: TenantFixture;
    const people: Record<string, string> = {};
    let branchId = '';
    const preview = async (contactId: string) => {
      const response = await http().get(`/api/v1/inquiries/routing/preview?contactId=${contactId}`, r.adminToken);
      expect(response.status).toBe(200);
      return response.body;
    };
    const verdict = (decision: any, personId: string) => decision.candidates.find((candidate: any) => candidate.personId === personId);
    const contact = async (lastName: string) =>
      (
        await http().postExpecting(
          '/api/v1/contacts',
          { lastName, firstName: 'Client', email: `${lastName.toLowerCase()}@client.test`, branchId },
          r.adminToken,
        )
      ).id as string;
    const settings = async (useWorkSchedules: boolean) => {
      const response = await http().put('/api/v1/inquiries/settings', { useWorkSchedules }, r.adminToken);
      expect([response.status, response.body.useWorkSchedules]).toEqual([200, useWorkSchedules]);
    };
    const schedule = async (name: string, body: unknown | null) => {
      const response =
        body === null
          ? await http().delete(schedulePath(people[name]!), r.adminToken)
          : await http().put(schedulePath(people[name]!), body, r.adminToken);
      expect(response.status).toBe(200);
    };

    beforeAll(async () => {
      r = await createTenant(stack, 'schr');
      branchId = (await http().postExpecting('/api/v1/branches', { name: 'Main', timeZone: 'UTC' }, r.adminToken)).id;
      for (const name of ['ivy', 'jon']) {
        const employee = await createEmployee(stack, r, { firstName: name });
        expect(
          (
            await http().put(
              `/api/v1/staff/${employee.id}/branches`,
              { mainBranchId: branchId, additionalBranchIds: [], allBranches: false },
              r.adminToken,
            )
          ).status,
        ).toBe(200);
        await eventually(
          async () =>
            expect((await http().put(`/api/v1/inquiries/reception/${employee.id}`, { mode: 'my_branches' }, r.adminToken)).status).toBe(
              200,
            ),
          {
            timeoutMs: 10_000,
          },
        );
        expect((await login(stack, r, employee.email)).status).toBe(200); // online
        people[name] = employee.id;
      }
    }, 60_000);

    it('with the setting on, an online employee outside its schedule is not assigned; inside, it is; off, schedules are ignored', async () => {
      const client = await contact('Alpha');
      await schedule('ivy', offTodayAndTomorrow());
      await schedule('jon', workingTodayAndTomorrow());
      await settings(true);
      await eventually(
        async () => {
          const decision = await preview(client);
          expect(decision).toMatchObject({ outcome: 'assigned', assigneeId: people.jon });
          expect(verdict(decision, people.ivy!)).toMatchObject({
            qualified: false,
            reason: 'schedule',
            detail: expect.stringContaining('outside its work schedule'),
          });
        },
        { timeoutMs: 10_000, intervalMs: 200 },
      );
      const written = await http().postExpecting('/api/v1/inquiries', { contactId: client, text: 'Hello' }, r.adminToken);
      expect(written).toMatchObject({ status: 'assigned', assigneeId: people.jon });
      const stored = await http().get(`/api/v1/inquiries/${written.id}`, r.adminToken);
      expect(verdict(stored.body.decisions[0], people.ivy!)).toMatchObject({ reason: 'schedule' });

      await settings(false);
      const ignored = await preview(await contact('Beta'));
      expect(verdict(ignored, people.ivy!)).toMatchObject({ qualified: true });
      expect(ignored.candidates.some((candidate: any) => candidate.reason === 'schedule')).toBe(false);
    });

    it('a schedule change reaches routing: the cached roster is re-read, and a waiting inquiry is assigned to whoever is now inside', async () => {
      await settings(true);
      await schedule('ivy', offTodayAndTomorrow());
      await schedule('jon', offTodayAndTomorrow());
      const client = await contact('Gamma');
      await eventually(async () => expect((await preview(client)).outcome).toBe('queued'), { timeoutMs: 10_000, intervalMs: 200 });
      const waiting = await http().postExpecting('/api/v1/inquiries', { contactId: client, text: 'Anyone?' }, r.adminToken);
      expect(waiting).toMatchObject({ status: 'waiting', assigneeId: null });

      // No schedule counts as inside: clearing Ivy's lets the queue hand her the inquiry.
      await schedule('ivy', null);
      await eventually(
        async () =>
          expect((await http().get(`/api/v1/inquiries/${waiting.id}`, r.adminToken)).body).toMatchObject({
            status: 'assigned',
            assigneeId: people.ivy,
          }),
        { timeoutMs: 10_000, intervalMs: 200 },
      );
      // A new client's message takes the hot path (the cached roster): it sees the new schedules too.
      await schedule('ivy', offTodayAndTomorrow());
      await schedule('jon', workingTodayAndTomorrow());
      const next = await contact('Delta');
      await eventually(async () => expect((await preview(next)).assigneeId).toBe(people.jon), { timeoutMs: 10_000, intervalMs: 200 });
      const routed = await http().postExpecting('/api/v1/inquiries', { contactId: next, text: 'Hi' }, r.adminToken);
      expect(routed).toMatchObject({ status: 'assigned', assigneeId: people.jon });
    });

    it("when someone's hours begin, the routing clock hands them the waiting inquiry without any other trigger", async () => {
      const clock = stack.services.get('inquiries')!.get(RoutingClock);
      await settings(true);
      await schedule('ivy', offTodayAndTomorrow());
      await schedule('jon', offTodayAndTomorrow());
      const client = await contact('Epsilon');
      await eventually(async () => expect((await preview(client)).outcome).toBe('queued'), { timeoutMs: 10_000, intervalMs: 200 });
      const waiting = await http().postExpecting('/api/v1/inquiries', { contactId: client, text: 'Still there?' }, r.adminToken);
      expect(waiting).toMatchObject({ status: 'waiting' });

      // Nobody's hours have begun yet: the clock changes nothing.
      expect(await clock.drainScheduled()).toBe(0);
      expect((await http().get(`/api/v1/inquiries/${waiting.id}`, r.adminToken)).body.status).toBe('waiting');
      // Three days on, the weekly hours apply again (the days off were today and tomorrow).
      expect(await clock.drainScheduled(new Date(Date.now() + 3 * DAY_MS))).toBe(1);
      const assigned = (await http().get(`/api/v1/inquiries/${waiting.id}`, r.adminToken)).body;
      expect(assigned).toMatchObject({
        status: 'assigned',
        assigneeId: expect.stringMatching(new RegExp(`^(${people.ivy}|${people.jon})$`)),
      });
      expect(assigned.decisions.at(-1)).toMatchObject({ trigger: 'queue', outcome: 'assigned' });
    });
  });
});
