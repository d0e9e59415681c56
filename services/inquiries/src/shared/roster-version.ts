import type { EntityManager } from 'typeorm';
import { lockTenantRouting } from './tenant-lock';

/**
 * Records that the tenant's routing roster (names, modes, rights, branches, deletions) changed, in the
 * caller's transaction: a new random version, so cached rosters are re-read once it commits (and a
 * rolled-back one is never seen). Takes the routing lock first, so the lock order is always
 * routing lock -> version row and decisions never read a roster that is being changed.
 */
export async function bumpRosterVersion(manager: EntityManager, tenantId: string): Promise<void> {
  await lockTenantRouting(manager, tenantId);
  await manager.query(
    `INSERT INTO roster_versions (tenant_id, version) VALUES ($1, gen_random_uuid())
     ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version`,
    [tenantId],
  );
}
