import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { DEFAULT_GROUPS, RIGHT_NAMES } from '@warden/contracts';
import type { GroupRef, GroupView, Right } from '@warden/contracts';
import { isUniqueViolation, queryRows } from '@warden/persistence';
import { defaultGroupLevel } from '../status-access/status-levels.policy';
import { GroupErrors } from './groups.errors';

export type SystemKey = 'administrator' | 'employee' | 'client';

interface GroupRow {
  id: string;
  name: string;
  system_key: SystemKey | null;
  rights: string[];
  login_barred: boolean;
  member_count: string;
  created_at: Date;
  updated_at: Date;
}

export interface NewGroup {
  id: string;
  name: string;
  systemKey: SystemKey | null;
  rights: Right[];
  loginBarred: boolean;
}

// The Administrator group always has the whole catalog, including rights added after it was created.
const SELECT_GROUPS = `
  SELECT g.id, g.name, g.system_key, CASE WHEN g.system_key = 'administrator' THEN $2::text[] ELSE g.rights END AS rights,
         g.login_barred, g.created_at, g.updated_at,
         (SELECT count(*) FROM group_members m WHERE m.tenant_id = g.tenant_id AND m.group_id = g.id) AS member_count
  FROM groups g`;

function toView(row: GroupRow): GroupView {
  return {
    id: row.id,
    name: row.name,
    systemKey: row.system_key,
    rights: row.rights as Right[],
    loginBarred: row.login_barred,
    memberCount: Number(row.member_count),
    defaultLevels: {
      order: {
        initial: defaultGroupLevel(row.system_key, 'initial'),
        active: defaultGroupLevel(row.system_key, 'active'),
        final: defaultGroupLevel(row.system_key, 'final'),
      },
      task: defaultGroupLevel(row.system_key, 'initial', 'task'),
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Groups and memberships of one tenant; every statement is scoped by tenant_id. */
@Injectable()
export class GroupsRepository {
  async list(manager: EntityManager, tenantId: string): Promise<GroupView[]> {
    const rows: GroupRow[] = await manager.query(`${SELECT_GROUPS} WHERE g.tenant_id = $1 ORDER BY lower(g.name)`, [tenantId, RIGHT_NAMES]);
    return rows.map(toView);
  }

  /** `lock` takes the group's row lock so concurrent membership changes of one group queue up. */
  async find(manager: EntityManager, tenantId: string, groupId: string, lock = false): Promise<GroupView | null> {
    const rows: GroupRow[] = await manager.query(`${SELECT_GROUPS} WHERE g.tenant_id = $1 AND g.id = $3${lock ? ' FOR UPDATE OF g' : ''}`, [
      tenantId,
      RIGHT_NAMES,
      groupId,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async findMany(manager: EntityManager, tenantId: string, groupIds: readonly string[]): Promise<GroupView[]> {
    const rows: GroupRow[] = await manager.query(
      `${SELECT_GROUPS} WHERE g.tenant_id = $1 AND g.id = ANY($3::uuid[]) ORDER BY lower(g.name)`,
      [tenantId, RIGHT_NAMES, groupIds],
    );
    return rows.map(toView);
  }

  async findBySystemKey(manager: EntityManager, tenantId: string, key: SystemKey, lock = false): Promise<GroupView | null> {
    const rows: GroupRow[] = await manager.query(
      `${SELECT_GROUPS} WHERE g.tenant_id = $1 AND g.system_key = $3${lock ? ' FOR UPDATE OF g' : ''}`,
      [tenantId, RIGHT_NAMES, key],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async insert(manager: EntityManager, tenantId: string, group: NewGroup): Promise<void> {
    try {
      await manager.query('INSERT INTO groups (id, tenant_id, name, system_key, rights, login_barred) VALUES ($1, $2, $3, $4, $5, $6)', [
        group.id,
        tenantId,
        group.name,
        group.systemKey,
        group.rights,
        group.loginBarred,
      ]);
    } catch (error) {
      if (isUniqueViolation(error, 'groups_tenant_name_uq')) throw GroupErrors.nameTaken(group.name);
      throw error;
    }
  }

  /** Creates a default group unless the tenant already has the group with that key (idempotent). */
  async insertSystemGroup(manager: EntityManager, tenantId: string, group: NewGroup): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO groups (id, tenant_id, name, system_key, rights, login_barred) VALUES ($1, $2, $3, $4, $5, false)
       ON CONFLICT DO NOTHING RETURNING id`,
      [group.id, tenantId, group.name, group.systemKey, group.rights],
    );
    return rows.length > 0;
  }

  /** Creates the default groups the tenant lacks; true when any was created. */
  async ensureDefaultGroups(manager: EntityManager, tenantId: string): Promise<boolean> {
    let created = false;
    for (const group of DEFAULT_GROUPS) {
      const inserted = await this.insertSystemGroup(manager, tenantId, {
        id: newId(),
        name: group.name,
        systemKey: group.key,
        rights: [...group.rights],
        loginBarred: false,
      });
      created ||= inserted;
    }
    return created;
  }

  async update(
    manager: EntityManager,
    tenantId: string,
    groupId: string,
    changes: { name?: string; rights?: Right[]; loginBarred?: boolean },
  ): Promise<void> {
    try {
      await manager.query(
        `UPDATE groups SET name = COALESCE($3, name), rights = COALESCE($4::text[], rights), login_barred = COALESCE($5, login_barred), updated_at = now()
         WHERE tenant_id = $1 AND id = $2`,
        [tenantId, groupId, changes.name ?? null, changes.rights ?? null, changes.loginBarred ?? null],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'groups_tenant_name_uq')) throw GroupErrors.nameTaken(changes.name ?? '');
      throw error;
    }
  }

  async memberIds(manager: EntityManager, tenantId: string, groupId: string): Promise<string[]> {
    const rows: Array<{ person_id: string }> = await manager.query(
      'SELECT person_id FROM group_members WHERE tenant_id = $1 AND group_id = $2 ORDER BY person_id',
      [tenantId, groupId],
    );
    return rows.map((row) => row.person_id);
  }

  /** Adds the people not yet members; returns who was actually added. */
  async addMembers(manager: EntityManager, tenantId: string, groupId: string, personIds: readonly string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows: Array<{ person_id: string }> = await manager.query(
      `INSERT INTO group_members (tenant_id, group_id, person_id) SELECT $1, $2, unnest($3::uuid[])
       ON CONFLICT DO NOTHING RETURNING person_id`,
      [tenantId, groupId, personIds],
    );
    return rows.map((row) => row.person_id);
  }

  /** Removes the people who are members; returns who was actually removed. */
  async removeMembers(manager: EntityManager, tenantId: string, groupId: string, personIds: readonly string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await queryRows<{ person_id: string }>(
      manager,
      'DELETE FROM group_members WHERE tenant_id = $1 AND group_id = $2 AND person_id = ANY($3::uuid[]) RETURNING person_id',
      [tenantId, groupId, personIds],
    );
    return rows.map((row) => row.person_id);
  }

  /** Active (not deleted) members of a group other than `excluding`. */
  async countActiveMembers(manager: EntityManager, tenantId: string, groupId: string, excluding: readonly string[]): Promise<number> {
    const rows: Array<{ count: string }> = await manager.query(
      `SELECT count(*) FROM group_members m JOIN persons p ON p.tenant_id = m.tenant_id AND p.person_id = m.person_id
       WHERE m.tenant_id = $1 AND m.group_id = $2 AND p.deleted_at IS NULL AND NOT (m.person_id = ANY($3::uuid[]))`,
      [tenantId, groupId, excluding],
    );
    return Number(rows[0]!.count);
  }

  /** Which of these people are in a group barred from login (any barred group bars, whatever their other groups). */
  async barredAmong(manager: EntityManager, tenantId: string, personIds: readonly string[]): Promise<string[]> {
    if (personIds.length === 0) return [];
    const rows = await queryRows<{ person_id: string }>(
      manager,
      `SELECT DISTINCT m.person_id FROM group_members m JOIN groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
       WHERE m.tenant_id = $1 AND m.person_id = ANY($2::uuid[]) AND g.login_barred ORDER BY m.person_id`,
      [tenantId, personIds],
    );
    return rows.map((row) => row.person_id);
  }

  async groupsOf(manager: EntityManager, tenantId: string, personIds: readonly string[]): Promise<Record<string, GroupRef[]>> {
    const result: Record<string, GroupRef[]> = Object.fromEntries(personIds.map((personId) => [personId, [] as GroupRef[]]));
    if (personIds.length === 0) return result;
    const rows: Array<{ person_id: string; id: string; name: string }> = await manager.query(
      `SELECT m.person_id, g.id, g.name FROM group_members m JOIN groups g ON g.tenant_id = m.tenant_id AND g.id = m.group_id
       WHERE m.tenant_id = $1 AND m.person_id = ANY($2::uuid[]) ORDER BY lower(g.name)`,
      [tenantId, personIds],
    );
    for (const row of rows) result[row.person_id]?.push({ id: row.id, name: row.name });
    return result;
  }
}
