import { Stack } from './support/stack';

describe('health', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('is live and ready when every service answers', async () => {
    expect((await stack.http.get('/health/live')).status).toBe(200);
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.info)).toEqual(expect.arrayContaining(['identity', 'permissions', 'directory', 'workflow', 'inquiries']));
  });

  it('is not ready, naming the service, when one stops answering', async () => {
    await stack.stopService('inquiries');
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toContain('application/problem+json');
    expect(ready.body.details.inquiries.status).toBe('down');
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
