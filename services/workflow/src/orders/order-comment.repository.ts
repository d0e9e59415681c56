import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { CommentVisibility, OrderCommentView, PersonKind } from '@warden/contracts';

interface CommentRow {
  id: string;
  seq: string;
  order_id: string;
  visibility: CommentVisibility;
  author_id: string | null;
  author_kind: PersonKind;
  body: string;
  inbound_message_id: string | null;
  automation_rule_id: string | null;
  created_at: Date;
}

export interface NewComment {
  id: string;
  orderId: string;
  visibility: CommentVisibility;
  authorId: string | null;
  authorKind: PersonKind;
  body: string;
  inboundMessageId: string | null;
  /** An internal note an automation rule wrote (no author). */
  automationRuleId?: string;
}

export interface CommentListQuery {
  orderId: string;
  publicOnly: boolean;
  afterSeq?: string;
  limit: number;
}

/** A comment with its position in the conversation (the cursor key). */
export interface CommentRecord {
  seq: string;
  view: OrderCommentView;
}

function toRecord(row: CommentRow): CommentRecord {
  return {
    seq: row.seq,
    view: {
      id: row.id,
      orderId: row.order_id,
      body: row.body,
      visibility: row.visibility,
      authorId: row.author_id,
      authorKind: row.author_kind,
      inboundMessageId: row.inbound_message_id,
      automationRuleId: row.automation_rule_id,
      createdAt: row.created_at.toISOString(),
    },
  };
}

/** Order comments and the message ids of tickets' inbound threads, always scoped by tenant. */
@Injectable()
export class OrderCommentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, tenantId: string, comment: NewComment): Promise<OrderCommentView> {
    const rows: CommentRow[] = await manager.query(
      `INSERT INTO order_comments (id, tenant_id, order_id, visibility, author_id, author_kind, body, inbound_message_id, automation_rule_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
      [
        comment.id,
        tenantId,
        comment.orderId,
        comment.visibility,
        comment.authorId,
        comment.authorKind,
        comment.body,
        comment.inboundMessageId,
        comment.automationRuleId ?? null,
      ],
    );
    return toRecord(rows[0]!).view;
  }

  /** Oldest first; `limit + 1` rows tell whether another page exists. */
  async list(tenantId: string, query: CommentListQuery): Promise<CommentRecord[]> {
    const params: unknown[] = [tenantId, query.orderId];
    let where = 'tenant_id = $1 AND order_id = $2';
    if (query.publicOnly) where += ` AND visibility = 'public'`;
    if (query.afterSeq !== undefined) {
      params.push(query.afterSeq);
      where += ` AND seq > $${params.length}`;
    }
    const rows: CommentRow[] = await this.dataSource.query(
      `SELECT * FROM order_comments WHERE ${where} ORDER BY seq ASC LIMIT ${query.limit + 1}`,
      params,
    );
    return rows.map(toRecord);
  }

  async byInboundMessage(manager: EntityManager, tenantId: string, inboundMessageId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      'SELECT id FROM order_comments WHERE tenant_id = $1 AND inbound_message_id = $2',
      [tenantId, inboundMessageId],
    );
    return rows[0]?.id ?? null;
  }

  /** Records that a message of a channel belongs to the ticket's thread (a repeat is a no-op). */
  async addThreadMessage(
    manager: EntityManager,
    tenantId: string,
    message: { channelId: string; externalId: string; orderId: string; contactId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO order_thread_messages (tenant_id, channel_id, external_id, order_id, contact_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [tenantId, message.channelId, message.externalId, message.orderId, message.contactId],
    );
  }

  /**
   * Serialises the messages of one sender on one channel (across replicas too): the second of two
   * messages delivered at once finds the ticket the first one opened instead of opening another.
   */
  async lockSender(manager: EntityManager, tenantId: string, channelId: string, contactId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('workflow.inbound:' || $1, 0))`, [
      `${tenantId}:${channelId}:${contactId}`,
    ]);
  }

  /** The newest open (status not final) ticket one of these message ids of the channel belongs to. */
  async openOrderOfThread(manager: EntityManager, tenantId: string, channelId: string, externalIds: string[]): Promise<string | null> {
    if (externalIds.length === 0) return null;
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT o.id FROM order_thread_messages m JOIN orders o ON o.id = m.order_id JOIN statuses s ON s.id = o.status_id
       WHERE m.tenant_id = $1 AND m.channel_id = $2 AND m.external_id = ANY($3::text[]) AND o.tenant_id = $1 AND s.category <> 'final'
       ORDER BY o.id DESC LIMIT 1`,
      [tenantId, channelId, externalIds],
    );
    return rows[0]?.id ?? null;
  }

  /** The newest open ticket the contact wrote on this channel. */
  async openOrderOfSender(manager: EntityManager, tenantId: string, channelId: string, contactId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT o.id FROM order_thread_messages m JOIN orders o ON o.id = m.order_id JOIN statuses s ON s.id = o.status_id
       WHERE m.tenant_id = $1 AND m.channel_id = $2 AND m.contact_id = $3 AND o.tenant_id = $1 AND s.category <> 'final'
       ORDER BY o.id DESC LIMIT 1`,
      [tenantId, channelId, contactId],
    );
    return rows[0]?.id ?? null;
  }
}
