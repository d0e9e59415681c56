import type { EntityManager } from 'typeorm';
import type { ChannelInput } from '@warden/contracts';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import { DepartmentErrors } from '../departments/department.errors';
import type { DepartmentRepository } from '../departments/department.repository';
import { ChannelErrors } from './channel.errors';
import type { ChannelRecord } from './channel.repository';

/** A channel as stored: its fields as the RPC boundary checked and trimmed them. */
export function channelRecord(id: string, input: ChannelInput): ChannelRecord {
  return { id, kind: input.kind, address: input.address, name: input.name, departmentId: input.departmentId };
}

/** Refuses a department that is not the tenant's; locked so it cannot be deleted under the channel being written. */
export async function requireDepartment(
  departments: DepartmentRepository,
  manager: EntityManager,
  tenantId: string,
  departmentId: string,
): Promise<void> {
  if (!(await departments.find(manager, tenantId, departmentId, true))) throw DepartmentErrors.unknown('departmentId');
}

/** Runs a channel change in one transaction, the database's refusals turned into the channel's errors. */
export async function writeChannel<T>(manager: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await manager.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'channels_address_key')) throw ChannelErrors.addressTaken();
    if (isForeignKeyViolation(error)) throw ChannelErrors.inUse();
    throw error;
  }
}
