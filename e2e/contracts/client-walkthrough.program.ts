// A frontend's first program against the generated client (libs/client): nothing here is typed by hand,
// so a document that lies about a body, a nullable field or a header makes this file fail to compile
// (openapi-contract.e2e-spec.ts compiles it against types generated from the live document) or fail to run.
import { createWardenClient } from '@warden/client';
import type { WardenSchema } from '@warden/client';

export interface WalkthroughInput {
  baseUrl: string;
  tenant: string;
  email: string;
  password: string;
}

export interface WalkthroughResult {
  created: WardenSchema<'OrderResponseDto'>;
  etag: string | null;
  moved: WardenSchema<'OrderResponseDto'>;
  transitions: WardenSchema<'OrderTransitionsResponseDto'>;
  listed: WardenSchema<'OrderPageResponseDto'>;
  responsibleId: string;
  departmentId: string;
}

function fail(step: string, error: unknown, status: number): never {
  throw new Error(`${step}: ${status} ${JSON.stringify(error)}`);
}

export async function walkThrough(input: WalkthroughInput): Promise<WalkthroughResult> {
  const session: { accessToken?: string } = {};
  const api = createWardenClient({ baseUrl: input.baseUrl, accessToken: () => session.accessToken });

  const signIn = await api.POST('/api/v1/auth/login', { body: { tenant: input.tenant, email: input.email, password: input.password } });
  if (!signIn.data) fail('sign in', signIn.error, signIn.response.status);
  session.accessToken = signIn.data.accessToken;

  const suffix = Date.now().toString(36);
  const employee = await api.POST('/api/v1/staff', {
    body: { lastName: 'Walker', firstName: 'Wendy', email: `wendy.${suffix}@client.test`, position: 'Master' },
  });
  if (!employee.data) fail('create employee', employee.error, employee.response.status);
  const department = await api.POST('/api/v1/departments', { body: { name: `Workshop ${suffix}`, memberIds: [employee.data.id] } });
  if (!department.data) fail('create department', department.error, department.response.status);

  const created = await api.POST('/api/v1/orders', {
    body: { title: 'iPhone 12, cracked screen', responsibleId: employee.data.id, departmentId: department.data.id, clientRef: null },
  });
  if (!created.data) fail('create order', created.error, created.response.status);
  const etag = created.response.headers.get('etag');

  const transitions = await api.GET('/api/v1/orders/{id}/transitions', { params: { path: { id: created.data.id } } });
  if (!transitions.data) fail('transitions', transitions.error, transitions.response.status);
  const target = transitions.data.transitions.find((transition) => transition.allowed && !transition.current);
  if (!target) throw new Error('no status the order may move to');

  const moved = await api.POST('/api/v1/orders/{id}/status', {
    params: { path: { id: created.data.id }, header: { 'If-Match': etag ?? `"${created.data.version}"` } },
    body: { statusId: target.statusId },
  });
  if (!moved.data) fail('change status', moved.error, moved.response.status);

  const after = await api.GET('/api/v1/orders/{id}/transitions', { params: { path: { id: created.data.id } } });
  if (!after.data) fail('transitions after the move', after.error, after.response.status);

  const listed = await api.GET('/api/v1/orders', { params: { query: { departmentId: department.data.id, limit: 10 } } });
  if (!listed.data) fail('list orders', listed.error, listed.response.status);

  return {
    created: created.data,
    etag,
    moved: moved.data,
    transitions: after.data,
    listed: listed.data,
    responsibleId: employee.data.id,
    departmentId: department.data.id,
  };
}
