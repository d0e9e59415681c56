import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChatCaller, ConversationView } from '@warden/contracts';
import { ChatScopeReader } from './chat-scope.reader';
import { existingConversation, readerOf } from './conversation.check';
import { ConversationRepository, toConversationView } from './conversation.repository';

export class GetConversationQuery extends Query<ConversationView> {
  constructor(
    readonly tenantId: string,
    readonly viewer: ChatCaller,
    readonly conversationId: string,
  ) {
    super();
  }
}

@QueryHandler(GetConversationQuery)
export class GetConversationHandler implements IQueryHandler<GetConversationQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly scope: ChatScopeReader,
  ) {}

  async execute({ tenantId, viewer, conversationId }: GetConversationQuery): Promise<ConversationView> {
    const manager = this.dataSource.manager;
    const conversation = await existingConversation(this.conversations, manager, tenantId, conversationId);
    const reader = await readerOf(this.scope, manager, tenantId, viewer);
    const unread = reader ? await this.conversations.unreadCounts(manager, tenantId, reader, [conversation.id]) : new Map<string, number>();
    return toConversationView(conversation, unread.get(conversation.id) ?? 0);
  }
}
