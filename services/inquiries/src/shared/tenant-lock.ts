import type { EntityManager } from 'typeorm';

/**
 * Serialises routing of one tenant (creation, queue draining, reassignment, closing) for the rest
 * of the transaction, so two decisions never read the same load and pick the same employee.
 * Other tenants are not blocked.
 */
export async function lockTenantRouting(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('inquiries.routing:' || $1, 0))`, [tenantId]);
}
