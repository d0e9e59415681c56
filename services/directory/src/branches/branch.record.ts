import type { EntityManager } from 'typeorm';
import type { BranchInput } from '@warden/contracts';
import { isForeignKeyViolation, isUniqueViolation } from '@warden/persistence';
import { isIanaTimeZone } from '../shared/time-zone';
import { BranchErrors } from './branch.errors';
import type { BranchRecord } from './branch.repository';

/** A branch as stored: its name and address as the RPC boundary trimmed them, and an IANA time zone (docs/rules.md). */
export function branchRecord(id: string, input: BranchInput): BranchRecord {
  if (!isIanaTimeZone(input.timeZone)) throw BranchErrors.badTimeZone();
  return { id, name: input.name, address: input.address ?? null, timeZone: input.timeZone };
}

/** Runs a branch change in one transaction, the database's refusals turned into the branch's errors. */
export async function writeBranch<T>(manager: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await manager.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'branches_name_key')) throw BranchErrors.nameTaken();
    if (isForeignKeyViolation(error)) throw BranchErrors.inUse();
    throw error;
  }
}
