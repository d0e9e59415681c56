import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { OutgoingEvent, PolicyChange } from '@warden/contracts';
import { FactsCache } from './facts.cache';
import { policyChanged } from './policy.events';

/** More people than this in one change: announce it tenant-wide instead of listing everyone. */
const MAX_LISTED_PEOPLE = 1000;

/**
 * The one way policy changes become visible: every mutation that can alter a decision calls
 * `bump` in its own transaction. The tenant's version goes up (the row lock also serialises
 * concurrent changes of one tenant) and `permissions.policy.changed.v1` goes to the outbox, so the
 * gateways drop their cached decisions (and this service its cached facts) for exactly the people affected.
 */
@Injectable()
export class PolicyVersions {
  constructor(
    private readonly events: EventBus<OutgoingEvent>,
    private readonly cache: FactsCache,
  ) {}

  /**
   * @param affectedPersonIds people whose decisions may change; null = anyone in the tenant.
   * @param change what changed, for readers of the stream: `group.rights`, `status-access.person`, ...
   */
  async bump(manager: EntityManager, tenantId: string, affectedPersonIds: readonly string[] | null, change: string): Promise<PolicyChange> {
    const rows: Array<{ version: string }> = await manager.query(
      `INSERT INTO tenant_policy (tenant_id, version) VALUES ($1, 1)
       ON CONFLICT (tenant_id) DO UPDATE SET version = tenant_policy.version + 1, updated_at = now()
       RETURNING version`,
      [tenantId],
    );
    const policyVersion = Number(rows[0]!.version);
    const people = affectedPersonIds === null || affectedPersonIds.length > MAX_LISTED_PEOPLE ? null : [...new Set(affectedPersonIds)];
    await this.events.publish(policyChanged(tenantId, policyVersion, people, change), manager);
    // This replica's cached facts go right after the commit, before the caller answers; others' on the event.
    this.cache.dropOnCommit(manager, tenantId, people, policyVersion);
    return { policyVersion, affectedPersonIds: people };
  }

  /**
   * Serialises this transaction with the tenant's other policy writers from its start. `bump` locks the
   * tenant's version row only at the end, after other rows were written; writers that race on the same
   * rows (provisioning by call and by event, memberships of a new person) take this first so they queue
   * instead of deadlocking.
   */
  async serialize(manager: EntityManager, tenantId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('permissions.policy:' || $1, 0))`, [tenantId]);
  }

  /** The tenant's current version (0 before its first change). */
  async current(manager: EntityManager, tenantId: string): Promise<number> {
    const rows: Array<{ version: string }> = await manager.query('SELECT version FROM tenant_policy WHERE tenant_id = $1', [tenantId]);
    return rows[0] ? Number(rows[0].version) : 0;
  }
}
