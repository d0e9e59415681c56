import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryRows } from '@warden/persistence';
import type { EntityManager } from 'typeorm';
import type { AutomationActions, AutomationConditions, AutomationRuleView, AutomationTrigger } from '@warden/contracts';

interface RuleRow {
  id: string;
  name: string;
  trigger: AutomationTrigger;
  conditions: AutomationConditions;
  actions: AutomationActions;
  position: number;
  active: boolean;
  owner_id: string;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, trigger, conditions, actions, position, active, owner_id, created_at, updated_at';

function toView(row: RuleRow): AutomationRuleView {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    conditions: row.conditions,
    actions: row.actions,
    position: row.position,
    active: row.active,
    ownerId: row.owner_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export type RuleFields = Pick<AutomationRuleView, 'name' | 'trigger' | 'conditions' | 'actions' | 'position' | 'active'>;

/** Automation rules of one tenant; every query is scoped by the tenant id it is given. */
@Injectable()
export class AutomationRuleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(tenantId: string, manager: EntityManager = this.dataSource.manager): Promise<AutomationRuleView[]> {
    const rows: RuleRow[] = await manager.query(`SELECT ${COLUMNS} FROM automation_rules WHERE tenant_id = $1 ORDER BY position, id`, [
      tenantId,
    ]);
    return rows.map(toView);
  }

  /** The active rules a trigger runs, in the order they run. */
  async activeFor(manager: EntityManager, tenantId: string, trigger: AutomationTrigger): Promise<AutomationRuleView[]> {
    const rows: RuleRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM automation_rules WHERE tenant_id = $1 AND trigger = $2 AND active ORDER BY position, id`,
      [tenantId, trigger],
    );
    return rows.map(toView);
  }

  async get(tenantId: string, ruleId: string, manager: EntityManager = this.dataSource.manager): Promise<AutomationRuleView | null> {
    const rows: RuleRow[] = await manager.query(`SELECT ${COLUMNS} FROM automation_rules WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      ruleId,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  /** After the last rule of the tenant: where a rule created without a position goes. */
  async nextPosition(tenantId: string): Promise<number> {
    const rows: Array<{ next: number }> = await this.dataSource.query(
      'SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM automation_rules WHERE tenant_id = $1',
      [tenantId],
    );
    return rows[0]?.next ?? 0;
  }

  async insert(tenantId: string, id: string, ownerId: string, fields: RuleFields): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO automation_rules (id, tenant_id, name, trigger, conditions, actions, position, active, owner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        tenantId,
        fields.name,
        fields.trigger,
        JSON.stringify(fields.conditions),
        JSON.stringify(fields.actions),
        fields.position,
        fields.active,
        ownerId,
      ],
    );
  }

  async update(tenantId: string, id: string, fields: RuleFields): Promise<boolean> {
    const rows: unknown[] = await queryRows(
      this.dataSource,
      `UPDATE automation_rules SET name = $3, trigger = $4, conditions = $5, actions = $6, position = $7, active = $8, updated_at = now()
       WHERE tenant_id = $1 AND id = $2 RETURNING id`,
      [
        tenantId,
        id,
        fields.name,
        fields.trigger,
        JSON.stringify(fields.conditions),
        JSON.stringify(fields.actions),
        fields.position,
        fields.active,
      ],
    );
    return rows.length > 0;
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    const rows: unknown[] = await queryRows(this.dataSource, 'DELETE FROM automation_rules WHERE tenant_id = $1 AND id = $2 RETURNING id', [
      tenantId,
      id,
    ]);
    return rows.length > 0;
  }
}
