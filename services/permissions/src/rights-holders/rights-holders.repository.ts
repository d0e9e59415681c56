import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RIGHT_NAMES } from '@warden/contracts';
import type { PersonFacts } from '../check/decision.policy';

/** An active person with what its rights are decided from. */
export interface HolderFacts {
  personId: string;
  facts: PersonFacts;
}

interface HolderRow {
  person_id: string;
  groups: PersonFacts['groups'];
  overrides: PersonFacts['overrides'];
}

/**
 * Every active person of the tenant (or of `personIds`) with its groups and overrides, in one query;
 * the handlers then evaluate each right by the check's own rules, so the answer is what a
 * `permissions.check` per person would have said.
 */
const HOLDERS_SQL = `
  SELECT p.person_id,
         COALESCE((SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'rights', CASE WHEN g.system_key = 'administrator' THEN $3::text[] ELSE g.rights END, 'loginBarred', g.login_barred))
                   FROM group_members m JOIN groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
                   WHERE m.tenant_id = p.tenant_id AND m.person_id = p.person_id), '[]'::json) AS groups,
         COALESCE((SELECT json_agg(json_build_object('right', o.right, 'effect', o.effect))
                   FROM right_overrides o WHERE o.tenant_id = p.tenant_id AND o.person_id = p.person_id), '[]'::json) AS overrides
  FROM persons p
  WHERE p.tenant_id = $1 AND p.deleted_at IS NULL AND ($2::uuid[] IS NULL OR p.person_id = ANY($2::uuid[]))`;

@Injectable()
export class RightsHoldersRepository {
  async activePeople(manager: EntityManager, tenantId: string, personIds: readonly string[] | null): Promise<HolderFacts[]> {
    const rows: HolderRow[] = await manager.query(HOLDERS_SQL, [tenantId, personIds, RIGHT_NAMES]);
    return rows.map((row) => ({
      personId: row.person_id,
      facts: { known: true, deleted: false, groups: row.groups, overrides: row.overrides },
    }));
  }
}
