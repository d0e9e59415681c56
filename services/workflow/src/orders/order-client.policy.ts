import type { DomainError } from '@warden/kernel';
import { OrderErrors } from './order.errors';

/**
 * Equipment on an order belongs to the client's company: refused without a client company (no contact, or a
 * contact of no company), and for equipment of another company. The directory answered both company ids.
 */
export function equipmentRefusal(clientCompanyId: string | null, equipment: { companyId: string }): DomainError | null {
  if (clientCompanyId === null) return OrderErrors.equipmentWithoutCompany();
  if (equipment.companyId !== clientCompanyId) return OrderErrors.equipmentOfOtherCompany();
  return null;
}
