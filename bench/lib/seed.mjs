// Seeds the benchmark tenant over HTTP, as a frontend would: tenant + administrator, an employee with
// per-status levels, and a few orders in statuses the employee can and cannot see.
import { randomBytes } from 'node:crypto';

const PASSWORD = 'bench-correct-horse-battery';

/** The employee (a "master"): sees work in progress, not leads, not closed orders. */
export const EMPLOYEE_LEVELS = {
  'New lead': 'none',
  Contacted: 'none',
  New: 'view',
  Diagnostics: 'set',
  'Waiting for parts': 'set',
  'In repair': 'set',
  Ready: 'set',
  Closed: 'none',
  Cancelled: 'none',
};

async function call(baseUrl, method, path, body, token) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

async function expectStatus(promise, status, what) {
  const response = await promise;
  if (response.status !== status) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function eventually(fn, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${error.message}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function seed(baseUrl) {
  const slug = `bench-${randomBytes(3).toString('hex')}`;
  const adminEmail = `admin@${slug}.test`;
  const created = await expectStatus(
    call(baseUrl, 'POST', '/api/v1/tenants', {
      slug,
      name: `Bench ${slug}`,
      administrator: { lastName: 'Admin', firstName: 'Alice', email: adminEmail, password: PASSWORD },
    }),
    201,
    'create tenant',
  );
  const tenantId = created.tenant.id;
  const login = (email) =>
    expectStatus(call(baseUrl, 'POST', '/api/v1/auth/login', { tenant: slug, email, password: PASSWORD }), 200, `login ${email}`);
  const adminToken = (await login(adminEmail)).accessToken;

  const workflows = await expectStatus(call(baseUrl, 'GET', '/api/v1/workflows', undefined, adminToken), 200, 'list workflows');
  const workflow = workflows[0];
  const status = Object.fromEntries(workflow.statuses.map((s) => [s.name, s.id]));
  const statuses = workflow.statuses.map((s) => ({ id: s.id, name: s.name, category: s.category }));
  for (const name of Object.keys(EMPLOYEE_LEVELS)) if (!status[name]) throw new Error(`the default workflow has no status '${name}'`);
  // The default workflow reaches the permissions service by event: wait until it knows every status.
  await eventually(async () => {
    const access = await call(baseUrl, 'GET', `/api/v1/staff/${created.administrator.id}/status-access`, undefined, adminToken);
    if (access.body?.workflows?.[0]?.statuses?.length !== workflow.statuses.length)
      throw new Error('statuses not yet known to permissions');
  }, 'permissions learning the workflow');

  const employeeEmail = `master@${slug}.test`;
  const employee = await expectStatus(
    call(baseUrl, 'POST', '/api/v1/staff', { lastName: 'Petrov', firstName: 'Ivan', email: employeeEmail, password: PASSWORD }, adminToken),
    201,
    'create employee',
  );
  await expectStatus(
    call(
      baseUrl,
      'PUT',
      `/api/v1/staff/${employee.id}/status-access`,
      { levels: Object.entries(EMPLOYEE_LEVELS).map(([name, level]) => ({ statusId: status[name], level })), mayChangeClosed: false },
      adminToken,
    ),
    200,
    'set status access',
  );
  const employeeToken = await eventually(async () => (await login(employeeEmail)).accessToken, 'employee login');

  // A few orders over HTTP, in every status (the administrator may set any): the measured one is 'In repair'.
  const orders = [];
  for (const name of Object.keys(EMPLOYEE_LEVELS)) {
    for (let i = 0; i < 3; i++) {
      const order = await expectStatus(
        call(
          baseUrl,
          'POST',
          '/api/v1/orders',
          { title: `Bench ${name} ${i}`, description: 'Phone does not charge; replace the port', statusId: status[name] },
          adminToken,
        ),
        201,
        'create order',
      );
      orders.push(order);
    }
  }
  const visibleOrder = orders.find((order) => order.status.id === status['In repair']);
  const hiddenOrder = orders.find((order) => order.status.id === status['New lead']);

  return {
    slug,
    tenantId,
    workflowId: workflow.id,
    status,
    statuses,
    adminToken,
    employeeId: employee.id,
    employeeToken,
    visibleOrder,
    hiddenOrder,
    orders,
  };
}

export { call, expectStatus };
