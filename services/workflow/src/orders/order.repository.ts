import { likePattern } from '@warden/persistence';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { sightCondition } from './order-sight.filter';
import type {
  OrderHistoryEntry,
  OrderHistoryKind,
  OrderScope,
  OrderTagsChange,
  OrderView,
  RecordedDecision,
  StatusCategory,
} from '@warden/contracts';
import { queryRows } from '@warden/persistence';

interface OrderRow {
  id: string;
  number: number;
  title: string;
  description: string;
  client_ref: string | null;
  responsible_id: string | null;
  workflow_id: string;
  status_id: string;
  status_name: string;
  status_category: StatusCategory;
  status_color: string;
  department_id: string | null;
  client_contact_id: string | null;
  client_company_id: string | null;
  equipment_id: string | null;
  inbound_message_id: string | null;
  channel_id: string | null;
  tags: string[];
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

interface HistoryRow {
  id: string;
  kind: OrderHistoryKind;
  from_department_id: string | null;
  to_department_id: string | null;
  from_status_id: string | null;
  from_status_name: string | null;
  to_status_id: string;
  to_status_name: string;
  actor_id: string | null;
  at: Date;
  decision: RecordedDecision | null;
  from_responsible_id: string | null;
  to_responsible_id: string | null;
  tags_added: string[] | null;
  tags_removed: string[] | null;
  automation_rule_id: string | null;
  note: string | null;
}

export interface StatusRecord {
  id: string;
  workflowId: string;
  name: string;
  category: StatusCategory;
  position: number;
  archived: boolean;
}

export interface OrderListQuery {
  statusIds: string[];
  scope: OrderScope;
  departmentId?: string;
  clientCompanyId?: string;
  search?: string;
  /** A normalised tag (order-tags.policy.ts) the order must have. */
  tag?: string;
  afterId?: string;
  limit: number;
}

export interface NewOrder {
  id: string;
  title: string;
  description: string;
  clientRef: string | null;
  responsibleId: string | null;
  workflowId: string;
  status: StatusRecord;
  createdBy: string | null;
  departmentId: string | null;
  clientContactId: string | null;
  clientCompanyId: string | null;
  equipmentId: string | null;
  inboundMessageId: string | null;
  channelId: string | null;
  /** Normalised (order-tags.policy.ts). */
  tags: string[];
}

/** The client part of an order: the contact, its company, and equipment of that company. */
export interface OrderClient {
  clientContactId: string | null;
  clientCompanyId: string | null;
  equipmentId: string | null;
}

const ORDER_COLUMNS = `o.id, o.number, o.title, o.description, o.client_ref, o.responsible_id, o.workflow_id, o.status_id,
  s.name AS status_name, s.category AS status_category, s.color AS status_color, o.department_id, o.client_contact_id,
  o.client_company_id, o.equipment_id, o.inbound_message_id, o.channel_id, o.tags, o.version, o.created_by,
  o.created_at, o.updated_at, o.closed_at`;

function toView(row: OrderRow): OrderView {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    clientRef: row.client_ref,
    responsibleId: row.responsible_id,
    workflowId: row.workflow_id,
    status: { id: row.status_id, name: row.status_name, category: row.status_category, color: row.status_color },
    departmentId: row.department_id,
    clientContactId: row.client_contact_id,
    clientCompanyId: row.client_company_id,
    equipmentId: row.equipment_id,
    inboundMessageId: row.inbound_message_id,
    channelId: row.channel_id,
    tags: row.tags,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
  };
}

/** Orders of one tenant; every query is scoped by the tenant id it is given. */
@Injectable()
export class OrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * With `lock`, the order row is locked by a statement of its own first: a `FOR UPDATE OF o` on the
   * join would, after waiting for a concurrent status change, re-check the join against the status
   * row of its old snapshot and find no order at all (a 404 for an order that exists). The read
   * after the lock sees the committed change, so the caller compares against the real status.
   */
  async get(tenantId: string, orderId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<OrderView | null> {
    if (lock) await manager.query('SELECT 1 FROM orders WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenantId, orderId]);
    const rows: OrderRow[] = await manager.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o JOIN statuses s ON s.id = o.status_id WHERE o.tenant_id = $1 AND o.id = $2`,
      [tenantId, orderId],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async status(tenantId: string, statusId: string, manager: EntityManager = this.dataSource.manager): Promise<StatusRecord | null> {
    const rows: Array<{ id: string; workflow_id: string; name: string; category: StatusCategory; position: number; archived: boolean }> =
      await manager.query(
        `SELECT id, workflow_id, name, category, position, archived_at IS NOT NULL AS archived FROM statuses WHERE tenant_id = $1 AND id = $2`,
        [tenantId, statusId],
      );
    const row = rows[0];
    return row
      ? { id: row.id, workflowId: row.workflow_id, name: row.name, category: row.category, position: row.position, archived: row.archived }
      : null;
  }

  async firstInitialStatus(tenantId: string, workflowId: string, manager: EntityManager): Promise<StatusRecord | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM statuses WHERE tenant_id = $1 AND workflow_id = $2 AND category = 'initial' AND archived_at IS NULL
       ORDER BY position, id LIMIT 1`,
      [tenantId, workflowId],
    );
    return rows[0] ? this.status(tenantId, rows[0].id, manager) : null;
  }

  async initialStatuses(tenantId: string, workflowId: string, manager: EntityManager): Promise<Array<{ id: string; name: string }>> {
    return manager.query(
      `SELECT id, name FROM statuses WHERE tenant_id = $1 AND workflow_id = $2 AND category = 'initial' AND archived_at IS NULL
       ORDER BY position, id`,
      [tenantId, workflowId],
    );
  }

  async orderWorkflowExists(tenantId: string, workflowId: string, manager: EntityManager): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM workflows WHERE tenant_id = $1 AND id = $2 AND kind = 'order'`, [
      tenantId,
      workflowId,
    ]);
    return rows.length > 0;
  }

  /**
   * Gives a new order (inserted without one) the tenant's next number, then counts it in its status and department:
   * the last writes of its transaction, as the counter and count rows stay locked until the commit. Taken in this
   * order (counter, status count, department count) by every creation.
   */
  async numberAndCount(
    manager: EntityManager,
    tenantId: string,
    order: { id: string; statusId: string; departmentId: string | null },
  ): Promise<number> {
    const rows = await queryRows<{ number: number }>(
      manager,
      `WITH next AS (
         INSERT INTO order_counters (tenant_id, last_number) VALUES ($1, 1)
         ON CONFLICT (tenant_id) DO UPDATE SET last_number = order_counters.last_number + 1 RETURNING last_number)
       UPDATE orders SET number = next.last_number FROM next WHERE orders.tenant_id = $1 AND orders.id = $2 RETURNING orders.number`,
      [tenantId, order.id],
    );
    await this.adjustCounts(manager, tenantId, [{ statusId: order.statusId, delta: 1 }]);
    if (order.departmentId) {
      await this.adjustDepartmentCounts(manager, tenantId, [{ departmentId: order.departmentId, statusId: order.statusId, delta: 1 }]);
    }
    return rows[0]!.number;
  }

  /** The order's row, without its number and uncounted: numberAndCount does both at the end of the transaction. */
  async insert(manager: EntityManager, tenantId: string, order: NewOrder): Promise<void> {
    await manager.query(
      `INSERT INTO orders (id, tenant_id, number, title, description, client_ref, responsible_id, workflow_id, status_id, created_by, closed_at,
         department_id, client_contact_id, client_company_id, equipment_id, inbound_message_id, channel_id, tags)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $11 THEN now() END, $12, $13, $14, $15, $16, $17, $18::text[])`,
      [
        order.id,
        tenantId,
        null,
        order.title,
        order.description,
        order.clientRef,
        order.responsibleId,
        order.workflowId,
        order.status.id,
        order.createdBy,
        order.status.category === 'final',
        order.departmentId,
        order.clientContactId,
        order.clientCompanyId,
        order.equipmentId,
        order.inboundMessageId,
        order.channelId,
        order.tags,
      ],
    );
  }

  async updateFields(
    manager: EntityManager,
    tenantId: string,
    orderId: string,
    changes: { title?: string; description?: string; clientRef?: string | null; responsibleId?: string | null; tags?: string[] },
    client: OrderClient,
  ): Promise<void> {
    await manager.query(
      `UPDATE orders SET
         title = CASE WHEN $3 THEN $4 ELSE title END,
         description = CASE WHEN $5 THEN $6 ELSE description END,
         client_ref = CASE WHEN $7 THEN $8 ELSE client_ref END,
         responsible_id = CASE WHEN $9 THEN $10::uuid ELSE responsible_id END,
         client_contact_id = $11, client_company_id = $12, equipment_id = $13,
         tags = CASE WHEN $14 THEN $15::text[] ELSE tags END,
         version = version + 1, updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [
        tenantId,
        orderId,
        changes.title !== undefined,
        changes.title ?? null,
        changes.description !== undefined,
        changes.description ?? null,
        changes.clientRef !== undefined,
        changes.clientRef ?? null,
        changes.responsibleId !== undefined,
        changes.responsibleId ?? null,
        client.clientContactId,
        client.clientCompanyId,
        client.equipmentId,
        changes.tags !== undefined,
        changes.tags ?? null,
      ],
    );
  }

  async moveToDepartment(manager: EntityManager, tenantId: string, order: OrderView, departmentId: string): Promise<void> {
    await manager.query(
      `UPDATE orders SET department_id = $3, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [tenantId, order.id, departmentId],
    );
    await this.adjustDepartmentCounts(manager, tenantId, [
      ...(order.departmentId ? [{ departmentId: order.departmentId, statusId: order.status.id, delta: -1 }] : []),
      { departmentId, statusId: order.status.id, delta: 1 },
    ]);
  }

  async byInboundMessage(manager: EntityManager, tenantId: string, inboundMessageId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query('SELECT id FROM orders WHERE tenant_id = $1 AND inbound_message_id = $2', [
      tenantId,
      inboundMessageId,
    ]);
    return rows[0]?.id ?? null;
  }

  async moveToStatus(manager: EntityManager, tenantId: string, order: OrderView, to: StatusRecord): Promise<void> {
    await manager.query(
      `UPDATE orders SET status_id = $3, version = version + 1, updated_at = now(),
         closed_at = CASE WHEN $4 THEN now() END
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, order.id, to.id, to.category === 'final'],
    );
    await this.adjustCounts(manager, tenantId, [
      { statusId: order.status.id, delta: -1 },
      { statusId: to.id, delta: 1 },
    ]);
    if (order.departmentId) {
      await this.adjustDepartmentCounts(manager, tenantId, [
        { departmentId: order.departmentId, statusId: order.status.id, delta: -1 },
        { departmentId: order.departmentId, statusId: to.id, delta: 1 },
      ]);
    }
  }

  async addHistory(
    manager: EntityManager,
    tenantId: string,
    entry: {
      id: string;
      orderId: string;
      from: { id: string; name: string } | null;
      to: { id: string; name: string };
      actorId: string | null;
      decision: RecordedDecision | null;
      /** A transfer: the status stays (`from` = `to`), the department changes. */
      department?: { from: string | null; to: string };
      /** A change of the responsible employee (the status stays). */
      responsible?: { from: string | null; to: string | null };
      /** Tags added and removed (the status stays). */
      tags?: OrderTagsChange;
      /** Written by an automation rule; with a note and nothing else, the rule did nothing, or asked for an email. */
      automation?: { ruleId: string; note: string | null };
    },
  ): Promise<void> {
    const kind: OrderHistoryKind = entry.department
      ? 'transfer'
      : entry.responsible
        ? 'responsible'
        : entry.tags
          ? 'tags'
          : entry.automation?.note
            ? 'automation'
            : 'status';
    await manager.query(
      `INSERT INTO order_history (id, order_id, tenant_id, from_status_id, from_status_name, to_status_id, to_status_name, actor_id, decision,
         kind, from_department_id, to_department_id, from_responsible_id, to_responsible_id, automation_rule_id, note, tags_added, tags_removed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::text[], $18::text[])`,
      [
        entry.id,
        entry.orderId,
        tenantId,
        entry.from?.id ?? null,
        entry.from?.name ?? null,
        entry.to.id,
        entry.to.name,
        entry.actorId,
        entry.decision ? JSON.stringify(entry.decision) : null,
        kind,
        entry.department?.from ?? null,
        entry.department?.to ?? null,
        entry.responsible?.from ?? null,
        entry.responsible?.to ?? null,
        entry.automation?.ruleId ?? null,
        entry.automation?.note ?? null,
        entry.tags?.added ?? null,
        entry.tags?.removed ?? null,
      ],
    );
  }

  async history(tenantId: string, orderId: string): Promise<OrderHistoryEntry[]> {
    const rows: HistoryRow[] = await this.dataSource.query(
      `SELECT id, kind, from_status_id, from_status_name, to_status_id, to_status_name, actor_id, at, decision, from_department_id, to_department_id,
         from_responsible_id, to_responsible_id, automation_rule_id, note, tags_added, tags_removed
       FROM order_history WHERE tenant_id = $1 AND order_id = $2 ORDER BY id`,
      [tenantId, orderId],
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      from: row.from_status_id ? { id: row.from_status_id, name: row.from_status_name ?? '' } : null,
      to: { id: row.to_status_id, name: row.to_status_name },
      actorId: row.actor_id,
      at: row.at.toISOString(),
      decision: row.decision,
      department: row.kind === 'transfer' ? { from: row.from_department_id, to: row.to_department_id } : null,
      responsible: row.kind === 'responsible' ? { from: row.from_responsible_id, to: row.to_responsible_id } : null,
      tags: row.kind === 'tags' ? { added: row.tags_added ?? [], removed: row.tags_removed ?? [] } : null,
      automation: row.automation_rule_id ? { ruleId: row.automation_rule_id, note: row.note } : null,
    }));
  }

  /**
   * Newest first, only what the scope lets the caller see. The whole visibility rule is part of the
   * SQL so the database reads just those rows; `limit + 1` rows tell whether another page exists.
   */
  async list(tenantId: string, query: OrderListQuery): Promise<OrderView[]> {
    const { sql, params } = this.filter(tenantId, query);
    const rows: OrderRow[] = await this.dataSource.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o JOIN statuses s ON s.id = o.status_id
       WHERE ${sql}${query.afterId ? ` AND o.id < $${params.length + 1}` : ''}
       ORDER BY o.id DESC LIMIT ${query.limit + 1}`,
      query.afterId ? [...params, query.afterId] : params,
    );
    return rows.map(toView);
  }

  /**
   * Orders under the same filter. Without a search or an explicit filter, counters answer for
   * employees: the per-status counts, minus the orders of departments the caller does not see
   * (per-department counters exist only for orders that have a department, so orders without one
   * need none), plus the orders of managed companies in those departments (a small index range).
   * A contact's own orders and filtered lists are counted under the filter.
   */
  async count(tenantId: string, query: OrderListQuery): Promise<number> {
    const { scope } = query;
    if (query.search || query.tag || query.departmentId || query.clientCompanyId || scope.contactId)
      return this.countFiltered(tenantId, query);
    if (scope.departmentIds === 'all') {
      return this.total(
        `SELECT COALESCE(sum(count), 0) AS total FROM order_status_counts WHERE tenant_id = $1 AND status_id = ANY($2::uuid[])`,
        [tenantId, query.statusIds],
      );
    }
    // One statement, one snapshot: all visible statuses - departments not seen + managed companies' orders in those.
    return this.total(
      `SELECT (SELECT COALESCE(sum(count), 0) FROM order_status_counts WHERE tenant_id = $1 AND status_id = ANY($2::uuid[]))
            - (SELECT COALESCE(sum(count), 0) FROM order_department_counts
                WHERE tenant_id = $1 AND status_id = ANY($2::uuid[]) AND NOT (department_id = ANY($3::uuid[])))
            + (SELECT count(*) FROM orders o
                WHERE o.tenant_id = $1 AND o.client_company_id = ANY($4::uuid[]) AND o.status_id = ANY($2::uuid[])
                  AND o.department_id IS NOT NULL AND NOT (o.department_id = ANY($3::uuid[]))) AS total`,
      [tenantId, query.statusIds, scope.departmentIds, scope.managedCompanyIds],
    );
  }

  private async countFiltered(tenantId: string, query: OrderListQuery): Promise<number> {
    const { sql, params } = this.filter(tenantId, query);
    return this.total(`SELECT count(*) AS total FROM orders o WHERE ${sql}`, params);
  }

  private async total(sql: string, params: unknown[]): Promise<number> {
    const rows: Array<{ total: string }> = await this.dataSource.query(sql, params);
    return Number(rows[0]?.total ?? 0);
  }

  /** tenant AND the visibility rule (order-sight.filter.ts) AND the caller's own filters. */
  private filter(tenantId: string, query: OrderListQuery): { sql: string; params: unknown[] } {
    const params: unknown[] = [tenantId];
    const next = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    let sql = `o.tenant_id = $1 AND ${sightCondition({ statusIds: query.statusIds, scope: query.scope }, next)}`;
    if (query.departmentId) sql += ` AND o.department_id = ${next(query.departmentId)}`;
    if (query.clientCompanyId) sql += ` AND o.client_company_id = ${next(query.clientCompanyId)}`;
    // Containment, so the GIN index on tags answers it (migrations/1735500000000-add-order-tags.migration.ts).
    if (query.tag) sql += ` AND o.tags @> ARRAY[${next(query.tag)}]::text[]`;
    const search = query.search;
    if (search) {
      const byTitle = `o.title ILIKE ${next(likePattern(search))}`;
      sql += /^\d{1,9}$/.test(search) ? ` AND (o.number = ${next(Number(search))} OR ${byTitle})` : ` AND ${byTitle}`;
    }
    return { sql, params };
  }

  /*
   * Counter rows are locked in one global order, or two crossing changes (X→Y beside Y→X) would
   * each hold one row and wait for the other: every write takes the order row first, then its
   * status counters sorted by status id in one statement, then its department counters sorted by
   * (department, status) in one statement.
   */
  private async adjustDepartmentCounts(
    manager: EntityManager,
    tenantId: string,
    changes: Array<{ departmentId: string; statusId: string; delta: number }>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO order_department_counts (tenant_id, department_id, status_id, count)
       SELECT $1, c.department_id, c.status_id, c.delta FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS c(department_id, status_id, delta)
       ORDER BY c.department_id, c.status_id
       ON CONFLICT (tenant_id, department_id, status_id) DO UPDATE SET count = order_department_counts.count + EXCLUDED.count`,
      [tenantId, changes.map((c) => c.departmentId), changes.map((c) => c.statusId), changes.map((c) => c.delta)],
    );
  }

  private async adjustCounts(manager: EntityManager, tenantId: string, changes: Array<{ statusId: string; delta: number }>): Promise<void> {
    await manager.query(
      `INSERT INTO order_status_counts (tenant_id, status_id, count)
       SELECT $1, c.status_id, c.delta FROM unnest($2::uuid[], $3::int[]) AS c(status_id, delta) ORDER BY c.status_id
       ON CONFLICT (tenant_id, status_id) DO UPDATE SET count = order_status_counts.count + EXCLUDED.count`,
      [tenantId, changes.map((c) => c.statusId), changes.map((c) => c.delta)],
    );
  }
}
