import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LiveFacts, Roster } from './routing.roster';
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

  /**
   * The current roster and the live facts (presence, load) of the employees `pick` selects from it. When a
   * roster is cached, its version check and the live facts of its pick are one statement: one round trip
   * instead of two. If the version moved, the roster is re-read and the pick's facts read again.
   */
  async currentWithLive<T>(
    manager: EntityManager,
    tenantId: string,
    pick: (roster: Roster) => { value: T; personIds: string[] },
  ): Promise<{ roster: Roster; picked: T; live: Map<string, LiveFacts> }> {
    const cached = this.rosters.get(tenantId);
    if (cached) {
      const picked = pick(cached);
      const { version, live } = await this.routing.versionedLive(manager, tenantId, picked.personIds);
      if (version === cached.version) {
        this.keep(tenantId, cached);
        return { roster: cached, picked: picked.value, live };
      }
    }
    const roster = await this.routing.roster(manager, tenantId);
    this.keep(tenantId, roster);
    const picked = pick(roster);
    return { roster, picked: picked.value, live: await this.routing.live(manager, tenantId, picked.personIds) };
  }

  /** Most recently used last; the least recently used tenant goes beyond MAX_TENANTS. */
  private keep(tenantId: string, roster: Roster): void {
    this.rosters.delete(tenantId);
    this.rosters.set(tenantId, roster);
    if (this.rosters.size > MAX_TENANTS) this.rosters.delete(this.rosters.keys().next().value!);
  }
}
