import type { EntityManager } from 'typeorm';
import { PersonErrors } from './person.errors';
import type { PersonsRepository } from './persons.repository';

/** Throws PERSON.NOT_FOUND unless the person is known here (deleted people included). */
export async function requireKnownPerson(
  persons: PersonsRepository,
  manager: EntityManager,
  tenantId: string,
  personId: string,
): Promise<void> {
  if (!(await persons.exists(manager, tenantId, personId))) throw PersonErrors.notFound();
}
