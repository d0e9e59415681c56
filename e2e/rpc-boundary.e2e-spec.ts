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
    expect(new Set(post.err?.fields?.map((problem) => problem.field))).toEqual(new Set(['data.viewer.personId', 'data.viewer.kind', 'data.text']));
  });

  it.each(Object.keys(RPC_REQUEST_CONTRACTS))('%s refuses a field its class does not know', async (name) => {
    const reply = await call(name, { ctx: ctx(), data: { unexpectedField: true } });
    expect(reply.err).toMatchObject({ code: 'REQUEST.INVALID', kind: 'validation' });
    expect(reply.err?.fields).toContainEqual({ field: 'data.unexpectedField', reason: 'is not a known field' });
  });
});
