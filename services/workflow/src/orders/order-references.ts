import { Injectable } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { RequestContext } from '@warden/contracts';
import { OrderErrors } from './order.errors';
import { equipmentRefusal } from './order-client.policy';
import type { OrderClient } from './order.repository';

/** A directory read that answers "not found" for an unknown id, or rethrows anything else (503, ...). */
async function found<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not_found') return null;
    throw error;
  }
}

/**
 * Checks the directory ids an order names, asking the directory service over the bus (it owns
 * departments, contacts and equipment; this service never reads its tables). Every lookup is in
 * the caller's tenant, so another tenant's id is as unknown as a made-up one: 422 naming the field.
 */
@Injectable()
export class OrderReferences {
  constructor(private readonly bus: BusClient) {}

  async department(ctx: RequestContext, departmentId: string, field = 'departmentId'): Promise<string> {
    const department = await found(() => this.bus.request('directory.departments.get', ctx, { departmentId }));
    if (!department) throw OrderErrors.unknownDepartment(field);
    return department.id;
  }

  /**
   * The client as it will be stored: the contact, its company (from the directory, as it is now)
   * and the equipment, which must belong to that company.
   */
  async client(ctx: RequestContext, clientContactId: string | null, equipmentId: string | null): Promise<OrderClient> {
    let clientCompanyId: string | null = null;
    if (clientContactId !== null) {
      const contactId = clientContactId;
      const contact = await found(() => this.bus.request('directory.contacts.get', ctx, { contactId }));
      if (!contact) throw OrderErrors.unknownContact();
      clientCompanyId = contact.companyId;
    }
    if (equipmentId !== null) {
      const id = equipmentId;
      const equipment = await found(() => this.bus.request('directory.equipment.get', ctx, { equipmentId: id }));
      if (!equipment) throw OrderErrors.unknownEquipment();
      const misplaced = equipmentRefusal(clientCompanyId, equipment);
      if (misplaced) throw misplaced;
    }
    return { clientContactId, clientCompanyId, equipmentId };
  }
}
