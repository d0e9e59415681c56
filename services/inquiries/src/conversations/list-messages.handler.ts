import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { decodeCursor, toPage } from '@warden/kernel';
import type { Page } from '@warden/kernel';
import type { MessageView } from '@warden/contracts';
import { existingConversation } from './conversation.check';
import { ConversationRepository } from './conversation.repository';

export class ListMessagesQuery extends Query<Page<MessageView>> {
  constructor(
    readonly tenantId: string,
    readonly conversationId: string,
    readonly query: { cursor?: string; limit: number },
  ) {
    super();
  }
}

/** A conversation's messages, newest first; who may read them the permissions service decided (`conversation.see`). */
@QueryHandler(ListMessagesQuery)
export class ListMessagesHandler implements IQueryHandler<ListMessagesQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
  ) {}

  async execute({ tenantId, conversationId, query }: ListMessagesQuery): Promise<Page<MessageView>> {
    const manager = this.dataSource.manager;
    const { limit } = query;
    const before = decodeCursor(query.cursor);
    const conversation = await existingConversation(this.conversations, manager, tenantId, conversationId);
    const rows = await this.conversations.messages(manager, tenantId, conversation.id, { beforeId: before?.id, limit });
    return toPage(rows, limit, (row) => ({ key: row.id, id: row.id }));
  }
}
