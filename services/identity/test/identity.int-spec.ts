import type { INestMicroservice } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { EmployeeDeletedV1, PresenceChangedV1, rpcSubject } from '@warden/contracts';
import type { Decision, RequestContext } from '@warden/contracts';
import { BusClient } from '@warden/messaging';
import { connectToTestNats, readEvents, uniqueSlug } from '@warden/testing';
import { loadEnv, ServiceEnv, startService } from '@warden/service-kit';
import { IDENTITY_SERVICE } from '../src/identity.service-definition';
import { PresenceSweeper } from '../src/presence/presence.sweeper';

/**
 * The identity service alone on the real database and bus. The permissions service is replaced by
 * a responder on its subject, so its answer (allow / deny / silence) is chosen per test.
 */
describe('identity service', () => {
  let service: INestMicroservice;
  let bus: BusClient;
  /** The stand-in for the permissions service, and the gateway's side of the requests to identity. */
  let nats: NatsConnection;
  let gateway: NatsConnection;
  let permissions: Subscription;
  let refusals: Subscription;
  let decision: Decision = { allowed: true, code: 'ALLOWED.GROUP', reason: 'allowed', policyVersion: 1 };

  const ctx = (tenantId = ''): RequestContext => ({ tenantId, actorId: null, requestId: randomUUID() });

  async function newTenant() {
    const slug = uniqueSlug('int');
    const created = await bus.request('identity.tenants.create', ctx(), {
      slug,
      name: 'Int',
      administrator: { lastName: 'Admin', firstName: 'A', email: `admin@${slug}.test`, password: 'password-1' },
    });
    return { slug, tenantId: created.tenant.id, adminId: created.administrator.id, email: `admin@${slug}.test` };
  }

  beforeAll(async () => {
    process.env.PRESENCE_TIMEOUT_SECONDS = '3';
    service = await startService(IDENTITY_SERVICE, loadEnv(ServiceEnv));
    nats = await connectToTestNats('permissions');
    gateway = await connectToTestNats('gateway');
    permissions = nats.subscribe(rpcSubject('permissions.check'), {
      callback: (_error, message) => {
        if (decision.code === 'SILENT') return;
        // The Nest NATS transport replies with { response, isDisposed }.
        const request = message.json<{ id: string }>();
        message.respond(JSON.stringify({ id: request.id, response: decision, isDisposed: true }));
      },
    });
    // Sign-in reads the bar again after its session is committed: the same decision, as the refusals list.
    refusals = nats.subscribe(rpcSubject('permissions.sign-in.refusals'), {
      callback: (_error, message) => {
        if (decision.code === 'SILENT') return;
        const request = message.json<{ id: string; data: { data: { personIds: string[] } } }>();
        const refused = decision.allowed
          ? []
          : request.data.data.personIds.map((personId) => ({ personId, code: decision.code, reason: decision.reason }));
        message.respond(JSON.stringify({ id: request.id, response: refused, isDisposed: true }));
      },
    });
    bus = new BusClient(gateway);
  });

  afterAll(async () => {
    permissions?.unsubscribe();
    refusals?.unsubscribe();
    await nats?.close();
    await gateway?.close();
    await service?.close();
  });

  it('creates a tenant and refuses a taken slug', async () => {
    const tenant = await newTenant();
    await expect(
      bus.request('identity.tenants.create', ctx(), {
        slug: tenant.slug,
        name: 'Again',
        administrator: { lastName: 'A', firstName: 'B', email: 'x@y.test', password: 'password-1' },
      }),
    ).rejects.toMatchObject({ code: 'TENANT.SLUG_TAKEN', kind: 'conflict' });
    await expect(
      bus.request('identity.tenants.create', ctx(), {
        slug: uniqueSlug('int'),
        name: 'Weak',
        administrator: { lastName: 'A', firstName: 'B', email: 'x@y.test', password: 'short' },
      }),
    ).rejects.toMatchObject({
      code: 'REQUEST.INVALID',
      fields: [{ field: 'data.administrator.password', reason: 'must be longer than or equal to 8 characters' }],
    });
  });

  it('signs in only when the permissions service allows, and answers 503-kind when it is silent', async () => {
    const tenant = await newTenant();
    const login = { tenant: tenant.slug, email: tenant.email, password: 'password-1' };

    decision = { allowed: false, code: 'LOGIN.GROUP_BARRED', reason: 'Your group may not sign in', policyVersion: 3 };
    await expect(bus.request('identity.auth.login', ctx(), login)).rejects.toMatchObject({ code: 'LOGIN.GROUP_BARRED', kind: 'forbidden' });

    decision = { allowed: false, code: 'SILENT', reason: '', policyVersion: 0 };
    const silent = await bus.request('identity.auth.login', ctx(), login, 8000).catch((error: unknown) => error);
    expect(silent).toBeInstanceOf(DomainError);
    expect((silent as DomainError).kind).toBe('unavailable');

    decision = { allowed: true, code: 'ALLOWED.GROUP', reason: 'allowed', policyVersion: 3 };
    const pair = await bus.request('identity.auth.login', ctx(), login);
    expect(pair.tokenType).toBe('Bearer');
    const [, payload] = pair.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      sub: tenant.adminId,
      tid: tenant.tenantId,
      tsl: tenant.slug,
      kind: 'employee',
      sid: expect.any(String),
    });
    expect(claims.exp - claims.iat).toBe(900);
  });

  it('soft-deletes: sessions revoked, presence offline, events written, sign-in refused', async () => {
    const tenant = await newTenant();
    const employee = await bus.request('identity.staff.create', ctx(tenant.tenantId), {
      lastName: 'E',
      firstName: 'F',
      email: `e@${tenant.slug}.test`,
      password: 'password-2',
      groupIds: [],
    });
    const pair = await bus.request('identity.auth.login', ctx(), { tenant: tenant.slug, email: employee.email, password: 'password-2' });
    const deleted = await bus.request('identity.staff.delete', ctx(tenant.tenantId), { personId: employee.id });
    expect(deleted.systemStatus).toBe('deleted');
    await expect(bus.request('identity.auth.refresh', ctx(), { refreshToken: pair.refreshToken })).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
    await expect(
      bus.request('identity.auth.login', ctx(), { tenant: tenant.slug, email: employee.email, password: 'password-2' }),
    ).rejects.toMatchObject({ code: 'AUTH.INVALID_CREDENTIALS' });
    expect(await readEvents(EmployeeDeletedV1.type, (event) => event.subject === employee.id)).toHaveLength(1);
    const presence = await readEvents<PresenceChangedV1>(PresenceChangedV1.type, (event) => event.subject === employee.id, { atLeast: 2 });
    expect(presence.map((event) => event.data.presence)).toEqual(['online', 'offline']);
    // Another tenant does not see the person at all.
    const other = await newTenant();
    await expect(bus.request('identity.staff.get', ctx(other.tenantId), { personId: employee.id })).rejects.toMatchObject({
      code: 'STAFF.NOT_FOUND',
    });
  });

  it('ends the sessions of barred people in the context tenant only, after the lease; a repeat ends nothing', async () => {
    const tenant = await newTenant();
    const other = await newTenant();
    const barred = await bus.request('identity.auth.login', ctx(), { tenant: tenant.slug, email: tenant.email, password: 'password-1' });
    const elsewhere = await bus.request('identity.auth.login', ctx(), { tenant: other.slug, email: other.email, password: 'password-1' });
    const sessionOf = (token: string, tenantId: string, personId: string) => {
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
      return { sessionId: claims.sid as string, tenantId, personId };
    };
    const sessions = [
      sessionOf(barred.accessToken, tenant.tenantId, tenant.adminId),
      sessionOf(elsewhere.accessToken, other.tenantId, other.adminId),
    ];

    const started = Date.now();
    // The other tenant's administrator is named too: only the context's tenant counts.
    const ended = await bus.request('identity.sessions.end-for-people', ctx(tenant.tenantId), {
      personIds: [tenant.adminId, other.adminId],
      reason: 'login-barred',
    });
    expect(ended).toEqual({ ended: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect((await bus.request('identity.sessions.check', ctx(), { sessions })).live).toEqual([sessions[1]!.sessionId]);
    await expect(bus.request('identity.auth.refresh', ctx(), { refreshToken: barred.refreshToken })).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });

    const repeated = Date.now();
    expect(
      await bus.request('identity.sessions.end-for-people', ctx(tenant.tenantId), { personIds: [tenant.adminId], reason: 'login-barred' }),
    ).toEqual({ ended: 0 });
    expect(Date.now() - repeated).toBeLessThan(550);

    // A malformed request ends nothing: refused where it arrives, naming the field.
    const refused = (data: unknown) =>
      bus.request('identity.sessions.end-for-people', ctx(tenant.tenantId), data as never).catch((error: unknown) => error);
    expect(await refused({ personIds: 'everyone', reason: 'login-barred' })).toMatchObject({
      code: 'REQUEST.INVALID',
      kind: 'validation',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'data.personIds' })]),
    });
    expect(await refused({ personIds: [tenant.adminId, 'not-a-uuid'], reason: 'login-barred' })).toMatchObject({
      code: 'REQUEST.INVALID',
      fields: [{ field: 'data.personIds', reason: 'each value in personIds must be a UUID' }],
    });
    expect(await refused({ personIds: [tenant.adminId], reason: 'logout' })).toMatchObject({
      code: 'REQUEST.INVALID',
      fields: [{ field: 'data.reason', reason: expect.stringContaining('login-barred') }],
    });
  });

  it('the sweeper marks silent people offline in one statement, with one event each', async () => {
    const tenant = await newTenant();
    await bus.request('identity.auth.login', ctx(), { tenant: tenant.slug, email: tenant.email, password: 'password-1' });
    const dataSource = service.get(DataSource);
    await dataSource.query(`UPDATE persons SET last_seen_at = now() - interval '1 hour' WHERE id = $1`, [tenant.adminId]);
    const sweeper = service.get(PresenceSweeper);
    expect(await sweeper.sweep()).toBeGreaterThanOrEqual(1);
    expect(await sweeper.sweep()).toBe(0);
    const view = await bus.request('identity.staff.get', ctx(tenant.tenantId), { personId: tenant.adminId });
    expect(view.systemStatus).toBe('offline');
    const events = await readEvents<PresenceChangedV1>(PresenceChangedV1.type, (event) => event.subject === tenant.adminId, { atLeast: 2 });
    expect(events.map((event) => event.data.presence)).toEqual(['online', 'offline']);
  });
});
