import { DepartmentCreatedV1, DepartmentDeletedV1, DepartmentMembershipChangedV1, DepartmentUpdatedV1 } from '@warden/contracts';
import type { DepartmentSnapshotV1, DepartmentView, OutgoingEvent } from '@warden/contracts';

function snapshot(department: DepartmentView): DepartmentSnapshotV1 {
  return {
    departmentId: department.id,
    name: department.name,
    headId: department.headId,
    memberIds: department.memberIds,
    at: department.updatedAt,
  };
}

export function departmentCreated(tenantId: string, department: DepartmentView): OutgoingEvent<DepartmentSnapshotV1> {
  return { contract: DepartmentCreatedV1, tenantId, subject: department.id, data: snapshot(department) };
}

export function departmentUpdated(tenantId: string, department: DepartmentView): OutgoingEvent<DepartmentSnapshotV1> {
  return { contract: DepartmentUpdatedV1, tenantId, subject: department.id, data: snapshot(department) };
}

/** Null when nobody joined or left, so no empty event is published. */
export function membershipChanged(
  tenantId: string,
  before: string[],
  after: DepartmentView,
): OutgoingEvent<DepartmentMembershipChangedV1> | null {
  const added = after.memberIds.filter((id) => !before.includes(id));
  const removed = before.filter((id) => !after.memberIds.includes(id));
  if (added.length === 0 && removed.length === 0) return null;
  return {
    contract: DepartmentMembershipChangedV1,
    tenantId,
    subject: after.id,
    data: { departmentId: after.id, addedPersonIds: added, removedPersonIds: removed, memberIds: after.memberIds, at: after.updatedAt },
  };
}

export function departmentDeleted(tenantId: string, department: DepartmentView): OutgoingEvent<DepartmentDeletedV1> {
  return {
    contract: DepartmentDeletedV1,
    tenantId,
    subject: department.id,
    data: { departmentId: department.id, memberIds: department.memberIds, at: new Date().toISOString() },
  };
}
