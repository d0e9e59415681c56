import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '@warden/persistence';
import { CompanyErrors } from './company.errors';

/** Runs a company change in one transaction, a taken tax id turned into the company's error. */
export async function writeCompany<T>(manager: EntityManager, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await manager.transaction(work);
  } catch (error) {
    if (isUniqueViolation(error, 'companies_tax_id_key')) throw CompanyErrors.taxIdTaken();
    throw error;
  }
}
