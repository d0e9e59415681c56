import { eventually } from '@warden/testing';
import type { Stack } from './support/stack';
import { createEmployee, createTenant, login } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';

export interface OrdersTenant extends TenantFixture {
  workflowId: string;
  /** Status ids of the default order workflow by name. */
  status: Record<string, string>;
}

export interface Person {
  id: string;
  token: string;
}

export const DEFAULT_STATUSES = [
  'New lead',
  'Contacted',
  'New',
  'Diagnostics',
  'Waiting for parts',
  'In repair',
  'Ready',
  'Closed',
  'Cancelled',
];

/** A tenant whose default order workflow has reached the permissions service's read model. */
export async function createOrdersTenant(stack: Stack, prefix = 'or'): Promise<OrdersTenant> {
  const tenant = await createTenant(stack, prefix);
  const workflows = await stack.http.get('/api/v1/workflows', tenant.adminToken);
  if (workflows.status !== 200) throw new Error(`workflows: ${workflows.status} ${JSON.stringify(workflows.body)}`);
  const workflow = workflows.body[0];
  const status = Object.fromEntries(workflow.statuses.map((s: any) => [s.name, s.id])) as Record<string, string>;
  await eventually(async () => {
    const access = await stack.http.get(`/api/v1/staff/${tenant.adminId}/status-access`, tenant.adminToken);
    if (access.body?.workflows?.[0]?.statuses?.length !== DEFAULT_STATUSES.length) throw new Error('statuses not yet known to permissions');
  });
  return { ...tenant, workflowId: workflow.id, status };
}

export async function signedInEmployee(stack: Stack, tenant: TenantFixture, overrides: Record<string, unknown> = {}): Promise<Person> {
  const employee = await createEmployee(stack, tenant, overrides);
  const response = await login(stack, tenant, employee.email);
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { id: employee.id, token: response.body.accessToken };
}

export function admin(tenant: TenantFixture): Person {
  return { id: tenant.adminId, token: tenant.adminToken };
}

/** Sets personal levels by status name (and optionally the closed-order flag) as the administrator. */
export async function setLevels(
  stack: Stack,
  tenant: OrdersTenant,
  personId: string,
  levels: Record<string, 'none' | 'view' | 'set' | null>,
  mayChangeClosed?: boolean | null,
): Promise<any> {
  const body: Record<string, unknown> = {
    levels: Object.entries(levels).map(([name, level]) => ({ statusId: tenant.status[name], level })),
  };
  if (mayChangeClosed !== undefined) body.mayChangeClosed = mayChangeClosed;
  const response = await stack.http.put(`/api/v1/staff/${personId}/status-access`, body, tenant.adminToken);
  if (response.status !== 200) throw new Error(`status-access put: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createOrder(stack: Stack, token: string, body: Record<string, unknown> = {}): Promise<any> {
  const response = await stack.http.post('/api/v1/orders', { title: 'Phone repair', ...body }, token);
  if (response.status !== 201) throw new Error(`order creation: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function moveOrder(stack: Stack, token: string, orderId: string, statusId: string, version?: number) {
  return stack.http.post(`/api/v1/orders/${orderId}/status`, version === undefined ? { statusId } : { statusId, version }, token);
}
