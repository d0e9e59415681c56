import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '@warden/persistence';
import { unique } from '../shared/text';
import { CompanyErrors } from './company.errors';

/** A company's name as stored: trimmed, not blank. */
export function companyName(name: unknown): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed) throw CompanyErrors.nameRequired();
  return trimmed;
}

/** Client manager ids as stored: lower case, each once. */
export const clientManagerIds = (ids: readonly string[]): string[] => unique(ids.map((id) => id.toLowerCase()));

/** Runs a company change in one transaction, a taken tax id turned into the company's error. */
export async function writeCompany<T>(manager: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await manager.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'companies_tax_id_key')) throw CompanyErrors.taxIdTaken();
    throw error;
  }
}
