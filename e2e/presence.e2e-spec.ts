import { PresenceChangedV1 } from '@warden/contracts';
import { eventually, readEvents } from '@warden/testing';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';

describe('presence', () => {
  let stack: Stack;
  const saved = { ...process.env };

  beforeAll(async () => {
    // A short timeout so the sweeper's work is visible within a test (sweeps every second).
    process.env.PRESENCE_TIMEOUT_SECONDS = '3';
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
    process.env = saved;
  });

  const statusOf = async (token: string, id: string) => (await stack.http.get(`/api/v1/staff/${id}`, token)).body.systemStatus;

  it('is online after sign-in, offline after logout, with events', async () => {
    const tenant = await createTenant(stack, 'pr');
    const employee = await createEmployee(stack, tenant);
    expect(await statusOf(tenant.adminToken, employee.id)).toBe('offline');

    const session = await login(stack, tenant, employee.email);
    expect(await statusOf(tenant.adminToken, employee.id)).toBe('online');
    const heartbeat = await stack.http.post('/api/v1/me/heartbeat', {}, session.body.accessToken);
    expect(heartbeat.status).toBe(200);
    expect(heartbeat.body).toEqual({ presence: 'online' });

    expect((await stack.http.post('/api/v1/auth/logout', {}, session.body.accessToken)).status).toBe(200);
    expect(await statusOf(tenant.adminToken, employee.id)).toBe('offline');

    const events = await readEvents<PresenceChangedV1>(PresenceChangedV1.type, (event) => event.subject === employee.id, { atLeast: 2 });
    expect(events.map((event) => event.data.presence)).toEqual(['online', 'offline']);
  });

  it('stays online with another live session after one logout', async () => {
    const tenant = await createTenant(stack, 'pr2');
    const employee = await createEmployee(stack, tenant);
    const first = await login(stack, tenant, employee.email);
    await login(stack, tenant, employee.email);
    await stack.http.post('/api/v1/auth/logout', {}, first.body.accessToken);
    expect(await statusOf(tenant.adminToken, employee.id)).toBe('online');
  });

  it('goes offline when heartbeats stop, and online again with the next one', async () => {
    const tenant = await createTenant(stack, 'pr3');
    const employee = await createEmployee(stack, tenant);
    const session = await login(stack, tenant, employee.email);
    expect(await statusOf(tenant.adminToken, employee.id)).toBe('online');
    await eventually(async () => expect(await statusOf(tenant.adminToken, employee.id)).toBe('offline'), {
      timeoutMs: 10_000,
      intervalMs: 500,
    });
    await stack.http.post('/api/v1/me/heartbeat', {}, session.body.accessToken);
    expect(await statusOf(tenant.adminToken, employee.id)).toBe('online');
    const list = await stack.http.get('/api/v1/staff?status=online', tenant.adminToken);
    expect(list.body.items.map((item: any) => item.id)).toContain(employee.id);
  });
});
