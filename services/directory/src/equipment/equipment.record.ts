import type { EntityManager } from 'typeorm';
import { EquipmentErrors } from './equipment.errors';
import type { EquipmentRepository } from './equipment.repository';

/** A parent is equipment of the tenant and of the same company. */
export async function checkParent(
  equipment: EquipmentRepository,
  manager: EntityManager,
  tenantId: string,
  companyId: string,
  parentId: string,
): Promise<void> {
  const parent = await equipment.find(manager, tenantId, parentId);
  if (!parent) throw EquipmentErrors.parentUnknown();
  if (parent.companyId !== companyId) throw EquipmentErrors.parentOfOtherCompany();
}
