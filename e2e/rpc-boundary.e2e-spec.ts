// The boundary of every service: a request-reply message is checked against its classes in libs/contracts
// (libs/service-kit/src/rpc-validation.interceptor.ts) before any handler runs, whoever sends it.
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import { RPC_REQUEST_CONTRACTS, rpcSubject } from '@warden/contracts';
import type { RequestContext } from '@warden/contracts';
import type { ErrorPayload } from '@warden/kernel';
import { connectToTestNats } from '@warden/testing';
import { createTenant } from './staff.fixtures';
import type { TenantFixture } from './staff.fixtures';
import { Stack } from './support/stack';

interface Reply {
  response?: unknown;
  err?: ErrorPayload;
}

describe('every RPC validates its message at the service', () => {
  let stack: Stack;
  let bus: NatsConnection;
  let tenant: TenantFixture;
  const ctx = (): RequestContext => ({ tenantId: tenant.tenantId, actorId: tenant.adminId, requestId: randomUUID() });

  /** A request the way the gateway's BusClient sends it (Nest's NATS packet), with a message of our choosing. */
  async function call(name: string, message: unknown): Promise<Reply> {
    const subject = rpcSubject(name);
    const reply = await bus.request(subject, JSON.stringify({ pattern: subject, data: message, id: randomUUID() }), { timeout: 10_000 });
    return reply.json<Reply>();
  }

  beforeAll(async () => {
    stack = await Stack.start();
    bus = await connectToTestNats('gateway');
    tenant = await createTenant(stack, 'boundary');
  });

  afterAll(async () => {
    await bus?.close();
    await stack?.stop();
  });

  it('answers a well-formed message (the success case)', async () => {
    const reply = await call('integrations.audit.list', { ctx: ctx(), data: { limit: 5 } });
    expect(reply.err).toBeUndefined();
    expect(reply.response).toMatchObject({ items: expect.any(Array) });
  });

  it('refuses a field of the wrong type, naming it', async () => {
    const reply = await call('integrations.audit.list', { ctx: ctx(), data: { limit: 'many', actorId: 'me' } });
    expect(reply.err).toMatchObject({ code: 'REQUEST.INVALID', kind: 'validation' });
    expect(reply.err?.fields?.map((problem) => problem.field).sort()).toEqual(['data.actorId', 'data.limit', 'data.limit', 'data.limit']);
  });

  it('refuses a context whose tenant or actor is not an id', async () => {
    const reply = await call('integrations.audit.list', { ctx: { tenantId: 'any', actorId: 42, requestId: 'r' }, data: {} });
    expect(reply.err).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(new Set(reply.err?.fields?.map((problem) => problem.field))).toEqual(new Set(['ctx.tenantId', 'ctx.actorId']));
  });

  it('refuses a message with no data object', async () => {
    const reply = await call('integrations.audit.list', { ctx: ctx(), data: 'everything' });
    expect(reply.err).toMatchObject({ code: 'REQUEST.INVALID', fields: [{ field: 'data', reason: 'must be an object' }] });
  });

  it('hands the handler the text as its class normalises it (trimmed; a blank optional text is none)', async () => {
    const data = { url: '  https://hooks.example.com/boundary  ', eventTypes: ['workflow.order.*'], description: '   ', active: false };
    const created = await call('integrations.webhooks.create', { ctx: ctx(), data });
    expect(created.err).toBeUndefined();
    const endpoint = created.response as { id: string; url: string; description: string | null };
    expect(endpoint).toMatchObject({ url: 'https://hooks.example.com/boundary', description: null });
    expect((await call('integrations.webhooks.delete', { ctx: ctx(), data: { endpointId: endpoint.id } })).err).toBeUndefined();
  });

  it('refuses a nested object that is missing or malformed, naming its fields', async () => {
    const update = await call('integrations.webhooks.update', { ctx: ctx(), data: { endpointId: 'nope' } });
    expect(update.err).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(new Set(update.err?.fields?.map((problem) => problem.field))).toEqual(new Set(['data.endpointId', 'data.changes']));
    const post = await call('inquiries.messages.post', {
      ctx: ctx(),
      data: { viewer: { personId: 'me', kind: 'robot' }, conversationId: randomUUID(), text: '   ' },
    });
    expect(post.err).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(new Set(post.err?.fields?.map((problem) => problem.field))).toEqual(
      new Set(['data.viewer.personId', 'data.viewer.kind', 'data.text']),
    );
  });

  it('hands the handler the ids lower-cased: an id in capitals finds the same workflow', async () => {
    const listed = await call('workflow.workflows.list', { ctx: ctx(), data: {} });
    const [workflow] = listed.response as Array<{ id: string }>;
    const reply = await call('workflow.workflows.get', { ctx: ctx(), data: { workflowId: workflow!.id.toUpperCase() } });
    expect(reply.err).toBeUndefined();
    expect(reply.response).toMatchObject({ id: workflow!.id });
  });

  it('names a bad field inside a nested object (the grants of a transition)', async () => {
    const grants = { roles: [{ role: 'boss', kind: 'any' }], groupIds: ['admins'] };
    const reply = await call('workflow.transitions.add', {
      ctx: ctx(),
      data: { workflowId: 'w', fromStatusId: randomUUID(), toStatusId: randomUUID(), grants },
    });
    expect(reply.err).toMatchObject({ code: 'REQUEST.INVALID', kind: 'validation' });
    expect(reply.err?.fields?.map((problem) => problem.field).sort()).toEqual([
      'data.grants.groupIds',
      'data.grants.roles.0.role',
      'data.workflowId',
    ]);
  });

  it('hands the handler normalised data: text trimmed, blank optional text absent', async () => {
    const reply = await call('directory.branches.create', {
      ctx: ctx(),
      data: { name: '  North  ', address: '   ', timeZone: 'Europe/Berlin' },
    });
    expect(reply.err).toBeUndefined();
    expect(reply.response).toMatchObject({ name: 'North', address: null });
  });

  it('checks a patch field by field: a required field cannot be cleared, a nested id must be an id', async () => {
    const reply = await call('directory.contacts.update', {
      ctx: ctx(),
      data: { contactId: randomUUID(), changes: { lastName: null, middleName: null, companyId: 'acme' } },
    });
    expect(reply.err).toMatchObject({ code: 'REQUEST.INVALID' });
    expect(new Set(reply.err?.fields?.map((problem) => problem.field))).toEqual(
      new Set(['data.changes.lastName', 'data.changes.companyId']),
    );
  });

  it('checks a resource whose attributes are free as a whole: a string type, scalar attributes', async () => {
    const check = (resource: unknown) =>
      call('permissions.check', { ctx: ctx(), data: { personId: tenant.adminId, action: 'orders.read', resource } });
    // Attributes no class lists pass: which ones a type needs is its rule's business.
    const door = await check({ type: 'door', open: true, floor: 2, note: null });
    expect(door).toMatchObject({ response: { allowed: false, code: 'RESOURCE.UNKNOWN_TYPE' } });
    for (const resource of [{ open: true }, { type: 'door', hinges: { count: 2 } }, ['door']]) {
      const refused = await check(resource);
      const problem = { field: 'data.resource', reason: expect.stringContaining('`type`') };
      expect(refused.err).toMatchObject({ code: 'REQUEST.INVALID', fields: [problem] });
    }
  });

  it("checks a previewed change against its kind's class, naming the fields inside it", async () => {
    const levels = [{ statusId: randomUUID(), level: 'sometimes' }];
    const data = { kind: 'person-status-access', targetId: tenant.adminId, change: { levels, colour: 'red' } };
    const reply = await call('permissions.preview', { ctx: ctx(), data });
    expect(reply.err).toMatchObject({ code: 'REQUEST.INVALID' });
    const fields = new Set(reply.err?.fields?.map((problem) => problem.field));
    expect(fields).toEqual(new Set(['data.change.colour', 'data.change.levels.0.level']));
  });

  it.each(Object.keys(RPC_REQUEST_CONTRACTS))('%s refuses a field its class does not know', async (name) => {
    const reply = await call(name, { ctx: ctx(), data: { unexpectedField: true } });
    expect(reply.err).toMatchObject({ code: 'REQUEST.INVALID', kind: 'validation' });
    expect(reply.err?.fields).toContainEqual({ field: 'data.unexpectedField', reason: 'is not a known field' });
  });
});
