import type { StatusLevelInput } from '@warden/contracts';
import { StatusAccessErrors } from './status-access.errors';
import type { StatusAccessRepository } from './status-access.repository';

/**
 * Every level names a status (of an order or a task workflow) of this tenant, once (also for a preview of the
 * change); the ids and levels themselves were checked at the RPC boundary.
 */
export async function checkLevels(repository: StatusAccessRepository, tenantId: string, levels: StatusLevelInput[]): Promise<void> {
  const seen = new Set<string>();
  levels.forEach((input, index) => {
    if (seen.has(input.statusId)) throw StatusAccessErrors.duplicateStatus(index);
    seen.add(input.statusId);
  });
  const statusIds = levels.map((input) => input.statusId);
  const known = new Set((await repository.statusesOfKind(tenantId, statusIds, null)).map((status) => status.statusId));
  levels.forEach((input, index) => {
    if (!known.has(input.statusId)) throw StatusAccessErrors.unknownStatus(index);
  });
}
