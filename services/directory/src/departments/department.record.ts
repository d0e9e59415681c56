import type { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { DepartmentView, OutgoingEvent } from '@warden/contracts';
import type { AuditRecorder } from '@warden/messaging';
import { resourceValues } from '@warden/messaging';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import { happened } from '../shared/events';
import { DepartmentErrors } from './department.errors';
import { departmentUpdated, membershipChanged } from './department.events';
import type { DepartmentRepository } from './department.repository';

/** Runs a department change in one transaction, the database's refusals turned into the department's errors. */
export async function writeDepartment<T>(manager: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await manager.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'departments_name_key')) throw DepartmentErrors.nameTaken();
    if (isForeignKeyViolation(error)) throw DepartmentErrors.inUse();
    throw error;
  }
}

/** What adding and removing members write with. */
export interface MembershipWriters {
  departments: DepartmentRepository;
  events: EventBus<OutgoingEvent>;
  audit: AuditRecorder;
}

/**
 * Adds or removes members (`change`) under the department's lock. Only a change of who is a member touches the
 * department, announces it (updated and membership events) and is audited; adding a member again writes nothing.
 */
export async function changeMembers(
  manager: EntityManager,
  { departments, events, audit }: MembershipWriters,
  tenantId: string,
  departmentId: string,
  change: (manager: EntityManager) => Promise<void>,
): Promise<DepartmentView> {
  return writeDepartment(manager, async (manager) => {
    const before = await departments.find(manager, tenantId, departmentId, true);
    if (!before) throw DepartmentErrors.notFound();
    await change(manager);
    let after = (await departments.find(manager, tenantId, departmentId))!;
    const event = membershipChanged(tenantId, before.memberIds, after);
    if (event) {
      await departments.touch(manager, tenantId, departmentId);
      after = (await departments.find(manager, tenantId, departmentId))!;
      await events.publishAll(happened(departmentUpdated(tenantId, after), membershipChanged(tenantId, before.memberIds, after)), manager);
      await audit.record(manager, tenantId, {
        action: 'department.updated',
        resource: { type: 'department', id: departmentId },
        before: resourceValues(before),
        after: resourceValues(after),
      });
    }
    return after;
  });
}
