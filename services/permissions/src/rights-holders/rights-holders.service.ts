import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '@warden/kernel';
import { RIGHT_NAMES } from '@warden/contracts';
import type { RightsHolders, RightsHoldersData, SignInRefusalEntry } from '@warden/contracts';
import { evaluatePerson, evaluateRight } from '../check/decision.policy';
import type { PersonFacts } from '../check/decision.policy';

interface HolderRow {
  person_id: string;
  groups: PersonFacts['groups'];
  overrides: PersonFacts['overrides'];
}

/**
 * Every active person of the tenant (or of `personIds`) with its groups and overrides, in one query;
 * each requested right is then evaluated by the check's own rules, so the answer is what a
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
export class RightsHoldersService {
  constructor(private readonly dataSource: DataSource) {}

  async holders(tenantId: string, data: RightsHoldersData): Promise<RightsHolders> {
    const rights = [...new Set(data.rights)];
    const personIds = data.personIds ?? null;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const version: Array<{ version: string }> = await manager.query('SELECT version FROM tenant_policy WHERE tenant_id = $1', [tenantId]);
      const rows: HolderRow[] = isUuid(tenantId) ? await manager.query(HOLDERS_SQL, [tenantId, personIds, RIGHT_NAMES]) : [];
      const holders: Record<string, string[]> = Object.fromEntries(rights.map((right) => [right, [] as string[]]));
      for (const row of rows) {
        const facts: PersonFacts = { known: true, deleted: false, groups: row.groups, overrides: row.overrides };
        if (evaluatePerson(facts, [])) continue;
        for (const right of rights) if (evaluateRight(right, facts, []).allowed) holders[right]!.push(row.person_id);
      }
      return { policyVersion: version[0] ? Number(version[0].version) : 0, holders };
    });
  }

  /** The people the sign-in would refuse, with the check's own code and reason (login bars, rights). */
  async signInRefusals(tenantId: string, personIds: string[] | null | undefined): Promise<SignInRefusalEntry[]> {
    if (!isUuid(tenantId)) return [];
    const rows: HolderRow[] = await this.dataSource.query(HOLDERS_SQL, [tenantId, personIds ?? null, RIGHT_NAMES]);
    const refusals: SignInRefusalEntry[] = [];
    for (const row of rows) {
      const verdict = evaluateRight('auth.login', { known: true, deleted: false, groups: row.groups, overrides: row.overrides }, []);
      if (!verdict.allowed) refusals.push({ personId: row.person_id, code: verdict.code, reason: verdict.reason });
    }
    return refusals;
  }
}
