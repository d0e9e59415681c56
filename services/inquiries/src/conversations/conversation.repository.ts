import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConversationKind, ConversationView, MessageView, ParticipantView } from '@warden/contracts';

export interface ConversationRecord {
  id: string;
  kind: ConversationKind;
  title: string | null;
  branchId: string | null;
  createdBy: string | null;
  createdAt: Date;
  lastMessageAt: Date | null;
  participants: ParticipantView[];
  /** For inquiries: the assigned employee (null when waiting or closed without one). */
  assigneeId: string | null;
}

interface ConversationRow {
  id: string;
  kind: ConversationKind;
  title: string | null;
  branch_id: string | null;
  created_by: string | null;
  created_at: Date;
  last_message_at: Date | null;
  participants: ParticipantView[];
  assignee_id: string | null;
}

const CONVERSATION_SQL = `
  SELECT c.id, c.kind, c.title, c.branch_id, c.created_by, c.created_at, c.last_message_at, i.assignee_id,
         COALESCE((SELECT json_agg(json_build_object('id', p.participant_id, 'kind', p.participant_kind) ORDER BY p.joined_at, p.participant_id)
                   FROM participants p WHERE p.conversation_id = c.id), '[]'::json) AS participants
  FROM conversations c LEFT JOIN inquiries i ON i.id = c.id`;

function toRecord(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    branchId: row.branch_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastMessageAt: row.last_message_at,
    participants: row.participants,
    assigneeId: row.assignee_id,
  };
}

interface MessageRow {
  id: string;
  conversation_id: string;
  author_id: string;
  author_kind: 'employee' | 'contact';
  text: string;
  created_at: Date;
}

export function toMessageView(row: MessageRow): MessageView {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    authorId: row.author_id,
    authorKind: row.author_kind,
    text: row.text,
    createdAt: row.created_at.toISOString(),
  };
}

/** Conversations, participants and messages of one tenant; every query is scoped by the tenant id. */
@Injectable()
export class ConversationRepository {
  async create(
    manager: EntityManager,
    tenantId: string,
    conversation: { id: string; kind: ConversationKind; title: string | null; branchId: string | null; createdBy: string | null; at: Date },
    participants: ParticipantView[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO conversations (id, tenant_id, kind, title, branch_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [conversation.id, tenantId, conversation.kind, conversation.title, conversation.branchId, conversation.createdBy, conversation.at],
    );
    if (participants.length > 0) {
      await manager.query(
        `INSERT INTO participants (tenant_id, conversation_id, participant_id, participant_kind, joined_at)
         SELECT $1, $2, p, k, $5 FROM unnest($3::uuid[], $4::text[]) AS t(p, k) ON CONFLICT DO NOTHING`,
        [tenantId, conversation.id, participants.map((p) => p.id), participants.map((p) => p.kind), conversation.at],
      );
    }
  }

  async get(manager: EntityManager, tenantId: string, conversationId: string, lock = false): Promise<ConversationRecord | null> {
    const rows: ConversationRow[] = await manager.query(
      `${CONVERSATION_SQL} WHERE c.tenant_id = $1 AND c.id = $2${lock ? ' FOR UPDATE OF c' : ''}`,
      [tenantId, conversationId],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Conversations the person takes part in, newest first by id. */
  async listForParticipant(
    manager: EntityManager,
    tenantId: string,
    participantId: string,
    query: { kind?: ConversationKind; afterId?: string; limit: number },
  ): Promise<ConversationRecord[]> {
    const params: unknown[] = [tenantId, participantId];
    let filter = '';
    if (query.kind) {
      params.push(query.kind);
      filter += ` AND c.kind = $${params.length}`;
    }
    if (query.afterId) {
      params.push(query.afterId);
      filter += ` AND c.id < $${params.length}`;
    }
    const rows: ConversationRow[] = await manager.query(
      `${CONVERSATION_SQL}
       WHERE c.tenant_id = $1 AND EXISTS (SELECT 1 FROM participants p WHERE p.conversation_id = c.id AND p.participant_id = $2)${filter}
       ORDER BY c.id DESC LIMIT ${query.limit + 1}`,
      params,
    );
    return rows.map(toRecord);
  }

  async addParticipant(manager: EntityManager, tenantId: string, conversationId: string, participant: ParticipantView): Promise<void> {
    await manager.query(
      `INSERT INTO participants (tenant_id, conversation_id, participant_id, participant_kind) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [tenantId, conversationId, participant.id, participant.kind],
    );
  }

  async addMessage(
    manager: EntityManager,
    tenantId: string,
    message: { id: string; conversationId: string; authorId: string; authorKind: 'employee' | 'contact'; text: string; at: Date },
  ): Promise<MessageView> {
    const rows: MessageRow[] = await manager.query(
      `INSERT INTO messages (id, tenant_id, conversation_id, author_id, author_kind, text, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id, conversation_id, author_id, author_kind, text, created_at`,
      [message.id, tenantId, message.conversationId, message.authorId, message.authorKind, message.text, message.at],
    );
    await manager.query(`UPDATE conversations SET last_message_at = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      message.conversationId,
      message.at,
    ]);
    // The author has read what it wrote.
    await this.markRead(manager, tenantId, message.conversationId, message.authorId, message.id);
    return toMessageView(rows[0]!);
  }

  /** Newest first; `beforeId` pages towards older messages. */
  async messages(
    manager: EntityManager,
    tenantId: string,
    conversationId: string,
    query: { beforeId?: string; limit: number },
  ): Promise<MessageView[]> {
    const rows: MessageRow[] = await manager.query(
      `SELECT id, conversation_id, author_id, author_kind, text, created_at FROM messages
       WHERE tenant_id = $1 AND conversation_id = $2${query.beforeId ? ' AND id < $3' : ''}
       ORDER BY id DESC LIMIT ${query.limit + 1}`,
      query.beforeId ? [tenantId, conversationId, query.beforeId] : [tenantId, conversationId],
    );
    return rows.map(toMessageView);
  }

  async messageExists(manager: EntityManager, tenantId: string, conversationId: string, messageId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM messages WHERE tenant_id = $1 AND conversation_id = $2 AND id = $3`, [
      tenantId,
      conversationId,
      messageId,
    ]);
    return rows.length > 0;
  }

  /** Moves the read mark forward only (a late "read" of an older message changes nothing). */
  async markRead(manager: EntityManager, tenantId: string, conversationId: string, readerId: string, messageId: string): Promise<string> {
    const rows: Array<{ last_read_message_id: string }> = await manager.query(
      `INSERT INTO read_marks (tenant_id, conversation_id, reader_id, last_read_message_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conversation_id, reader_id) DO UPDATE SET last_read_message_id = GREATEST(read_marks.last_read_message_id, EXCLUDED.last_read_message_id)
       RETURNING last_read_message_id`,
      [tenantId, conversationId, readerId, messageId],
    );
    return rows[0]!.last_read_message_id;
  }

  async unreadCounts(manager: EntityManager, tenantId: string, readerId: string, conversationIds: string[]): Promise<Map<string, number>> {
    if (conversationIds.length === 0) return new Map();
    const rows: Array<{ conversation_id: string; unread: string }> = await manager.query(
      `SELECT c.id AS conversation_id,
              (SELECT count(*) FROM messages m WHERE m.conversation_id = c.id AND (r.last_read_message_id IS NULL OR m.id > r.last_read_message_id)) AS unread
       FROM conversations c LEFT JOIN read_marks r ON r.conversation_id = c.id AND r.reader_id = $2
       WHERE c.tenant_id = $1 AND c.id = ANY($3::uuid[])`,
      [tenantId, readerId, conversationIds],
    );
    return new Map(rows.map((row) => [row.conversation_id, Number(row.unread)]));
  }
}

export function toConversationView(record: ConversationRecord, unreadCount: number): ConversationView {
  return {
    id: record.id,
    kind: record.kind,
    title: record.title,
    branchId: record.branchId,
    participants: record.participants,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
    lastMessageAt: record.lastMessageAt?.toISOString() ?? null,
    unreadCount,
  };
}
