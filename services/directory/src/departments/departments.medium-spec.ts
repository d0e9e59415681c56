import { CommandBus } from '@nestjs/cqrs';
import { DomainError, newId } from '@warden/kernel';
import { DepartmentMembershipChangedV1 } from '@warden/contracts';
import type { RequestContext } from '@warden/contracts';
import { startMedium } from '@warden/medium-testing';
import type { Medium } from '@warden/medium-testing';
import { DIRECTORY_SERVICE } from '../directory.service-definition';
import { EmployeeRepository } from '../employees/employee.repository';
import { AddDepartmentMembersCommand } from './add-department-members.handler';
import { CreateDepartmentCommand } from './create-department.handler';
import { DepartmentsModule } from './departments.module';
import { UpdateDepartmentCommand } from './update-department.handler';

/** Identity's answer for people the employees read model has not heard of yet. */
const identityStaff = new Map<string, { kind: 'employee' | 'contact' }>();

/** Heads and members are current employees; every membership change is one event with who joined and who left. */
describe('department head and members (medium: service + PostgreSQL)', () => {
  let medium: Medium;
  let commands: CommandBus;
  let ctx: RequestContext;
  let [ann, bob, cyd] = ['', '', ''];

  beforeAll(async () => {
    medium = await startMedium(DIRECTORY_SERVICE, {
      imports: [DepartmentsModule],
      bus: {
        'identity.staff.get': ({ personId }) => {
          const staff = identityStaff.get(personId);
          if (!staff) throw DomainError.notFound('STAFF.NOT_FOUND', 'Person');
          return {
            id: personId,
            kind: staff.kind,
            fullName: 'New Hire',
            email: `${personId}@example.test`,
            deletedAt: null,
            updatedAt: new Date().toISOString(),
          } as never;
        },
      },
    });
    commands = medium.get(CommandBus);
  });

  afterAll(() => medium?.close());

  beforeEach(async () => {
    ctx = { tenantId: newId(), actorId: newId(), requestId: 'medium' };
    [ann, bob, cyd] = [newId(), newId(), newId()];
    for (const personId of [ann, bob, cyd]) {
      await medium.get(EmployeeRepository).upsert(medium.dataSource.manager, {
        tenantId: ctx.tenantId,
        personId,
        kind: 'employee',
        fullName: 'E',
        email: `${personId}@example.test`,
        deletedAt: null,
        sourceTime: new Date(),
      });
    }
  });

  const members = (departmentId: string) =>
    medium
      .rows<{ person_id: string }>('SELECT person_id FROM department_members WHERE department_id = $1', [departmentId])
      .then((rows) => rows.map((row) => row.person_id).sort());
  const membershipEvents = async () =>
    (await medium.outbox(ctx.tenantId)).filter((row) => row.type === DepartmentMembershipChangedV1.type).map((row) => row.data);

  it('a head and member change writes the rows and one membership event naming who joined and who left', async () => {
    const created = await commands.execute(new CreateDepartmentCommand(ctx, { name: 'Workshop', headId: ann, memberIds: [ann, bob] }));
    const updated = await commands.execute(
      new UpdateDepartmentCommand(ctx, created.id, { headId: cyd.toUpperCase(), memberIds: [bob, cyd] }),
    );

    expect(updated).toMatchObject({ headId: cyd });
    expect(await medium.rows('SELECT head_id FROM departments WHERE id = $1', [created.id])).toEqual([{ head_id: cyd }]);
    expect(await members(created.id)).toEqual([bob, cyd].sort());
    const events = await membershipEvents();
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ departmentId: created.id, addedPersonIds: [cyd], removedPersonIds: [ann] });
  });

  it('adding people who are already members changes nothing: no event, no new timestamp', async () => {
    const created = await commands.execute(new CreateDepartmentCommand(ctx, { name: 'Front desk', memberIds: [ann] }));
    const before = await medium.rows('SELECT updated_at FROM departments WHERE id = $1', [created.id]);

    await commands.execute(new AddDepartmentMembersCommand(ctx, created.id, [ann.toUpperCase()]));

    expect(await medium.rows('SELECT updated_at FROM departments WHERE id = $1', [created.id])).toEqual(before);
    expect(await membershipEvents()).toHaveLength(1);
  });

  it('a deleted employee or a contact is refused as head or member, writing nothing; an unknown id is asked of identity', async () => {
    const created = await commands.execute(new CreateDepartmentCommand(ctx, { name: 'Sales', memberIds: [ann] }));
    const contact = newId();
    const newHire = newId();
    identityStaff.set(contact, { kind: 'contact' });
    identityStaff.set(newHire, { kind: 'employee' });
    // Deleted in the read model: its answer stands even though identity would say otherwise.
    identityStaff.set(bob, { kind: 'employee' });
    await medium.rows('UPDATE employees SET deleted_at = now() WHERE tenant_id = $1 AND person_id = $2', [ctx.tenantId, bob]);
    const eventsBefore = await medium.outbox(ctx.tenantId);

    await expect(commands.execute(new UpdateDepartmentCommand(ctx, created.id, { headId: bob }))).rejects.toMatchObject({
      code: 'DIRECTORY.NOT_AN_EMPLOYEE',
      fields: [{ field: 'headId' }],
    });
    await expect(commands.execute(new AddDepartmentMembersCommand(ctx, created.id, [contact]))).rejects.toMatchObject({
      code: 'DIRECTORY.NOT_AN_EMPLOYEE',
    });
    await expect(commands.execute(new UpdateDepartmentCommand(ctx, created.id, { memberIds: [newId()] }))).rejects.toMatchObject({
      fields: [{ field: 'memberIds' }],
    });
    expect(await members(created.id)).toEqual([ann]);
    expect(await medium.outbox(ctx.tenantId)).toEqual(eventsBefore);

    await commands.execute(new AddDepartmentMembersCommand(ctx, created.id, [newHire]));
    expect(await members(created.id)).toEqual([ann, newHire].sort());
    expect(await medium.rows('SELECT kind FROM employees WHERE tenant_id = $1 AND person_id = $2', [ctx.tenantId, newHire])).toEqual([
      { kind: 'employee' },
    ]);
  });
});
