import type { INestApplicationContext, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { jetstream } from '@nats-io/jetstream';
import { DomainError, newId } from '@warden/kernel';
import { BusClient, BusModule } from '@warden/messaging';
import { loadEnv, ServiceEnv, startService } from '@warden/service-kit';
import { createCloudEvent, eventSubject, EmployeeDeletedV1, PolicyChangedV1, TenantCreatedV1 } from '@warden/contracts';
import type { RequestContext, RpcName, RpcRequestData, RpcResponse } from '@warden/contracts';
import { connectToTestNats, eventually, readEvents, testEnv } from '@warden/testing';
import { PERMISSIONS_SERVICE } from '../src/permissions.service-definition';
import { ResourceRuleRegistry } from '../src/check/resource-rule.registry';

describe('permissions service (bus + database)', () => {
  let service: INestMicroservice;
  let client: INestApplicationContext;
  let bus: BusClient;

  beforeAll(async () => {
    service = await startService(PERMISSIONS_SERVICE, loadEnv(ServiceEnv));
    client = await NestFactory.createApplicationContext(
      BusModule.forRoot({ service: 'permissions-test', natsUrl: testEnv().natsUrl, natsAuth: process.env, natsUser: 'gateway' }),
      { logger: false },
    );
    bus = client.get(BusClient);
    // A resource rule registered as PermissionsModule registers those of src/resource-rules.ts: allows `door` resources that are open.
    service.get(ResourceRuleRegistry).register({
      resourceType: 'door',
      async evaluate(input, steps) {
        const open = input.resource.open === true;
        steps.push({ rule: 'door.open', effect: open ? 'allow' : 'deny', detail: open ? 'The door is open' : 'The door is shut' });
        return open ? { allowed: true, code: 'ALLOWED.DOOR_OPEN', reason: 'open' } : { allowed: false, code: 'DOOR.SHUT', reason: 'shut' };
      },
    });
  });

  afterAll(async () => {
    await client?.close();
    await service?.close();
  });

  function call<K extends RpcName>(tenantId: string, name: K, data: RpcRequestData<K>): Promise<RpcResponse<K>> {
    const ctx: RequestContext = { tenantId, actorId: null, requestId: newId() };
    return bus.request(name, ctx, data);
  }

  async function failure(promise: Promise<unknown>): Promise<DomainError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    throw new Error('expected a DomainError');
  }

  async function tenantWithAdmin(): Promise<{ tenantId: string; adminId: string }> {
    const tenantId = newId();
    const adminId = newId();
    await call(tenantId, 'permissions.tenants.provision', { administratorId: adminId });
    return { tenantId, adminId };
  }

  it('provisions the default groups once, however often asked', async () => {
    const { tenantId, adminId } = await tenantWithAdmin();
    const again = await call(tenantId, 'permissions.tenants.provision', { administratorId: adminId });
    expect(again.groups.map((group) => group.systemKey).sort()).toEqual(['administrator', 'client', 'employee']);
    expect(again.groups.find((group) => group.systemKey === 'administrator')!.memberCount).toBe(1);
    expect(again.policy.affectedPersonIds).toEqual([]);
    const decision = await call(tenantId, 'permissions.check', { personId: adminId, action: 'groups.manage' });
    expect(decision).toMatchObject({ allowed: true, code: 'ALLOWED.GROUP' });
    expect(decision.policyVersion).toBeGreaterThanOrEqual(1);
  });

  it('provisions from identity.tenant.created too, idempotently with the call', async () => {
    const tenantId = newId();
    const adminId = newId();
    const nats = await connectToTestNats('identity');
    const data = Object.assign(new TenantCreatedV1(), { tenantId, slug: 'x', name: 'X', administratorId: adminId });
    const event = createCloudEvent('identity', { type: TenantCreatedV1.type, tenantId, subject: tenantId, data });
    await jetstream(nats).publish(eventSubject(event.type), JSON.stringify(event), { msgID: event.id });
    await nats.close();
    await eventually(async () =>
      expect(await call(tenantId, 'permissions.check', { personId: adminId, action: 'staff.manage' })).toMatchObject({ allowed: true }),
    );
    const groups = await call(tenantId, 'permissions.groups.list', {});
    expect(groups).toHaveLength(3);
  });

  it('refuses people it does not know and people identity deleted', async () => {
    const { tenantId } = await tenantWithAdmin();
    expect(await call(tenantId, 'permissions.check', { personId: newId(), action: 'auth.login' })).toMatchObject({
      allowed: false,
      code: 'PERSON.UNKNOWN',
    });
    const personId = newId();
    await call(tenantId, 'permissions.memberships.set', { personId, groupIds: [] });
    expect(await call(tenantId, 'permissions.check', { personId, action: 'auth.login' })).toMatchObject({ allowed: true });
    const nats = await connectToTestNats('identity');
    const data = Object.assign(new EmployeeDeletedV1(), { personId, deletedAt: new Date().toISOString() });
    const event = createCloudEvent('identity', { type: EmployeeDeletedV1.type, tenantId, subject: personId, data });
    await jetstream(nats).publish(eventSubject(event.type), JSON.stringify(event), { msgID: event.id });
    await nats.close();
    await eventually(async () =>
      expect(await call(tenantId, 'permissions.check', { personId, action: 'auth.login' })).toMatchObject({ code: 'PERSON.DELETED' }),
    );
    const changes = await readEvents<PolicyChangedV1>(
      PolicyChangedV1.type,
      (e) => e.tenantid === tenantId && e.data.change === 'person.deleted',
    );
    expect(changes[0]!.data.affectedPersonIds).toEqual([personId]);
  });

  it('puts a person without groups into Employee, and refuses unknown groups', async () => {
    const { tenantId } = await tenantWithAdmin();
    const personId = newId();
    const set = await call(tenantId, 'permissions.memberships.set', { personId, groupIds: [] });
    expect(set.groups.map((group) => group.name)).toEqual(['Employee']);
    expect(set.policy.affectedPersonIds).toEqual([personId]);
    expect((await call(tenantId, 'permissions.memberships.of', { personIds: [personId] }))[personId]).toEqual(set.groups);
    const unknown = await failure(call(tenantId, 'permissions.memberships.set', { personId, groupIds: [newId()] }));
    expect(unknown).toMatchObject({ code: 'GROUP.UNKNOWN', kind: 'validation' });
    expect(unknown.fields?.[0]?.field).toBe('groupIds');
  });

  it('keeps the Administrator group whole: fixed rights, never without an active member', async () => {
    const { tenantId, adminId } = await tenantWithAdmin();
    const admins = (await call(tenantId, 'permissions.groups.list', {})).find((group) => group.systemKey === 'administrator')!;
    expect(await failure(call(tenantId, 'permissions.groups.update', { groupId: admins.id, rights: ['auth.login'] }))).toMatchObject({
      code: 'GROUP.SYSTEM_RIGHTS_FIXED',
    });
    expect(await failure(call(tenantId, 'permissions.groups.update', { groupId: admins.id, loginBarred: true }))).toMatchObject({
      code: 'GROUP.SYSTEM_RIGHTS_FIXED',
    });
    expect(await failure(call(tenantId, 'permissions.groups.members.remove', { groupId: admins.id, personIds: [adminId] }))).toMatchObject({
      code: 'GROUP.LAST_ADMINISTRATOR',
      kind: 'conflict',
    });
    expect(await failure(call(tenantId, 'permissions.memberships.set', { personId: adminId, groupIds: [] }))).toMatchObject({
      code: 'GROUP.LAST_ADMINISTRATOR',
    });
    const renamed = await call(tenantId, 'permissions.groups.update', { groupId: admins.id, name: 'Owners' });
    expect(renamed.group).toMatchObject({ name: 'Owners', systemKey: 'administrator' });
  });

  it('names taken case-insensitively, unknown rights and unknown groups are refused', async () => {
    const { tenantId } = await tenantWithAdmin();
    expect(await failure(call(tenantId, 'permissions.groups.create', { name: 'employee', rights: [] }))).toMatchObject({
      code: 'GROUP.NAME_TAKEN',
      kind: 'conflict',
    });
    // Rights outside the catalog and ids that are not ids never reach the service: the RPC boundary names them.
    const badRight = await failure(call(tenantId, 'permissions.groups.create', { name: 'X', rights: ['orders.fly' as never] }));
    expect(badRight).toMatchObject({ code: 'REQUEST.INVALID', kind: 'validation', fields: [{ field: 'data.rights' }] });
    expect(await failure(call(tenantId, 'permissions.groups.get', { groupId: newId() }))).toMatchObject({
      code: 'GROUP.NOT_FOUND',
      kind: 'not_found',
    });
    const notAnId = await failure(call(tenantId, 'permissions.groups.get', { groupId: 'nope' }));
    expect(notAnId).toMatchObject({ code: 'REQUEST.INVALID', fields: [{ field: 'data.groupId' }] });
  });

  it('asks the resource rule after the right, and only for active people', async () => {
    const { tenantId, adminId } = await tenantWithAdmin();
    const employee = newId();
    await call(tenantId, 'permissions.memberships.set', { personId: employee, groupIds: [] });
    const check = (personId: string, action: string, resource?: { type: string; open?: boolean }) =>
      call(tenantId, 'permissions.check', { personId, action, resource });
    expect(await check(adminId, 'orders.read', { type: 'door', open: true })).toMatchObject({ allowed: true, code: 'ALLOWED.DOOR_OPEN' });
    expect(await check(adminId, 'orders.read', { type: 'door', open: false })).toMatchObject({ allowed: false, code: 'DOOR.SHUT' });
    // The right is refused first; the rule is not asked.
    expect(await check(employee, 'staff.manage', { type: 'door', open: true })).toMatchObject({
      allowed: false,
      code: 'RIGHT.NOT_GRANTED',
    });
    expect(await check(adminId, 'orders.read', { type: 'window' })).toMatchObject({ allowed: false, code: 'RESOURCE.UNKNOWN_TYPE' });
    // Neither a catalog right nor a resource action: no rule is asked, with or without a resource.
    expect(await check(employee, 'door.walk-through', { type: 'door', open: true })).toMatchObject({
      allowed: false,
      code: 'ACTION.UNKNOWN',
    });
    expect(await check(newId(), 'door.walk-through', { type: 'door', open: true })).toMatchObject({ code: 'PERSON.UNKNOWN' });
    expect(await check(employee, 'door.walk-through')).toMatchObject({ allowed: false, code: 'ACTION.UNKNOWN' });
    // A resource action takes its catalog right first, then needs its resource.
    expect(await check(employee, 'task.read', { type: 'door', open: true })).toMatchObject({ allowed: true, code: 'ALLOWED.DOOR_OPEN' });
    expect(await check(employee, 'task.read')).toMatchObject({ allowed: false, code: 'RESOURCE.MISSING' });
    await call(tenantId, 'permissions.overrides.set', { personId: employee, right: 'tasks.read', effect: 'deny' });
    expect(await check(employee, 'task.read', { type: 'door', open: true })).toMatchObject({
      allowed: false,
      code: 'RIGHT.DENIED_PERSONALLY',
    });
    const explained = await call(tenantId, 'permissions.explain', {
      personId: adminId,
      action: 'orders.read',
      resource: { type: 'door', open: true },
    });
    expect(explained.steps.map((step) => step.rule)).toEqual(['person.active', 'override.personal', 'group.rights', 'door.open']);
  });

  it('personal overrides change the decision and announce the change', async () => {
    const { tenantId } = await tenantWithAdmin();
    const personId = newId();
    await call(tenantId, 'permissions.memberships.set', { personId, groupIds: [] });
    const allowed = await call(tenantId, 'permissions.overrides.set', { personId, right: 'staff.manage', effect: 'allow' });
    expect(allowed.overrides).toEqual([{ right: 'staff.manage', effect: 'allow' }]);
    expect(await call(tenantId, 'permissions.check', { personId, action: 'staff.manage' })).toMatchObject({
      allowed: true,
      code: 'ALLOWED.PERSONAL_OVERRIDE',
      policyVersion: allowed.policy.policyVersion,
    });
    await call(tenantId, 'permissions.overrides.set', { personId, right: 'staff.read', effect: 'deny' });
    const rights = await call(tenantId, 'permissions.overrides.list', { personId });
    expect(rights.effectiveRights).toContain('staff.manage');
    expect(rights.effectiveRights).not.toContain('staff.read');
    await call(tenantId, 'permissions.overrides.set', { personId, right: 'staff.read', effect: null });
    expect(await call(tenantId, 'permissions.check', { personId, action: 'staff.read' })).toMatchObject({
      allowed: true,
      code: 'ALLOWED.GROUP',
    });
    expect(await failure(call(tenantId, 'permissions.overrides.list', { personId: newId() }))).toMatchObject({ code: 'PERSON.NOT_FOUND' });
  });
});
