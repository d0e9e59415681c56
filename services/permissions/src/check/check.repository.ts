import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { FactsCache } from '../policy/facts.cache';
import { RIGHT_NAMES } from '@warden/contracts';
import type { PersonKind } from '@warden/contracts';
import type { PersonFacts } from './decision.policy';

interface FactsRow {
  known: boolean;
  kind: PersonKind | null;
  deleted: boolean;
  policy_version: string | null;
  groups: PersonFacts['groups'];
  overrides: PersonFacts['overrides'];
}

export interface LoadedFacts extends PersonFacts {
  policyVersion: number;
  /** Employee or portal contact; null for a person not known here. */
  kind: PersonKind | null;
}

/**
 * Everything a decision needs, in one round trip and one snapshot: the person, its groups with
 * their rights and flags, its personal overrides and the tenant's policy version. Each part is an
 * index lookup on (tenant_id, person_id) — this is the hot path of every request. The Administrator
 * group holds the whole catalog ($3), rights added after it was created included (as its view shows).
 */
const FACTS_SQL = `
  SELECT p.person_id IS NOT NULL AS known,
         p.kind,
         p.deleted_at IS NOT NULL AS deleted,
         (SELECT version FROM tenant_policy WHERE tenant_id = $1) AS policy_version,
         COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', g.name,
                                                     'rights', CASE WHEN g.system_key = 'administrator' THEN $3::text[] ELSE g.rights END,
                                                     'loginBarred', g.login_barred) ORDER BY g.name)
                   FROM group_members m JOIN groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
                   WHERE m.tenant_id = $1 AND m.person_id = $2), '[]'::json) AS groups,
         COALESCE((SELECT json_agg(json_build_object('right', o.right, 'effect', o.effect))
                   FROM right_overrides o WHERE o.tenant_id = $1 AND o.person_id = $2), '[]'::json) AS overrides
  FROM (SELECT 1) AS one
  LEFT JOIN persons p ON p.tenant_id = $1 AND p.person_id = $2`;

@Injectable()
export class CheckRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: FactsCache,
  ) {}

  /**
   * The person's facts. Without a manager from the cache (a person not yet known is not kept: its
   * arrival bumps no version); with one, always from that transaction.
   */
  load(tenantId: string, personId: string, manager?: EntityManager): Promise<LoadedFacts> {
    if (manager) return this.query(tenantId, personId, manager);
    return this.cache.person(
      tenantId,
      personId,
      'rights',
      () => this.query(tenantId, personId, this.dataSource.manager),
      (facts) => facts.known,
    );
  }

  private async query(tenantId: string, personId: string, manager: EntityManager): Promise<LoadedFacts> {
    const rows: FactsRow[] = await manager.query(FACTS_SQL, [tenantId, personId, RIGHT_NAMES]);
    const row = rows[0]!;
    return {
      known: row.known,
      kind: row.kind,
      deleted: row.deleted,
      groups: row.groups,
      overrides: row.overrides,
      policyVersion: row.policy_version === null ? 0 : Number(row.policy_version),
    };
  }
}
