import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Roster } from './routing.roster';
import { RoutingRepository } from './routing.repository';

/** Tenants whose roster this process keeps; the least recently used is dropped beyond this. */
const MAX_TENANTS = 2_000;

/**
 * Each tenant's routing roster in memory, trusted only while its version is the one the caller's
 * transaction reads (one primary-key lookup); otherwise re-read and kept. Any number of processes can
 * keep their own copy: every change of the roster's facts writes a new version (bumpRosterVersion).
 */
@Injectable()
export class RosterCache {
  private readonly rosters = new Map<string, Roster>();

  constructor(private readonly routing: RoutingRepository) {}

  async current(manager: EntityManager, tenantId: string): Promise<Roster> {
    const version = await this.routing.rosterVersion(manager, tenantId);
    const cached = this.rosters.get(tenantId);
    if (cached && cached.version === version) {
      this.rosters.delete(tenantId);
      this.rosters.set(tenantId, cached);
      return cached;
    }
    const roster = await this.routing.roster(manager, tenantId);
    this.rosters.delete(tenantId);
    this.rosters.set(tenantId, roster);
    if (this.rosters.size > MAX_TENANTS) this.rosters.delete(this.rosters.keys().next().value!);
    return roster;
  }
}
