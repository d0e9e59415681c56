import { EquipmentCreatedV1, EquipmentDeletedV1, EquipmentUpdatedV1 } from '@warden/contracts';
import type { EquipmentSnapshotV1, EquipmentView, OutgoingEvent } from '@warden/contracts';

function snapshotEvent(
  contract: typeof EquipmentCreatedV1 | typeof EquipmentUpdatedV1,
  tenantId: string,
  node: EquipmentView,
): OutgoingEvent<EquipmentSnapshotV1> {
  const { id, createdAt: _createdAt, updatedAt, ...rest } = node;
  return { contract, tenantId, subject: id, data: { equipmentId: id, ...rest, at: updatedAt } };
}

export function equipmentCreated(tenantId: string, node: EquipmentView): OutgoingEvent<EquipmentSnapshotV1> {
  return snapshotEvent(EquipmentCreatedV1, tenantId, node);
}

export function equipmentUpdated(tenantId: string, node: EquipmentView): OutgoingEvent<EquipmentSnapshotV1> {
  return snapshotEvent(EquipmentUpdatedV1, tenantId, node);
}

export function equipmentDeleted(tenantId: string, equipmentId: string, companyId: string): OutgoingEvent<EquipmentDeletedV1> {
  return { contract: EquipmentDeletedV1, tenantId, subject: equipmentId, data: { equipmentId, companyId, at: new Date().toISOString() } };
}
