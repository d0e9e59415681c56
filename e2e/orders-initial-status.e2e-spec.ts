import { Stack } from './support/stack';
import { createOrdersTenant, setLevels, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';

/**
 * An order is never created where its creator cannot see it: without a status it starts in the
 * first initial status the creator may set; naming one needs `set` on it; with none, 403 and why.
 */
describe('orders: the status a new order starts in', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  let master: Person;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'ini');
    master = await signedInEmployee(stack, tenant, { firstName: 'Mark' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('starts in the first initial status when the creator may set it', async () => {
    await setLevels(stack, tenant, master.id, { 'New lead': 'set', New: 'set' });
    const created = await stack.http.post('/api/v1/orders', { title: 'Kettle' }, master.token);
    expect([created.status, created.body.status?.name]).toEqual([201, 'New lead']);
  });

  it('skips an initial status the creator may not set, and the order stays readable', async () => {
    await setLevels(stack, tenant, master.id, { 'New lead': 'none', New: 'set' });
    const created = await stack.http.post('/api/v1/orders', { title: 'Toaster' }, master.token);
    expect([created.status, created.body.status?.name]).toEqual([201, 'New']);
    expect((await stack.http.get(`/api/v1/orders/${created.body.id}`, master.token)).status).toBe(200);
  });

  it('view on an initial status is not enough to start there', async () => {
    await setLevels(stack, tenant, master.id, { 'New lead': 'view', New: 'set' });
    const created = await stack.http.post('/api/v1/orders', { title: 'Iron' }, master.token);
    expect([created.status, created.body.status?.name]).toEqual([201, 'New']);
  });

  it('no initial status the creator may set: 403 with the reason, and nothing is created', async () => {
    await setLevels(stack, tenant, master.id, { 'New lead': 'none', New: 'view' });
    const before = await stack.http.get('/api/v1/orders?limit=1', tenant.adminToken);
    const refused = await stack.http.post('/api/v1/orders', { title: 'Blender' }, master.token);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ORDER.NO_INITIAL_STATUS_ALLOWED');
    expect(refused.body.detail).toContain('New lead');
    expect(refused.body.detail).toContain('New');
    const after = await stack.http.get('/api/v1/orders?limit=1', tenant.adminToken);
    expect(after.body.total).toBe(before.body.total);
  });

  it('naming a status keeps needing set on it', async () => {
    await setLevels(stack, tenant, master.id, { 'New lead': 'none', New: 'set' });
    const refused = await stack.http.post('/api/v1/orders', { title: 'Mixer', statusId: tenant.status['New lead'] }, master.token);
    expect([refused.status, refused.body.code]).toEqual([403, 'STATUS.NO_SET_ON_TARGET']);
    const created = await stack.http.post('/api/v1/orders', { title: 'Mixer', statusId: tenant.status.New }, master.token);
    expect(created.status).toBe(201);
  });
});
