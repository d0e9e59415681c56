import type { EntityManager } from 'typeorm';

/**
 * Serialises routing of one tenant (creation, queue draining, reassignment, closing) for the rest
 * of the transaction, so two decisions never read the same load and pick the same employee.
 * Other tenants are not blocked. Held until commit: take it as late as the transaction allows.
 * Lock order: client (lockClientInquiries), then tenant, then inquiry rows.
 */
export async function lockTenantRouting(manager: EntityManager, tenantId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('inquiries.routing:' || $1, 0))`, [tenantId]);
}

/**
 * Serialises one client's incoming messages for the rest of the transaction: they are taken in order
 * and open at most one inquiry, without holding up other clients of the tenant.
 */
export async function lockClientInquiries(manager: EntityManager, tenantId: string, contactId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('inquiries.client:' || $1 || ':' || $2, 0))`, [tenantId, contactId]);
}
