import { Stack } from './support/stack';
import { createEmployee, createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/** An appointment book asks once who works at an instant: GET /staff?workingAt=. */
describe('staff: who works at an instant', () => {
  let stack: Stack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'swa');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const working = async (at: string) =>
    (await stack.http.get(`/api/v1/staff?workingAt=${encodeURIComponent(at)}&limit=200`, tenant.adminToken)).body.items.map(
      (item: any) => item.id,
    );

  it('lists people inside their schedule then, and people without a schedule', async () => {
    const morning = await createEmployee(stack, tenant, { firstName: 'Morning' });
    const always = await createEmployee(stack, tenant, { firstName: 'Always' });
    const put = await stack.http.put(
      `/api/v1/staff/${morning.id}/schedule`,
      { timeZone: 'Europe/Berlin', weekly: { mon: [{ start: '09:00', end: '13:00' }] }, exceptions: [{ date: '2026-12-14' }] },
      tenant.adminToken,
    );
    expect(put.status).toBe(200);

    // Monday 10:00 in Berlin (09:00 UTC): both; 14:00 Berlin: only the one without a schedule.
    expect(await working('2026-12-07T09:00:00Z')).toEqual(expect.arrayContaining([morning.id, always.id]));
    const afternoon = await working('2026-12-07T13:00:00Z');
    expect(afternoon).toContain(always.id);
    expect(afternoon).not.toContain(morning.id);
    // A day off by exception.
    expect(await working('2026-12-14T09:00:00Z')).not.toContain(morning.id);
  });

  it('refuses an instant that is not ISO 8601, naming the field', async () => {
    const bad = await stack.http.get('/api/v1/staff?workingAt=tomorrow', tenant.adminToken);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'workingAt' }));
  });
});
