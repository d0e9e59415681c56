import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { ChatCaller, ConversationKind, ConversationView } from '@warden/contracts';
import { ChatScopeReader } from './chat-scope.reader';
import { readerOf } from './conversation.check';
import { ConversationRepository, toConversationView } from './conversation.repository';

export class ListConversationsQuery extends Query<Page<ConversationView>> {
  constructor(
    readonly tenantId: string,
    readonly viewer: ChatCaller,
    readonly query: { kind?: ConversationKind; cursor?: string; limit: number },
  ) {
    super();
  }
}

/** The conversations the viewer takes part in, each with its unread count; a client without a contact has none. */
@QueryHandler(ListConversationsQuery)
export class ListConversationsHandler implements IQueryHandler<ListConversationsQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly scope: ChatScopeReader,
  ) {}

  async execute({ tenantId, viewer, query }: ListConversationsQuery): Promise<Page<ConversationView>> {
    const manager = this.dataSource.manager;
    const { limit } = query;
    const after = decodeCursor(query.cursor);
    const participantId = await readerOf(this.scope, manager, tenantId, viewer);
    if (!participantId) return { items: [], nextCursor: null };
    const rows = await this.conversations.listForParticipant(manager, tenantId, participantId, {
      kind: query.kind,
      afterId: after?.id,
      limit,
    });
    const unread = await this.conversations.unreadCounts(
      manager,
      tenantId,
      participantId,
      rows.map((row) => row.id),
    );
    return toPage(
      rows.map((row) => toConversationView(row, unread.get(row.id) ?? 0)),
      limit,
      (row) => ({ key: row.id, id: row.id }),
    );
  }
}
