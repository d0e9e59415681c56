import { Stack } from './support/stack';
import { createEmployee, createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

/** Searches people of the registry and the contacts as users type them: phones in any formatting, the notifications flag. */
describe('registry filters', () => {
  let stack: Stack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'rf');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const staffIds = async (search: string) =>
    (await stack.http.get(`/api/v1/staff?search=${encodeURIComponent(search)}`, tenant.adminToken)).body.items.map((item: any) => item.id);

  it('staff phone search ignores formatting, in both directions', async () => {
    const formatted = await createEmployee(stack, tenant, { phone: '+7 (912) 345-67-89' });
    const bare = await createEmployee(stack, tenant, { phone: '89123450000' });
    expect(await staffIds('9123456789')).toEqual([formatted.id]);
    expect(await staffIds('912-345-67')).toEqual([formatted.id]);
    expect(await staffIds('+7 912 345 00')).toEqual([]);
    expect(await staffIds('912 345 0000')).toEqual([bare.id]);
    // Too few digits to be meant as a phone: matched as text only ('2-3' is in neither number).
    expect(await staffIds('2-3')).toEqual([]);
  });

  it('contacts can be filtered by the notifications flag', async () => {
    const on = await stack.http.post(
      '/api/v1/contacts',
      { lastName: 'On', firstName: 'Olga', email: 'olga@client.test' },
      tenant.adminToken,
    );
    const off = await stack.http.post(
      '/api/v1/contacts',
      { lastName: 'Off', firstName: 'Oleg', email: 'oleg@client.test', notifications: false },
      tenant.adminToken,
    );
    expect([on.status, off.status]).toEqual([201, 201]);
    const ids = async (flag: string) =>
      (await stack.http.get(`/api/v1/contacts?notifications=${flag}`, tenant.adminToken)).body.items?.map((item: any) => item.id);
    expect(await ids('true')).toEqual([on.body.id]);
    expect(await ids('false')).toEqual([off.body.id]);
    const bad = await stack.http.get('/api/v1/contacts?notifications=maybe', tenant.adminToken);
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'notifications' }));
  });
});
