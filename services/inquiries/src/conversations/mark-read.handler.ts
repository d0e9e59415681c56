import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ChatCaller, RequestContext, RpcResponse } from '@warden/contracts';
import { ChatErrors } from '../shared/chat.errors';
import { ChatScopeReader } from './chat-scope.reader';
import { existingConversation, readerOf } from './conversation.check';
import { ConversationRepository } from './conversation.repository';

type ReadMark = RpcResponse<'inquiries.messages.read'>;

export class MarkReadCommand extends Command<ReadMark> {
  constructor(
    readonly ctx: RequestContext,
    readonly viewer: ChatCaller,
    readonly conversationId: string,
    readonly messageId: string,
  ) {
    super();
  }
}

/** The viewer has read the conversation up to this message; answers with what is left unread. */
@CommandHandler(MarkReadCommand)
export class MarkReadHandler implements ICommandHandler<MarkReadCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly scope: ChatScopeReader,
  ) {}

  async execute({ ctx, viewer, conversationId, messageId }: MarkReadCommand): Promise<ReadMark> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (tx) => {
      const conversation = await existingConversation(this.conversations, tx, tenantId, conversationId);
      if (!(await this.conversations.messageExists(tx, tenantId, conversation.id, messageId))) throw ChatErrors.messageNotFound();
      const reader = await readerOf(this.scope, tx, tenantId, viewer);
      if (!reader) throw ChatErrors.conversationNotFound();
      const lastReadMessageId = await this.conversations.markRead(tx, tenantId, conversation.id, reader, messageId);
      const unread = await this.conversations.unreadCounts(tx, tenantId, reader, [conversation.id]);
      return { conversationId: conversation.id, lastReadMessageId, unreadCount: unread.get(conversation.id) ?? 0 };
    });
  }
}
