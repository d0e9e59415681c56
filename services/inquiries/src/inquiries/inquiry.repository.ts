import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { InquiryScope, InquiryStatus, InquiryView } from '@warden/contracts';

export interface InquiryRecord {
  id: string;
  contactId: string;
  branchId: string | null;
  status: InquiryStatus;
  assigneeId: string | null;
  assignedAt: Date | null;
  waitingSince: Date | null;
  createdAt: Date;
  closedAt: Date | null;
  lastMessageAt: Date | null;
}

interface InquiryRow {
  id: string;
  contact_id: string;
  branch_id: string | null;
  status: InquiryStatus;
  assignee_id: string | null;
  assigned_at: Date | null;
  waiting_since: Date | null;
  created_at: Date;
  closed_at: Date | null;
  last_message_at: Date | null;
}

const COLUMNS = `i.id, i.contact_id, i.branch_id, i.status, i.assignee_id, i.assigned_at, i.waiting_since, i.created_at, i.closed_at, c.last_message_at`;

function toRecord(row: InquiryRow): InquiryRecord {
  return {
    id: row.id,
    contactId: row.contact_id,
    branchId: row.branch_id,
    status: row.status,
    assigneeId: row.assignee_id,
    assignedAt: row.assigned_at,
    waitingSince: row.waiting_since,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    lastMessageAt: row.last_message_at,
  };
}

export function toInquiryView(record: InquiryRecord): InquiryView {
  return {
    id: record.id,
    contactId: record.contactId,
    branchId: record.branchId,
    status: record.status,
    assigneeId: record.assigneeId,
    assignedAt: record.assignedAt?.toISOString() ?? null,
    waitingSince: record.waitingSince?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
    closedAt: record.closedAt?.toISOString() ?? null,
    lastMessageAt: record.lastMessageAt?.toISOString() ?? null,
  };
}

export interface InquiryListQuery {
  status?: InquiryStatus;
  assigneeId?: string;
  afterId?: string;
  limit: number;
  /** What the viewer may see, as the permissions service answered: its assignments, its own as a client, a chat administrator's branches. */
  scope: InquiryScope;
}

@Injectable()
export class InquiryRepository {
  async insert(
    manager: EntityManager,
    tenantId: string,
    inquiry: { id: string; contactId: string; branchId: string | null; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO inquiries (id, tenant_id, contact_id, branch_id, status, waiting_since, created_at) VALUES ($1, $2, $3, $4, 'waiting', $5, $5)`,
      [inquiry.id, tenantId, inquiry.contactId, inquiry.branchId, inquiry.at],
    );
  }

  async get(manager: EntityManager, tenantId: string, inquiryId: string, lock = false): Promise<InquiryRecord | null> {
    const rows: InquiryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM inquiries i JOIN conversations c ON c.id = i.id WHERE i.tenant_id = $1 AND i.id = $2${lock ? ' FOR UPDATE OF i' : ''}`,
      [tenantId, inquiryId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async openForContact(manager: EntityManager, tenantId: string, contactId: string): Promise<InquiryRecord | null> {
    const rows: InquiryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM inquiries i JOIN conversations c ON c.id = i.id
       WHERE i.tenant_id = $1 AND i.contact_id = $2 AND i.status <> 'closed' FOR UPDATE OF i`,
      [tenantId, contactId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The queue: waiting inquiries, oldest first. */
  async waiting(manager: EntityManager, tenantId: string, limit: number): Promise<InquiryRecord[]> {
    const rows: InquiryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM inquiries i JOIN conversations c ON c.id = i.id
       WHERE i.tenant_id = $1 AND i.status = 'waiting' ORDER BY i.waiting_since, i.id LIMIT ${limit} FOR UPDATE OF i`,
      [tenantId],
    );
    return rows.map(toRecord);
  }

  async assign(manager: EntityManager, tenantId: string, inquiryId: string, assigneeId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE inquiries SET status = 'assigned', assignee_id = $3, assigned_at = $4, waiting_since = NULL WHERE tenant_id = $1 AND id = $2`,
      [tenantId, inquiryId, assigneeId, at],
    );
  }

  async requeue(manager: EntityManager, tenantId: string, inquiryId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE inquiries SET status = 'waiting', assignee_id = NULL, assigned_at = NULL, waiting_since = $3 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, inquiryId, at],
    );
  }

  async close(manager: EntityManager, tenantId: string, inquiryId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE inquiries SET status = 'closed', closed_at = $3, waiting_since = NULL WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      inquiryId,
      at,
    ]);
  }

  /** Locked in id order, like every multi-row lock, so two callers never hold parts of the set each. */
  async assignedTo(manager: EntityManager, tenantId: string, personId: string): Promise<InquiryRecord[]> {
    const rows: InquiryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM inquiries i JOIN conversations c ON c.id = i.id
       WHERE i.tenant_id = $1 AND i.assignee_id = $2 AND i.status = 'assigned' ORDER BY i.id FOR UPDATE OF i`,
      [tenantId, personId],
    );
    return rows.map(toRecord);
  }

  /** Newest first; the permissions service's filter is part of the SQL so paging and totals count only what the viewer sees. */
  async list(manager: EntityManager, tenantId: string, query: InquiryListQuery): Promise<InquiryRecord[]> {
    const admin = query.scope.adminBranches;
    const params: unknown[] = [
      tenantId,
      query.scope.assigneeId,
      query.scope.contactId,
      admin !== null,
      admin?.all ?? false,
      admin?.branchIds ?? [],
    ];
    let sql = `i.tenant_id = $1 AND (i.assignee_id = $2 OR i.contact_id = $3
      OR ($4 AND (i.branch_id IS NULL OR $5 OR i.branch_id = ANY($6::uuid[]))))`;
    if (query.status) {
      params.push(query.status);
      sql += ` AND i.status = $${params.length}`;
    }
    if (query.assigneeId) {
      params.push(query.assigneeId);
      sql += ` AND i.assignee_id = $${params.length}`;
    }
    if (query.afterId) {
      params.push(query.afterId);
      sql += ` AND i.id < $${params.length}`;
    }
    const rows: InquiryRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM inquiries i JOIN conversations c ON c.id = i.id WHERE ${sql} ORDER BY i.id DESC LIMIT ${query.limit + 1}`,
      params,
    );
    return rows.map(toRecord);
  }
}
