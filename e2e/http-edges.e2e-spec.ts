import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import path from 'node:path';
import type { HttpResponse } from '@warden/testing';
import { IDENTITY_SERVICE } from '@warden/identity';
import { MetricsEndpoint } from '@warden/service-kit';
import { createTenant, PASSWORD } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { Stack } from './support/stack';

const PROBLEM = 'application/problem+json';

/** What every refusal must look like: a problem document with a code and the request id, never a 5xx. */
function expectProblem(response: HttpResponse, status: number, code: string, field?: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toContain(PROBLEM);
  expect(response.body).toMatchObject({
    type: expect.stringMatching(/^urn:warden:problem:/),
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  if (field) expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
}

/** Bytes written to the socket as they are (HTTP clients refuse to send what attackers send), and the answer parsed. */
function rawExchange(url: string, bytes: string): Promise<HttpResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body] = [text.slice(0, text.indexOf('\r\n\r\n')), text.slice(text.indexOf('\r\n\r\n') + 4)];
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = new Headers(
        lines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()] as [string, string]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body ? JSON.parse(body) : null });
    });
  });
}

describe('HTTP edges', () => {
  let stack: Stack;
  let tenant: TenantFixture;

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createTenant(stack, 'edge');
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('no input answers 5xx', () => {
    it.each([
      ['GET', '/api/v1/staff/not-a-uuid/status-access'],
      ['PUT', '/api/v1/staff/not-a-uuid/status-access'],
      ['GET', '/api/v1/groups/not-a-uuid'],
      ['GET', '/api/v1/orders/1'],
      ['GET', `/api/v1/departments/${randomUUID()}x`],
      // UUID-shaped but of no version or variant: the same rule as every body's ids (class-validator's IsUUID 'all').
      ['GET', '/api/v1/orders/01900000-0000-0000-0000-000000000000'],
      ['GET', '/api/v1/groups/01900000-0000-7000-0000-000000000000'],
    ])('%s %s: an id that is not a UUID is 404 naming it, on every route alike', async (method, path) => {
      const response = await stack.http.request(method, path, {
        token: tenant.adminToken,
        body: method === 'PUT' ? { levels: [] } : undefined,
      });
      expectProblem(response, 404, 'RESOURCE.NOT_FOUND', 'id');
    });

    it.each([
      ['/api/v1/branches', { name: '   ', timeZone: 'UTC' }, 'name'],
      ['/api/v1/departments', { name: '   ' }, 'name'],
      ['/api/v1/companies', { name: '   ' }, 'name'],
      ['/api/v1/contacts', { lastName: '   ', firstName: 'A', email: 'blank@contact.test' }, 'lastName'],
      ['/api/v1/staff', { lastName: 'A', firstName: '  ', email: 'blank@staff.test' }, 'firstName'],
      ['/api/v1/orders', { title: '   ' }, 'title'],
      ['/api/v1/workflows', { name: ' ', kind: 'order', statuses: [{ name: 'A', category: 'initial' }] }, 'name'],
    ])('POST %s with a blank required name: 422 naming the body field, as the gateway trims it', async (path, body, field) => {
      const response = await stack.http.post(path, body, tenant.adminToken);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
    });

    it('checks ids after the caller: without a token a bad id is still 401', async () => {
      expect((await stack.http.get('/api/v1/staff/not-a-uuid/status-access')).status).toBe(401);
    });

    it('refuses a lone surrogate in an email without a login (POST /tenants), 422 naming the field', async () => {
      const slug = `edge-${Date.now()}`;
      const body = `{"slug":"${slug}","name":"Acme","administrator":{"lastName":"A","firstName":"B","email":"a\\ud800@x.test","password":"${PASSWORD}"}}`;
      const response = await stack.http.post('/api/v1/tenants', body);
      expectProblem(response, 422, 'REQUEST.INVALID', 'administrator.email');
      expect(response.body.errors[0].reason).toContain('surrogate');
    });

    it('refuses a lone low surrogate in a sign-in too', async () => {
      const response = await stack.http.post('/api/v1/auth/login', `{"tenant":"${tenant.slug}","email":"\\udc00","password":"x"}`);
      expectProblem(response, 422, 'REQUEST.INVALID', 'email');
    });

    it('keeps a well-formed pair of surrogates (an emoji) as an ordinary character', async () => {
      const created = await stack.http.post('/api/v1/departments', { name: 'Support 🛠' }, tenant.adminToken);
      expect(created.status).toBe(201);
      expect(created.body.name).toBe('Support 🛠');
    });

    it('refuses a NUL character in a body field, 422 naming the field', async () => {
      const response = await stack.http.post('/api/v1/departments', { name: 'a\u0000b' }, tenant.adminToken);
      expectProblem(response, 422, 'REQUEST.INVALID', 'name');
      expect(response.body.errors[0].reason).toContain('NUL');
    });

    it('refuses a NUL character in a nested field and in a field name', async () => {
      const nested = await stack.http.put(
        `/api/v1/staff/${tenant.adminId}/status-access`,
        { levels: [{ statusId: 'x\u0000', level: 'view' }] },
        tenant.adminToken,
      );
      expectProblem(nested, 422, 'REQUEST.INVALID', 'levels.0.statusId');
      const key = await stack.http.post('/api/v1/departments', { name: 'x', 'n\u0000': 1 }, tenant.adminToken);
      expectProblem(key, 422, 'REQUEST.INVALID', 'n\u0000');
    });

    it('refuses a NUL character or a lone surrogate in a search, 422 naming the parameter', async () => {
      expectProblem(await stack.http.get('/api/v1/orders?search=a%00b', tenant.adminToken), 422, 'REQUEST.INVALID', 'search');
      expectProblem(await stack.http.get('/api/v1/staff?search=%00', tenant.adminToken), 422, 'REQUEST.INVALID', 'search');
      const surrogate = await stack.http.get('/api/v1/orders?search=%ED%A0%80', tenant.adminToken);
      expect(surrogate.status).toBeLessThan(500);
    });

    it('refuses JSON nested 2,000 deep (a 4 KB body) on sign-in and elsewhere, 422 before anything reads it', async () => {
      const deep = `${'['.repeat(2000)}${']'.repeat(2000)}`;
      const login = await stack.http.post('/api/v1/auth/login', `{"tenant":${deep},"email":"a@b.test","password":"x"}`);
      expectProblem(login, 422, 'REQUEST.INVALID');
      expect(login.body.errors[0]).toMatchObject({
        field: expect.stringMatching(/^tenant(\.0)+$/),
        reason: 'is nested deeper than 32 levels',
      });
      const objects = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
      expectProblem(await stack.http.post('/api/v1/departments', objects, tenant.adminToken), 422, 'REQUEST.INVALID');
    });

    it('takes JSON nested within the bound as usual', async () => {
      const response = await stack.http.put(`/api/v1/staff/${tenant.adminId}/status-access`, { levels: [] }, tenant.adminToken);
      expect(response.status).toBe(200);
    });

    it('answers a 20 kB URL with 431 as a problem document', async () => {
      const response = await stack.http.get(`/api/v1/orders?search=${'a'.repeat(20_000)}`, tenant.adminToken);
      expect(response.status).toBe(431);
      expect(response.headers.get('content-type')).toBe(PROBLEM);
      expect(response.body).toMatchObject({
        status: 431,
        code: 'REQUEST.HEADERS_TOO_LARGE',
        requestId: response.headers.get('x-request-id'),
      });
    });

    it('answers an over-long path parameter with 414 as a problem document', async () => {
      expectProblem(await stack.http.get(`/api/v1/orders/${'a'.repeat(200)}`, tenant.adminToken), 414, 'REQUEST.URI_TOO_LONG');
    });

    it('answers a bad URL encoding, a too large body, another content type and malformed JSON with problem documents', async () => {
      expectProblem(await stack.http.get('/api/v1/orders/%E0%A4%A', tenant.adminToken), 400, 'REQUEST.MALFORMED');
      expectProblem(
        await stack.http.post('/api/v1/departments', { name: 'x'.repeat(300 * 1024) }, tenant.adminToken),
        413,
        'REQUEST.TOO_LARGE',
      );
      const text = await stack.http.request('POST', '/api/v1/departments', {
        token: tenant.adminToken,
        body: 'name=x',
        headers: { 'content-type': 'text/plain' },
      });
      expectProblem(text, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
      const form = await stack.http.request('POST', '/api/v1/departments', {
        token: tenant.adminToken,
        body: 'name=x',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectProblem(form, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE');
      expectProblem(await stack.http.post('/api/v1/departments', '{"name":', tenant.adminToken), 400, 'REQUEST.MALFORMED');
      expectProblem(await stack.http.post('/api/v1/departments', '{"__proto__":{"x":1}}', tenant.adminToken), 400, 'REQUEST.MALFORMED');
    });

    it('answers a NUL character in a header with a 400 problem document (Node refuses it before any route)', async () => {
      const response = await rawExchange(stack.http.baseUrl, 'GET /health/live HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n');
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe(PROBLEM);
      expect(response.body).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
    });
  });

  describe('empty bodies', () => {
    it('takes content-type: application/json with an empty body on routes without a body', async () => {
      const headers = { 'content-type': 'application/json' };
      const heartbeat = await stack.http.request('POST', '/api/v1/me/heartbeat', { token: tenant.adminToken, headers });
      expect(heartbeat.status).toBe(200);
      const session = await stack.http.postExpecting(
        '/api/v1/auth/login',
        { tenant: tenant.slug, email: tenant.adminEmail, password: PASSWORD },
        undefined,
        200,
      );
      const logout = await stack.http.request('POST', '/api/v1/auth/logout', { token: session.accessToken, headers });
      expect(logout.status).toBe(200);
    });

    it('reports the missing fields of a route that needs a body', async () => {
      const response = await stack.http.request('POST', '/api/v1/departments', {
        token: tenant.adminToken,
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(response, 422, 'REQUEST.INVALID');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('name');
    });
  });

  describe('headers', () => {
    it('sends nosniff, frame protection and a CSP on API answers, errors and /docs', async () => {
      for (const response of [
        await stack.http.get('/health/live'),
        await stack.http.get('/api/v1/nothing'),
        await stack.http.get('/docs'),
      ]) {
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
        expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      }
    });

    it('keeps Swagger UI working under the CSP: scripts from /docs itself, no inline script', async () => {
      const page = await fetch(`${stack.http.baseUrl}/docs`);
      const html = await page.text();
      const csp = page.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self'");
      expect(html).toContain('swagger-ui-init.js');
      expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
      expect((await fetch(`${stack.http.baseUrl}/docs/swagger-ui-init.js`)).status).toBe(200);
      expect((await stack.http.get('/docs-json')).status).toBe(200);
    });

    it('sends Cache-Control: no-store on authenticated answers and on the answers carrying tokens', async () => {
      expect((await stack.http.get('/api/v1/me', tenant.adminToken)).headers.get('cache-control')).toBe('no-store');
      expect((await stack.http.get('/api/v1/staff', 'not-a-token')).headers.get('cache-control')).toBe('no-store');
      const login = await stack.http.post('/api/v1/auth/login', { tenant: tenant.slug, email: tenant.adminEmail, password: PASSWORD });
      expect(login.status).toBe(200);
      expect(login.headers.get('cache-control')).toBe('no-store');
      const refresh = await stack.http.post('/api/v1/auth/refresh', { refreshToken: login.body.refreshToken });
      expect(refresh.status).toBe(200);
      expect(refresh.headers.get('cache-control')).toBe('no-store');
      expect((await stack.http.get('/docs-json')).headers.get('cache-control')).toBeNull();
    });

    it('sends no CORS headers without CORS_ORIGINS: a preflight is a 404', async () => {
      const preflight = await stack.http.request('OPTIONS', '/api/v1/staff', {
        headers: { origin: 'https://app.example.test', 'access-control-request-method': 'GET' },
      });
      expect(preflight.status).toBe(404);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});

describe('HTTP edges with CORS_ORIGINS, TRUST_PROXY unset and in production', () => {
  let stack: Stack;
  const allowed = 'https://app.example.test';

  beforeAll(async () => {
    stack = await Stack.start({
      services: [IDENTITY_SERVICE],
      gateway: {
        NODE_ENV: 'production',
        CORS_ORIGINS: `${allowed}, http://localhost:5173`,
        METRICS_TOKEN: 'metrics-token-0123456789abcdef',
      },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('answers a preflight from an allowed origin with 204 and the allowed methods and headers', async () => {
    const preflight = await stack.http.request('OPTIONS', '/api/v1/orders', {
      headers: {
        origin: allowed,
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type,if-match',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
  });

  it('lets an allowed origin read ETag, X-Request-Id, Retry-After and Location', async () => {
    const answer = await stack.http.request('GET', '/health/live', { headers: { origin: 'http://localhost:5173' } });
    expect(answer.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(
      answer.headers
        .get('access-control-expose-headers')
        ?.split(',')
        .map((name) => name.trim()),
    ).toEqual(['ETag', 'X-Request-Id', 'Retry-After', 'Location']);
  });

  it('gives another origin no CORS headers', async () => {
    const preflight = await stack.http.request('OPTIONS', '/api/v1/orders', {
      headers: { origin: 'https://evil.example.test', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await stack.http.request('GET', '/health/live', { headers: { origin: 'https://evil.example.test' } });
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves no /docs in production without DOCS_ENABLED=true', async () => {
    expect((await stack.http.get('/docs')).status).toBe(404);
    expect((await stack.http.get('/docs-json')).status).toBe(404);
  });

  it('serves /metrics in production only to the bearer of METRICS_TOKEN', async () => {
    expect((await stack.http.get('/metrics')).status).toBe(401);
    expect((await stack.http.get('/metrics', 'metrics-token-0123456789abcdef')).status).toBe(200);
  });
});

describe('production without METRICS_TOKEN, with DOCS_ENABLED=true and METRICS_PORT', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({
      services: [],
      gateway: { NODE_ENV: 'production', DOCS_ENABLED: 'true', METRICS_TOKEN: undefined, METRICS_PORT: 0 },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('does not serve /metrics on the public port, and serves /docs', async () => {
    expect((await stack.http.get('/metrics')).status).toBe(404);
    expect((await stack.http.get('/docs-json')).status).toBe(200);
  });

  it('serves /metrics on the internal METRICS_PORT', async () => {
    const port = stack.gateway.get(MetricsEndpoint).port;
    const scrape = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain('warden_http_requests_total');
  });
});

describe('the gateway process in production', () => {
  const entry = path.resolve(__dirname, '../dist/services/gateway/src/main.js');

  /** Starts the built gateway as `npm start` and the image do; it must exit before listening. */
  function startGateway(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [entry], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
  }

  it.each([
    ['the Kustomize example JWT_SECRET', { JWT_SECRET: 'CHANGE-ME-at-least-32-random-characters-long' }, 'JWT_SECRET'],
    ['the Compose default JWT_SECRET', { JWT_SECRET: 'dev-only-jwt-secret-change-me-0123456789abcdef' }, 'JWT_SECRET'],
    ['the Compose default TENANT_SIGNUP_TOKEN', { TENANT_SIGNUP_TOKEN: 'dev-only-signup-token-change-me' }, 'TENANT_SIGNUP_TOKEN'],
  ])('refuses to start with %s, naming the variable', async (_case, secrets, variable) => {
    const { code, output } = await startGateway({ NODE_ENV: 'production', JWT_SECRET: randomBytes(48).toString('base64'), ...secrets });
    expect(code).toBe(1);
    expect(output).toContain(`gateway failed to start: Invalid environment:\n  ${variable}: ${variable} looks like a placeholder`);
  });
});
