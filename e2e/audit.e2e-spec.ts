import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { admin, createOrdersTenant, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/**
 * The audit log as an administrator reads it: every administrative change recorded by the service that made it, in
 * the same transaction (its outbox), kept by the integrations service and read through GET /api/v1/audit.
 */
describe('audit log', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let other: OrdersTenant;
  let boss: Person;
  let master: Person;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'au');
    other = await createOrdersTenant(stack, 'ax');
    boss = admin(tenant);
    master = await signedInEmployee(stack, tenant, { firstName: 'Max', position: 'Master' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** The entries matching `query`, once at least `count` of them have arrived (the log follows the event stream). */
  async function entries(query: Record<string, string>, count = 1, token = boss.token): Promise<any[]> {
    let items: any[] = [];
    await eventually(async () => {
      const response = await stack.http.get(`/api/v1/audit?${new URLSearchParams(query).toString()}`, token);
      if (response.status !== 200) throw new Error(`audit: ${response.status} ${JSON.stringify(response.body)}`);
      items = response.body.items;
      if (items.length < count) throw new Error(`${items.length} of ${count} entries so far`);
    });
    return items;
  }

  it("shows who lowered the master's level on Ready, when, before and after, and the request id", async () => {
    const ready = tenant.status.Ready!;
    const card = await stack.http.get(`/api/v1/staff/${master.id}/status-access`, boss.token);
    const levelBefore = card.body.workflows[0].statuses.find((status: any) => status.statusId === ready).level;
    expect(levelBefore).toBe('set');

    const startedAt = new Date();
    const change = await stack.http.put(
      `/api/v1/staff/${master.id}/status-access`,
      { levels: [{ statusId: ready, level: 'view' }] },
      boss.token,
    );
    expect(change.status).toBe(200);
    const requestId = change.headers.get('x-request-id');
    expect(requestId).toBeTruthy();

    const [entry] = await entries({ resourceId: master.id });
    expect(entry).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actor: { id: boss.id, kind: 'person' },
      action: 'status-access.person.updated',
      resource: { type: 'person', id: master.id },
      before: { levels: { [ready]: 'set' }, ownLevels: { [ready]: null } },
      after: { levels: { [ready]: 'view' }, ownLevels: { [ready]: 'view' } },
      requestId,
    });
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    expect(Date.parse(entry.at)).toBeLessThanOrEqual(Date.now());

    // The same entry through each filter; filters that do not match find nothing.
    expect((await entries({ requestId: requestId! })).map((found) => found.id)).toEqual([entry.id]);
    expect(
      (await entries({ actorId: boss.id, action: 'status-access.person.updated', resourceType: 'person' })).map((found) => found.id),
    ).toContain(entry.id);
    expect(
      (await entries({ resourceId: master.id, from: startedAt.toISOString(), to: new Date(Date.now() + 60_000).toISOString() })).map(
        (found) => found.id,
      ),
    ).toEqual([entry.id]);
    expect(
      (await stack.http.get(`/api/v1/audit?resourceId=${master.id}&to=${encodeURIComponent(startedAt.toISOString())}`, boss.token)).body
        .items,
    ).toEqual([]);
    expect((await stack.http.get(`/api/v1/audit?resourceId=${master.id}&action=group.updated`, boss.token)).body.items).toEqual([]);

    // Setting the same level again changes nothing, so nothing is recorded.
    const again = await stack.http.put(
      `/api/v1/staff/${master.id}/status-access`,
      { levels: [{ statusId: ready, level: 'view' }] },
      boss.token,
    );
    expect(again.status).toBe(200);
    const flag = await stack.http.put(`/api/v1/staff/${master.id}/status-access`, { levels: [], mayChangeClosed: true }, boss.token);
    expect(flag.status).toBe(200);
    const [flagEntry, first] = await entries({ resourceId: master.id }, 2);
    expect(first!.id).toBe(entry.id);
    expect(flagEntry).toMatchObject({
      before: { mayChangeClosed: false },
      after: { mayChangeClosed: true },
      requestId: flag.headers.get('x-request-id'),
    });
  });

  it('records a group’s levels on a status', async () => {
    const groups = await stack.http.get('/api/v1/groups', boss.token);
    const employees = groups.body.find((group: any) => group.systemKey === 'employee');
    const waiting = tenant.status['Waiting for parts']!;
    const change = await stack.http.put(
      `/api/v1/groups/${employees.id}/status-access`,
      { levels: [{ statusId: waiting, level: 'none' }] },
      boss.token,
    );
    expect(change.status).toBe(200);
    const [entry] = await entries({ resourceId: employees.id, action: 'status-access.group.updated' });
    expect(entry).toMatchObject({
      resource: { type: 'group', id: employees.id },
      before: { levels: { [waiting]: 'set' } },
      after: { levels: { [waiting]: 'none' } },
    });
  });

  it('records groups, their rights and login bar, memberships and personal rights', async () => {
    const employee = await signedInEmployee(stack, tenant, { firstName: 'Gleb' });
    const created = await stack.http.post('/api/v1/groups', { name: 'Couriers', rights: ['auth.login', 'orders.read'] }, boss.token);
    expect(created.status).toBe(201);
    const groupId = created.body.id;
    const [creation] = await entries({ resourceId: groupId, action: 'group.created' });
    expect(creation).toMatchObject({
      actor: { id: boss.id, kind: 'person' },
      resource: { type: 'group', id: groupId },
      before: {},
      after: { name: 'Couriers', rights: ['auth.login', 'orders.read'], loginBarred: false },
    });

    expect((await stack.http.patch(`/api/v1/groups/${groupId}`, { rights: ['orders.read'], loginBarred: true }, boss.token)).status).toBe(
      200,
    );
    const [update] = await entries({ resourceId: groupId, action: 'group.updated' });
    expect(update).toMatchObject({
      before: { rights: ['auth.login', 'orders.read'], loginBarred: false },
      after: { rights: ['orders.read'], loginBarred: true },
    });

    expect((await stack.http.post(`/api/v1/groups/${groupId}/members`, { personIds: [employee.id] }, boss.token)).status).toBe(200);
    const [joined] = await entries({ resourceId: groupId, action: 'group.members.added' });
    expect(joined).toMatchObject({ before: { members: { [employee.id]: false } }, after: { members: { [employee.id]: true } } });
    expect((await stack.http.delete(`/api/v1/groups/${groupId}/members/${employee.id}`, boss.token)).status).toBe(200);
    const [left] = await entries({ resourceId: groupId, action: 'group.members.removed' });
    expect(left).toMatchObject({ before: { members: { [employee.id]: true } }, after: { members: { [employee.id]: false } } });

    expect((await stack.http.put(`/api/v1/staff/${employee.id}/rights`, { right: 'staff.read', effect: 'deny' }, boss.token)).status).toBe(
      200,
    );
    const [denied] = await entries({ resourceId: employee.id, action: 'person.rights.updated' });
    expect(denied).toMatchObject({
      resource: { type: 'person', id: employee.id },
      before: { rights: { 'staff.read': null } },
      after: { rights: { 'staff.read': 'deny' } },
    });
  });

  it('records staff field edits, access and deletion', async () => {
    const employee = await signedInEmployee(stack, tenant, { firstName: 'Dora' });
    expect(
      (await stack.http.patch(`/api/v1/staff/${employee.id}`, { position: 'Senior master', phone: '+1 555 0100' }, boss.token)).status,
    ).toBe(200);
    const [edited] = await entries({ resourceId: employee.id, action: 'staff.updated' });
    expect(edited).toMatchObject({ actor: { id: boss.id, kind: 'person' }, after: { position: 'Senior master', phone: '+1 555 0100' } });
    expect(Object.keys(edited.after).sort()).toEqual(['phone', 'position']);
    expect((await stack.http.patch(`/api/v1/staff/${employee.id}`, { access: { enabled: false } }, boss.token)).status).toBe(200);
    const [revoked] = await entries({ resourceId: employee.id, action: 'staff.access.updated' });
    expect(revoked).toMatchObject({
      actor: { id: boss.id, kind: 'person' },
      before: { accessEnabled: true },
      after: { accessEnabled: false },
    });
    expect((await stack.http.delete(`/api/v1/staff/${employee.id}`, boss.token)).status).toBe(200);
    const [deleted] = await entries({ resourceId: employee.id, action: 'staff.deleted' });
    expect(deleted).toMatchObject({ resource: { type: 'person', id: employee.id }, before: { deleted: false }, after: { deleted: true } });
  });

  it('records departments, branches, channels, client managers, workflows and webhooks', async () => {
    const head = await signedInEmployee(stack, tenant, { firstName: 'Hana' });
    const department = await stack.http.postExpecting('/api/v1/departments', { name: 'Support' }, boss.token);
    expect((await stack.http.patch(`/api/v1/departments/${department.id}`, { headId: head.id }, boss.token)).status).toBe(200);
    const [headChange, departmentCreated] = await entries({ resourceType: 'department', resourceId: department.id }, 2);
    expect(departmentCreated).toMatchObject({
      action: 'department.created',
      before: {},
      after: { name: 'Support', headId: null, memberIds: [] },
    });
    expect(headChange).toMatchObject({ action: 'department.updated', before: { headId: null }, after: { headId: head.id } });

    const branch = await stack.http.postExpecting('/api/v1/branches', { name: 'Downtown', timeZone: 'UTC' }, boss.token);
    expect((await stack.http.delete(`/api/v1/branches/${branch.id}`, boss.token)).status).toBe(200);
    const [branchDeleted] = await entries({ resourceId: branch.id, action: 'branch.deleted' });
    expect(branchDeleted).toMatchObject({ before: { name: 'Downtown', timeZone: 'UTC' }, after: {} });

    const workflow = (await stack.http.get('/api/v1/workflows', boss.token)).body[0];
    expect((await stack.http.patch(`/api/v1/workflows/${workflow.id}`, { name: 'Repairs' }, boss.token)).status).toBe(200);
    const [renamed] = await entries({ resourceId: workflow.id, action: 'workflow.updated' });
    expect(renamed).toMatchObject({
      resource: { type: 'workflow', id: workflow.id },
      before: { name: workflow.name },
      after: { name: 'Repairs' },
    });

    const webhook = await stack.http.postExpecting(
      '/api/v1/webhooks',
      { url: 'https://hooks.example.com/warden', eventTypes: ['workflow.order.*'] },
      boss.token,
    );
    expect((await stack.http.patch(`/api/v1/webhooks/${webhook.id}`, { active: false }, boss.token)).status).toBe(200);
    const [paused, added] = await entries({ resourceType: 'webhook', resourceId: webhook.id }, 2);
    expect(added).toMatchObject({
      action: 'webhook.created',
      after: { url: 'https://hooks.example.com/warden', eventTypes: ['workflow.order.*'], active: true },
    });
    expect(JSON.stringify(added)).not.toContain('whsec_');
    expect(paused).toMatchObject({ action: 'webhook.updated', before: { active: true }, after: { active: false } });
  });

  it('records reception modes and chat settings', async () => {
    const operator = await signedInEmployee(stack, tenant, { firstName: 'Olga' });
    // The inquiries service learns of a new employee from its event.
    await eventually(async () =>
      expect((await stack.http.put(`/api/v1/inquiries/reception/${operator.id}`, { mode: 'own_clients' }, boss.token)).status).toBe(200),
    );
    const [mode] = await entries({ resourceId: operator.id, action: 'reception.updated' });
    expect(mode).toMatchObject({
      actor: { id: boss.id, kind: 'person' },
      resource: { type: 'reception', id: operator.id },
      before: { mode: 'nobody' },
      after: { mode: 'own_clients' },
    });

    const before = (await stack.http.get('/api/v1/inquiries/settings', boss.token)).body;
    const settings = await stack.http.put('/api/v1/inquiries/settings', { clientGroupChats: !before.clientGroupChats }, boss.token);
    expect(settings.status).toBe(200);
    const [changed] = await entries({ resourceType: 'chat-settings', action: 'chat-settings.updated' });
    expect(changed).toMatchObject({
      resource: { type: 'chat-settings', id: tenant.tenantId },
      before: { clientGroupChats: before.clientGroupChats },
      after: { clientGroupChats: !before.clientGroupChats },
    });
    expect(Object.keys(changed.after)).toEqual(['clientGroupChats']);
  });

  it('refuses people without audit.read (403)', async () => {
    const refused = await stack.http.get('/api/v1/audit', master.token);
    expect(refused.status).toBe(403);
    expect(refused.body.status).toBe(403);
  });

  it("never shows another tenant's entries", async () => {
    const ready = other.status.Ready!;
    const stranger = await signedInEmployee(stack, other, { firstName: 'Olga' });
    const change = await stack.http.put(
      `/api/v1/staff/${stranger.id}/status-access`,
      { levels: [{ statusId: ready, level: 'none' }] },
      other.adminToken,
    );
    expect(change.status).toBe(200);
    await entries({ resourceId: stranger.id }, 1, other.adminToken);
    // Each administrator sees its own tenant's entries only, whatever the filter names.
    expect((await stack.http.get(`/api/v1/audit?resourceId=${stranger.id}`, boss.token)).body.items).toEqual([]);
    expect((await stack.http.get(`/api/v1/audit?resourceId=${master.id}`, other.adminToken)).body.items).toEqual([]);
    const theirs = await stack.http.get('/api/v1/audit?limit=200', other.adminToken);
    expect(theirs.body.items.every((entry: any) => entry.resource.id !== master.id && entry.actor.id !== boss.id)).toBe(true);
  });

  it('pages with a cursor, newest first', async () => {
    const all = await entries({ actorId: boss.id }, 3);
    const first = await stack.http.get(`/api/v1/audit?actorId=${boss.id}&limit=1`, boss.token);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.http.get(
      `/api/v1/audit?actorId=${boss.id}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      boss.token,
    );
    expect(second.body.items[0].id).toBe(all[1].id);
    const times = all.map((entry) => Date.parse(entry.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('names the field of a bad filter (422)', async () => {
    const cases: Array<[string, string]> = [
      ['actorId=not-a-uuid', 'actorId'],
      ['from=yesterday', 'from'],
      ['to=2026-13-45T00:00:00Z', 'to'],
      ['resourceType=Person%20Card', 'resourceType'],
      ['action=updated', 'action'],
      ['limit=0', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
    ];
    for (const [query, field] of cases) {
      const response = await stack.http.get(`/api/v1/audit?${query}`, boss.token);
      expect({ query, status: response.status }).toEqual({ query, status: 422 });
      expect(response.body.errors.map((error: any) => error.field)).toContain(field);
    }
  });

  it('offers no way to change or delete an entry', async () => {
    const [entry] = await entries({ actorId: boss.id });
    expect((await stack.http.delete(`/api/v1/audit/${entry.id}`, boss.token)).status).toBe(404);
    expect((await stack.http.patch(`/api/v1/audit/${entry.id}`, { action: 'x' }, boss.token)).status).toBe(404);
    expect((await stack.http.delete('/api/v1/audit', boss.token)).status).toBe(404);
  });
});
