import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { ConversationView, MessageView, RpcResponse } from '@warden/contracts';
import { CreateConversationCommand } from './create-conversation.handler';
import { GetConversationQuery } from './get-conversation.handler';
import { ListConversationsQuery } from './list-conversations.handler';
import { ListMessagesQuery } from './list-messages.handler';
import { MarkReadCommand } from './mark-read.handler';
import { PostMessageCommand } from './post-message.handler';

/**
 * Conversations of every kind and their messages: each message becomes one command or query for its handler
 * (`*.handler.ts` beside this file). Client chats and inquiries obey the tenant's switches; who may start, read and
 * post in a conversation is decided by the permissions service (`conversation.start`, `conversation.see`,
 * `conversation.post`) before a call comes here.
 */
@Controller()
export class ConversationsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('inquiries.conversations.create')
  create(@Payload() message: RpcMessage<'inquiries.conversations.create'>): Promise<ConversationView> {
    const { viewer, ...data } = message.data;
    return this.commands.execute(new CreateConversationCommand(message.ctx, viewer, data));
  }

  @RpcHandler('inquiries.conversations.list')
  list(@Payload() message: RpcMessage<'inquiries.conversations.list'>): Promise<Page<ConversationView>> {
    return this.queries.execute(new ListConversationsQuery(message.ctx.tenantId, message.data.viewer, message.data));
  }

  @RpcHandler('inquiries.conversations.get')
  get(@Payload() message: RpcMessage<'inquiries.conversations.get'>): Promise<ConversationView> {
    return this.queries.execute(new GetConversationQuery(message.ctx.tenantId, message.data.viewer, message.data.conversationId));
  }

  @RpcHandler('inquiries.messages.post')
  post(@Payload() message: RpcMessage<'inquiries.messages.post'>): Promise<MessageView> {
    return this.commands.execute(new PostMessageCommand(message.ctx, message.data.viewer, message.data.conversationId, message.data.text));
  }

  @RpcHandler('inquiries.messages.list')
  messages(@Payload() message: RpcMessage<'inquiries.messages.list'>): Promise<Page<MessageView>> {
    return this.queries.execute(new ListMessagesQuery(message.ctx.tenantId, message.data.conversationId, message.data));
  }

  @RpcHandler('inquiries.messages.read')
  read(@Payload() message: RpcMessage<'inquiries.messages.read'>): Promise<RpcResponse<'inquiries.messages.read'>> {
    return this.commands.execute(
      new MarkReadCommand(message.ctx, message.data.viewer, message.data.conversationId, message.data.messageId),
    );
  }
}
