import { Stack } from './support/stack';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

describe('health', () => {
  let stack: Stack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'hl');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is live and ready when every service answers, detailing its own NATS connection and each service', async () => {
    expect((await stack.http.get('/health/live')).status).toBe(200);
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.info)).toEqual(expect.arrayContaining(['nats', 'identity', 'permissions', 'directory', 'workflow', 'inquiries']));
    expect(ready.body.details.nats.status).toBe('up');
  });

  it('stays ready when one service stops, naming it; its routes answer 503 at once and the others keep working', async () => {
    await stack.stopService('inquiries');
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details.inquiries.status).toBe('down');
    expect(ready.body.error.inquiries.status).toBe('down');
    expect(ready.body.details.workflow.status).toBe('up');

    const started = Date.now();
    const missing = await stack.http.get('/api/v1/inquiries', tenant.adminToken);
    expect(missing.status).toBe(503);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    expect(missing.body).toMatchObject({ status: 503, service: 'inquiries' });
    // No responder is known at once: no waiting for the bus timeout.
    expect(Date.now() - started).toBeLessThan(1000);

    expect((await stack.http.get('/api/v1/workflows', tenant.adminToken)).status).toBe(200);
    expect((await stack.http.get('/api/v1/staff', tenant.adminToken)).status).toBe(200);
  });

  it('answers unknown routes and malformed bodies with problem documents', async () => {
    const missing = await stack.http.get('/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ status: 404, code: 'ROUTE.NOT_FOUND' });
    const malformed = await stack.http.post('/health/live', '{not json');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
    const tooLarge = await stack.http.post('/api/v1/auth/login', { tenant: 'x'.repeat(300 * 1024), email: 'a@b.c', password: 'p' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ status: 413, code: 'REQUEST.TOO_LARGE' });
    const wrongType = await stack.http.post('/api/v1/auth/login', '<login/>', undefined, { 'content-type': 'application/xml' });
    expect(wrongType.status).toBe(415);
    expect(wrongType.body).toMatchObject({ status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE' });
  });
});
