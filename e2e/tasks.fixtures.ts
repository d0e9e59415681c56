import type { Stack } from './support/stack';
import type { TenantFixture } from './staff.fixtures';

export const APPROVAL = "Approval by client's responsible";

/** A task workflow (admin): statuses by name, transitions `[from, to, grants]`; returns the body and status ids by name. */
export async function createTaskWorkflow(
  stack: Stack,
  tenant: TenantFixture,
  statuses: Array<[string, 'initial' | 'active' | 'final']>,
  transitions: Array<[string, string, Record<string, unknown>]>,
): Promise<{ body: any; status: Record<string, string> }> {
  const response = await stack.http.post(
    '/api/v1/workflows',
    {
      name: `Tasks ${Math.random().toString(36).slice(2, 7)}`,
      kind: 'task',
      statuses: statuses.map(([name, category]) => ({ name, category })),
      transitions: transitions.map(([from, to, grants]) => ({ from, to, grants })),
    },
    tenant.adminToken,
  );
  if (response.status !== 201) throw new Error(`task workflow: ${response.status} ${JSON.stringify(response.body)}`);
  return { body: response.body, status: Object.fromEntries(response.body.statuses.map((s: any) => [s.name, s.id])) };
}

export async function createTask(stack: Stack, token: string, body: Record<string, unknown>): Promise<any> {
  const response = await stack.http.post('/api/v1/tasks', { title: 'A legal question', ...body }, token);
  if (response.status !== 201) throw new Error(`task creation: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function moveTask(stack: Stack, token: string, taskId: string, statusId: string) {
  return stack.http.post(`/api/v1/tasks/${taskId}/status`, { statusId }, token);
}

/** The transitions answer for `personId` as the administrator sees it (explain for someone else). */
export async function transitionsFor(stack: Stack, tenant: TenantFixture, taskId: string, personId: string): Promise<Record<string, any>> {
  const response = await stack.http.get(`/api/v1/tasks/${taskId}/transitions?personId=${personId}`, tenant.adminToken);
  if (response.status !== 200) throw new Error(`transitions: ${response.status} ${JSON.stringify(response.body)}`);
  return Object.fromEntries(response.body.transitions.map((t: any) => [t.name, t]));
}
