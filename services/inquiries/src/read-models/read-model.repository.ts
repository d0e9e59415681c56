import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkSchedule } from '@warden/kernel';
import { bumpRosterVersion } from '../shared/roster-version';
import { queryRows } from '../shared/sql';

/** Rights the inquiries service keeps a local copy of (who holds them), for routing and realtime audiences. */
export const MIRRORED_RIGHTS = ['inquiries.assignable', 'inquiries.admin', 'branches.all'] as const;

export interface ContactRecord {
  contactId: string;
  fullName: string;
  responsibleEmployeeId: string | null;
  branchId: string | null;
  portalPersonId: string | null;
}

/**
 * The facts other services own, as this service last heard them. Every write is ordered by the
 * snapshot's `at`, so a late redelivery of an older snapshot never overwrites a newer one.
 */
@Injectable()
export class ReadModelRepository {
  async upsertEmployee(manager: EntityManager, tenantId: string, personId: string, fullName: string): Promise<void> {
    await bumpRosterVersion(manager, tenantId);
    await manager.query(
      `INSERT INTO employees (tenant_id, person_id, full_name) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET full_name = EXCLUDED.full_name`,
      [tenantId, personId, fullName],
    );
  }

  async deleteEmployee(manager: EntityManager, tenantId: string, personId: string, at: string): Promise<void> {
    await bumpRosterVersion(manager, tenantId);
    await manager.query(
      `INSERT INTO employees (tenant_id, person_id, deleted_at, online) VALUES ($1, $2, $3, false)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at, online = false`,
      [tenantId, personId, at],
    );
  }

  /**
   * The employee's work schedule (null: none), kept only if newer than the one held (by identity's version).
   * Part of the routing roster, so the roster version moves with it. Returns whether it was applied.
   */
  async setSchedule(
    manager: EntityManager,
    tenantId: string,
    personId: string,
    schedule: WorkSchedule | null,
    version: number,
  ): Promise<boolean> {
    await bumpRosterVersion(manager, tenantId);
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `INSERT INTO employees (tenant_id, person_id, schedule, schedule_version) VALUES ($1, $2, $3::jsonb, $4)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET schedule = EXCLUDED.schedule, schedule_version = EXCLUDED.schedule_version
       WHERE employees.schedule_version IS NULL OR employees.schedule_version < EXCLUDED.schedule_version
       RETURNING person_id`,
      [tenantId, personId, schedule === null ? null : JSON.stringify(schedule), version],
    );
    return rows.length > 0;
  }

  /** Returns true when the presence changed. People this service does not know as employees are skipped. */
  async setPresence(manager: EntityManager, tenantId: string, personId: string, online: boolean, at: string): Promise<boolean> {
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `UPDATE employees SET online = $3, presence_at = $4
       WHERE tenant_id = $1 AND person_id = $2 AND (presence_at IS NULL OR presence_at <= $4) RETURNING person_id`,
      [tenantId, personId, online, at],
    );
    return rows.length > 0;
  }

  async setBranches(
    manager: EntityManager,
    tenantId: string,
    personId: string,
    branches: { mainBranchId: string | null; additionalBranchIds: string[]; allBranches: boolean; at: string },
  ): Promise<void> {
    await bumpRosterVersion(manager, tenantId);
    await manager.query(
      `INSERT INTO employees (tenant_id, person_id, main_branch_id, additional_branch_ids, all_branches, branches_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id, person_id) DO UPDATE SET main_branch_id = EXCLUDED.main_branch_id,
         additional_branch_ids = EXCLUDED.additional_branch_ids, all_branches = EXCLUDED.all_branches, branches_at = EXCLUDED.branches_at
       WHERE employees.branches_at IS NULL OR employees.branches_at <= EXCLUDED.branches_at`,
      [tenantId, personId, branches.mainBranchId, branches.additionalBranchIds, branches.allBranches, branches.at],
    );
  }

  async upsertContact(manager: EntityManager, tenantId: string, contact: ContactRecord, at: string): Promise<void> {
    await manager.query(
      `INSERT INTO contacts (tenant_id, contact_id, full_name, responsible_employee_id, branch_id, portal_person_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, contact_id) DO UPDATE SET full_name = EXCLUDED.full_name,
         responsible_employee_id = EXCLUDED.responsible_employee_id, branch_id = EXCLUDED.branch_id,
         portal_person_id = EXCLUDED.portal_person_id, at = EXCLUDED.at
       WHERE contacts.at <= EXCLUDED.at`,
      [tenantId, contact.contactId, contact.fullName, contact.responsibleEmployeeId, contact.branchId, contact.portalPersonId, at],
    );
  }

  async contact(manager: EntityManager, tenantId: string, contactId: string): Promise<ContactRecord | null> {
    const rows: Array<{
      contact_id: string;
      full_name: string;
      responsible_employee_id: string | null;
      branch_id: string | null;
      portal_person_id: string | null;
    }> = await manager.query(
      `SELECT contact_id, full_name, responsible_employee_id, branch_id, portal_person_id FROM contacts WHERE tenant_id = $1 AND contact_id = $2`,
      [tenantId, contactId],
    );
    const row = rows[0];
    return row
      ? {
          contactId: row.contact_id,
          fullName: row.full_name,
          responsibleEmployeeId: row.responsible_employee_id,
          branchId: row.branch_id,
          portalPersonId: row.portal_person_id,
        }
      : null;
  }

  async contactOfPortalPerson(manager: EntityManager, tenantId: string, personId: string): Promise<string | null> {
    const rows: Array<{ contact_id: string }> = await manager.query(
      `SELECT contact_id FROM contacts WHERE tenant_id = $1 AND portal_person_id = $2 ORDER BY at DESC LIMIT 1`,
      [tenantId, personId],
    );
    return rows[0]?.contact_id ?? null;
  }

  /**
   * Replaces who holds the mirrored rights — for `personIds` only, or for the whole tenant — unless a
   * newer policy version was applied already.
   */
  async replaceRightHolders(
    manager: EntityManager,
    tenantId: string,
    personIds: string[] | null,
    holders: Record<string, string[]>,
    policyVersion: number,
  ): Promise<boolean> {
    await bumpRosterVersion(manager, tenantId);
    const applied: Array<{ policy_version: string }> = await manager.query(
      `INSERT INTO tenant_rights (tenant_id, policy_version) VALUES ($1, $2)
       ON CONFLICT (tenant_id) DO UPDATE SET policy_version = EXCLUDED.policy_version
       WHERE tenant_rights.policy_version <= EXCLUDED.policy_version RETURNING policy_version`,
      [tenantId, policyVersion],
    );
    if (applied.length === 0) return false;
    await manager.query(
      `DELETE FROM right_holders WHERE tenant_id = $1 AND "right" = ANY($2::text[]) AND ($3::uuid[] IS NULL OR person_id = ANY($3::uuid[]))`,
      [tenantId, [...MIRRORED_RIGHTS], personIds],
    );
    const rights: string[] = [];
    const people: string[] = [];
    for (const [right, holderIds] of Object.entries(holders)) {
      for (const personId of holderIds) {
        rights.push(right);
        people.push(personId);
      }
    }
    if (rights.length > 0) {
      await manager.query(
        `INSERT INTO right_holders (tenant_id, "right", person_id) SELECT $1, r, p FROM unnest($2::text[], $3::uuid[]) AS t(r, p) ON CONFLICT DO NOTHING`,
        [tenantId, rights, people],
      );
    }
    return true;
  }

  async holds(manager: EntityManager, tenantId: string, personId: string, right: (typeof MIRRORED_RIGHTS)[number]): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM right_holders WHERE tenant_id = $1 AND "right" = $2 AND person_id = $3`, [
      tenantId,
      right,
      personId,
    ]);
    return rows.length > 0;
  }
}
