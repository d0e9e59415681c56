import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { decodeCursor, newId, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import { MessagePostedV1 } from '@warden/contracts';
import type { ChatCaller, ConversationKind, ConversationView, MessageView, ParticipantView, RequestContext, StartConversationRequest } from '@warden/contracts';
import { ContactLookup } from '../read-models/contact.lookup';
import { RoutingRepository } from '../routing/routing.repository';
import { ChatErrors } from '../shared/chat.errors';
import { ChatScopeService } from './chat-scope.service';
import { ConversationRepository, toConversationView } from './conversation.repository';
import type { ConversationRecord } from './conversation.repository';

/**
 * Conversations of every kind and their messages. Internal chats: any employees. A client starts
 * group chats with its classmates, taking part as its contact. Client chats and inquiries obey the
 * tenant's switches: a switched-off kind refuses new conversations and new messages, with the
 * reason. Who may start, read and post in a conversation is decided by the permissions service
 * (`conversation.start`, `conversation.see`, `conversation.post`) before a call comes here.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly scope: ChatScopeService,
    private readonly contacts: ContactLookup,
    private readonly settings: RoutingRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async create(ctx: RequestContext, viewer: ChatCaller, data: Omit<StartConversationRequest, 'viewer'>): Promise<ConversationView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      await this.assertKindEnabled(tx, tenantId, data.kind);
      const starter = await this.starter(tx, ctx, viewer);
      const employeeIds = [...new Set([...(starter.kind === 'employee' ? [starter.id] : []), ...data.employeeIds])];
      const unknown = await this.unknownEmployees(tx, tenantId, employeeIds);
      if (unknown.length > 0) throw ChatErrors.unknownEmployees(unknown);
      const named = [...new Set(data.contactIds)];
      if (data.kind === 'internal' && named.length > 0) throw ChatErrors.contactsNotAllowed();
      if (data.kind !== 'internal' && named.filter((id) => id !== starter.id).length === 0) {
        throw starter.kind === 'contact' ? ChatErrors.classmateRequired() : ChatErrors.contactRequired();
      }
      // A client takes part as its contact, first; the `conversation` rule allowed only its classmates besides.
      const contactIds = starter.kind === 'contact' ? [...new Set([starter.id, ...named])] : named;
      // A client's chat is of its own branch (its contact comes first); an employee may name the branch.
      let branchId = starter.kind === 'contact' ? null : (data.branchId ?? null);
      for (const contactId of contactIds) {
        const index = data.contactIds.indexOf(contactId);
        const contact = await this.contacts.require(tx, ctx, contactId, index < 0 ? 'contactIds' : `contactIds.${index}`);
        branchId ??= contact.branchId;
      }
      const participants: ParticipantView[] = [
        ...employeeIds.map((id) => ({ id, kind: 'employee' as const })),
        ...contactIds.map((id) => ({ id, kind: 'contact' as const })),
      ];
      const id = newId();
      await this.conversations.create(
        tx,
        tenantId,
        { id, kind: data.kind, title: data.title ?? null, branchId: data.kind === 'internal' ? null : branchId, createdBy: viewer.personId, at: new Date() },
        participants,
      );
      return toConversationView((await this.conversations.get(tx, tenantId, id))!, 0);
    });
  }

  async list(ctx: RequestContext, viewer: ChatCaller, query: { kind?: ConversationKind; cursor?: string; limit: number }): Promise<Page<ConversationView>> {
    const manager = this.dataSource.manager;
    const { limit } = query;
    const after = decodeCursor(query.cursor);
    const participantId = await this.readerOf(manager, ctx.tenantId, viewer);
    if (!participantId) return { items: [], nextCursor: null };
    const rows = await this.conversations.listForParticipant(manager, ctx.tenantId, participantId, { kind: query.kind, afterId: after?.id, limit });
    const unread = await this.conversations.unreadCounts(manager, ctx.tenantId, participantId, rows.map((row) => row.id));
    return toPage(rows.map((row) => toConversationView(row, unread.get(row.id) ?? 0)), limit, (row) => ({ key: row.id, id: row.id }));
  }

  async get(ctx: RequestContext, viewer: ChatCaller, conversationId: string): Promise<ConversationView> {
    const manager = this.dataSource.manager;
    const conversation = await this.existing(manager, ctx.tenantId, conversationId);
    const reader = await this.readerOf(manager, ctx.tenantId, viewer);
    const unread = reader ? await this.conversations.unreadCounts(manager, ctx.tenantId, reader, [conversation.id]) : new Map<string, number>();
    return toConversationView(conversation, unread.get(conversation.id) ?? 0);
  }

  /** `text` comes trimmed, not blank and not too long (PostMessageRequest in libs/contracts/src/rpc/inquiries.rpc.ts). */
  async post(ctx: RequestContext, viewer: ChatCaller, conversationId: string, text: string): Promise<MessageView> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const conversation = await this.existing(tx, tenantId, conversationId, true);
      await this.assertKindEnabled(tx, tenantId, conversation.kind);
      if (conversation.kind === 'inquiry') {
        const status: Array<{ status: string }> = await tx.query(`SELECT status FROM inquiries WHERE tenant_id = $1 AND id = $2`, [tenantId, conversation.id]);
        if (status[0]?.status === 'closed') throw ChatErrors.inquiryClosed();
      }
      const contactId = await this.scope.contactOf(tx, tenantId, viewer);
      // The `conversation` rule let a client in through its contact; without one it could not have.
      if (viewer.kind === 'contact' && !contactId) throw ChatErrors.conversationNotFound();
      const author = contactId ? { id: contactId, kind: 'contact' as const } : { id: viewer.personId, kind: 'employee' as const };
      const now = new Date();
      const message = await this.conversations.addMessage(tx, tenantId, {
        id: newId(now.getTime()),
        conversationId: conversation.id,
        authorId: author.id,
        authorKind: author.kind,
        text,
        at: now,
      });
      await this.outbox.add(tx, {
        contract: MessagePostedV1,
        tenantId,
        subject: message.id,
        data: {
          messageId: message.id,
          conversationId: conversation.id,
          conversationKind: conversation.kind,
          authorId: author.id,
          authorKind: author.kind,
          text,
          audience: await this.scope.audience(tx, tenantId, conversation),
          at: message.createdAt,
        },
      });
      return message;
    });
  }

  async messages(ctx: RequestContext, _viewer: ChatCaller, conversationId: string, query: { cursor?: string; limit: number }): Promise<Page<MessageView>> {
    const manager = this.dataSource.manager;
    const { limit } = query;
    const before = decodeCursor(query.cursor);
    const conversation = await this.existing(manager, ctx.tenantId, conversationId);
    const rows = await this.conversations.messages(manager, ctx.tenantId, conversation.id, { beforeId: before?.id, limit });
    return toPage(rows, limit, (row) => ({ key: row.id, id: row.id }));
  }

  async read(ctx: RequestContext, viewer: ChatCaller, conversationId: string, messageId: string) {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const conversation = await this.existing(tx, tenantId, conversationId);
      if (!(await this.conversations.messageExists(tx, tenantId, conversation.id, messageId))) throw ChatErrors.messageNotFound();
      const reader = await this.readerOf(tx, tenantId, viewer);
      if (!reader) throw ChatErrors.conversationNotFound();
      const lastReadMessageId = await this.conversations.markRead(tx, tenantId, conversation.id, reader, messageId);
      const unread = await this.conversations.unreadCounts(tx, tenantId, reader, [conversation.id]);
      return { conversationId: conversation.id, lastReadMessageId, unreadCount: unread.get(conversation.id) ?? 0 };
    });
  }

  private async existing(manager: EntityManager, tenantId: string, conversationId: string, lock = false): Promise<ConversationRecord> {
    const conversation = await this.conversations.get(manager, tenantId, conversationId, lock);
    if (!conversation) throw ChatErrors.conversationNotFound();
    return conversation;
  }

  /** Who starts a conversation and takes part in it: an employee as itself, a client as its contact. */
  private async starter(manager: EntityManager, ctx: RequestContext, viewer: ChatCaller): Promise<ParticipantView> {
    if (viewer.kind !== 'contact') return { id: viewer.personId, kind: 'employee' };
    // A login granted a moment ago may be ahead of the contact's event: its person id is its contact id.
    const contactId = (await this.scope.contactOf(manager, ctx.tenantId, viewer)) ?? (await this.contacts.find(manager, ctx, viewer.personId))?.contactId;
    if (!contactId) throw ChatErrors.noContactForLogin();
    return { id: contactId, kind: 'contact' };
  }

  /** Whose read marks and participations count: an employee's person id, a client's contact id. */
  private readerOf(manager: EntityManager, tenantId: string, viewer: ChatCaller): Promise<string | null> {
    return viewer.kind === 'contact' ? this.scope.contactOf(manager, tenantId, viewer) : Promise.resolve(viewer.personId);
  }

  private async assertKindEnabled(manager: EntityManager, tenantId: string, kind: ConversationKind): Promise<void> {
    if (kind === 'internal') return;
    const settings = await this.settings.settings(manager, tenantId);
    if (kind === 'client_employee' && !settings.clientEmployeeChats) throw ChatErrors.kindDisabled('Client ↔ employee');
    if (kind === 'client_group' && !settings.clientGroupChats) throw ChatErrors.kindDisabled('Client group');
    if (kind === 'inquiry' && !settings.inquiries) throw ChatErrors.inquiriesDisabled();
  }

  private async unknownEmployees(manager: EntityManager, tenantId: string, ids: string[]): Promise<string[]> {
    const rows: Array<{ person_id: string }> = await manager.query(
      `SELECT person_id FROM employees WHERE tenant_id = $1 AND person_id = ANY($2::uuid[]) AND full_name IS NOT NULL AND deleted_at IS NULL`,
      [tenantId, ids],
    );
    const known = new Set(rows.map((row) => row.person_id));
    return ids.filter((id) => !known.has(id));
  }
}
