import { newId } from '@warden/kernel';
import { MetricsEndpoint } from '@warden/service-kit';
import { PERMISSIONS_SERVICE } from '@warden/permissions';
import { eventually } from '@warden/testing';
import { parsePrometheusText, sampleSum } from './support/prometheus-text';
import type { Sample } from './support/prometheus-text';
import { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const PROMETHEUS_TEXT = 'text/plain; version=0.0.4; charset=utf-8';

/** Reads one service's /metrics on the port its METRICS_PORT=0 bound. */
async function serviceScrape(stack: Stack, service: string, headers: Record<string, string> = {}): Promise<Response> {
  const port = stack.services.get(service)!.get(MetricsEndpoint).port;
  if (!port) throw new Error(`${service} has no metrics port`);
  return fetch(`http://127.0.0.1:${port}/metrics`, { headers });
}

describe('metrics', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({ serviceEnv: { METRICS_PORT: 0 } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function gatewayMetrics(): Promise<Sample[]> {
    const response = await stack.http.get('/metrics');
    expect(response.status).toBe(200);
    return parsePrometheusText(response.body);
  }

  async function serviceMetrics(service: string): Promise<Sample[]> {
    const response = await serviceScrape(stack, service);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PROMETHEUS_TEXT);
    return parsePrometheusText(await response.text());
  }

  it('the gateway serves Prometheus text with the process metrics, every series labelled with the service, outside the API document', async () => {
    const response = await stack.http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(PROMETHEUS_TEXT);
    expect(response.body).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(response.body).toContain('# TYPE warden_http_requests_total counter');
    const samples = parsePrometheusText(response.body);
    expect(samples.length).toBeGreaterThan(20);
    expect(samples.every((sample) => sample.labels.service === 'gateway')).toBe(true);
    expect(sampleSum(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(samples).toContainEqual({ name: 'warden_realtime_connections', labels: { service: 'gateway' }, value: 0 });

    const openApi = await stack.http.get('/docs-json');
    expect(Object.keys(openApi.body.paths)).not.toContain('/metrics');
  });

  it('counts requests by route template and status, and access decisions by result and source, without ids', async () => {
    const tenant = await createTenant(stack, 'mx');
    const employee = await createEmployee(stack, tenant);
    const employeeToken = (await login(stack, tenant, employee.email)).body.accessToken as string;
    const before = await gatewayMetrics();

    expect((await stack.http.get('/api/v1/staff', tenant.adminToken)).status).toBe(200);
    expect((await stack.http.get('/api/v1/staff', tenant.adminToken)).status).toBe(200);
    expect((await stack.http.get(`/api/v1/staff/${newId()}`, tenant.adminToken)).status).toBe(404);
    expect((await stack.http.get(`/api/v1/staff/${newId()}`, tenant.adminToken)).status).toBe(404);
    expect((await stack.http.post('/api/v1/groups', { name: 'Nope', rights: [] }, employeeToken)).status).toBe(403);
    expect((await stack.http.post('/api/v1/groups', { name: 'Nope', rights: [] }, employeeToken)).status).toBe(403);
    expect((await stack.http.get(`/api/v1/nothing-here/${newId()}`)).status).toBe(404);

    const after = await gatewayMetrics();
    const delta = (name: string, labels: Record<string, string>) => sampleSum(after, name, labels) - sampleSum(before, name, labels);
    const requests = (method: string, route: string, status: string) => delta('warden_http_requests_total', { method, route, status });
    expect(requests('GET', '/api/v1/staff', '200')).toBe(2);
    expect(requests('GET', '/api/v1/staff/:id', '404')).toBe(2);
    expect(requests('POST', '/api/v1/groups', '403')).toBe(2);
    expect(requests('GET', 'unmatched', '404')).toBe(1);
    expect(delta('warden_http_request_duration_seconds_count', { method: 'GET', route: '/api/v1/staff/:id' })).toBe(2);
    expect(delta('warden_http_request_duration_seconds_bucket', { method: 'GET', route: '/api/v1/staff/:id', le: '+Inf' })).toBe(2);

    // The administrator's four reads were asked once, then came from the cache — although creating the employee
    // just changed the tenant's policy (for the employee only); the refusal likewise.
    const decisions = (result: string, source: string) => delta('warden_access_decisions_total', { result, source });
    expect(decisions('allowed', 'permissions')).toBe(1);
    expect(decisions('allowed', 'cache')).toBe(3);
    expect(decisions('denied', 'permissions')).toBe(1);
    expect(decisions('denied', 'cache')).toBe(1);
    expect(decisions('unavailable', 'permissions') + decisions('unavailable', 'cache')).toBe(0);

    for (const sample of after) {
      for (const value of Object.values(sample.labels)) expect(value).not.toMatch(UUID);
    }
  });

  it("each service serves its own metrics on METRICS_PORT: RPCs by subject and outcome, the outbox and the consumers' events", async () => {
    const tenant = await createTenant(stack, 'mx');
    const identityBefore = await serviceMetrics('identity');
    const permissionsBefore = await serviceMetrics('permissions');

    await createEmployee(stack, tenant);
    expect((await stack.http.get(`/api/v1/staff/${newId()}`, tenant.adminToken)).status).toBe(404);

    const identity = await serviceMetrics('identity');
    const delta = (after: Sample[], before: Sample[], name: string, labels: Record<string, string>) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect(delta(identity, identityBefore, 'warden_rpc_handled_total', { subject: 'identity.staff.create', outcome: 'ok' })).toBe(1);
    expect(delta(identity, identityBefore, 'warden_rpc_handled_total', { subject: 'identity.staff.get', outcome: 'not_found' })).toBe(1);
    expect(delta(identity, identityBefore, 'warden_rpc_duration_seconds_count', { subject: 'identity.staff.create' })).toBe(1);
    expect(identity.every((sample) => sample.labels.service === 'identity')).toBe(true);
    // Health pings are not RpcMap handlers: they stay out of the RPC series.
    expect(identity.some((sample) => sample.name === 'warden_rpc_handled_total' && sample.labels.subject.endsWith('.health'))).toBe(false);
    expect(identity.find((sample) => sample.name === 'warden_outbox_pending')?.value).toBeGreaterThanOrEqual(0);
    expect(sampleSum(identity, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    for (const sample of identity) {
      for (const value of Object.values(sample.labels)) expect(value).not.toMatch(UUID);
    }

    // The employee's creation leaves identity's outbox and is applied by permissions' consumer.
    await eventually(async () => {
      const published = await serviceMetrics('identity');
      expect(
        delta(published, identityBefore, 'warden_events_published_total', { type: 'identity.employee.created.v1' }),
      ).toBeGreaterThanOrEqual(1);
      const handled = await serviceMetrics('permissions');
      expect(
        delta(handled, permissionsBefore, 'warden_events_handled_total', { type: 'identity.employee.created.v1', outcome: 'ok' }),
      ).toBeGreaterThanOrEqual(1);
    });
  });
});

describe('metrics behind METRICS_TOKEN', () => {
  const token = 'metrics-token-0123456789';
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start({
      services: [PERMISSIONS_SERVICE],
      serviceEnv: { METRICS_PORT: 0, METRICS_TOKEN: token },
      gateway: { METRICS_TOKEN: token },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('the gateway answers 401 without the token or with another, and the metrics with it', async () => {
    const missing = await stack.http.get('/metrics');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({ status: 401, code: 'METRICS.TOKEN_INVALID' });
    expect((await stack.http.get('/metrics', 'another-token-0123456789')).status).toBe(401);
    const allowed = await stack.http.get('/metrics', token);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toContain('warden_http_requests_total');
  });

  it('so does a service', async () => {
    expect((await serviceScrape(stack, 'permissions')).status).toBe(401);
    const allowed = await serviceScrape(stack, 'permissions', { authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('warden_outbox_pending{service="permissions"}');
  });
});
