import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { ConversationView, MessageView, RpcResponse } from '@warden/contracts';
import { ConversationsService } from './conversations.service';

@Controller()
export class ConversationsMessages {
  constructor(private readonly conversations: ConversationsService) {}

  @RpcHandler('inquiries.conversations.create')
  create(@Payload() message: RpcMessage<'inquiries.conversations.create'>): Promise<ConversationView> {
    const { viewer, ...data } = message.data;
    return this.conversations.create(message.ctx, viewer, data);
  }

  @RpcHandler('inquiries.conversations.list')
  list(@Payload() message: RpcMessage<'inquiries.conversations.list'>): Promise<Page<ConversationView>> {
    return this.conversations.list(message.ctx, message.data.viewer, message.data);
  }

  @RpcHandler('inquiries.conversations.get')
  get(@Payload() message: RpcMessage<'inquiries.conversations.get'>): Promise<ConversationView> {
    return this.conversations.get(message.ctx, message.data.viewer, message.data.conversationId);
  }

  @RpcHandler('inquiries.messages.post')
  post(@Payload() message: RpcMessage<'inquiries.messages.post'>): Promise<MessageView> {
    return this.conversations.post(message.ctx, message.data.viewer, message.data.conversationId, message.data.text);
  }

  @RpcHandler('inquiries.messages.list')
  messages(@Payload() message: RpcMessage<'inquiries.messages.list'>): Promise<Page<MessageView>> {
    return this.conversations.messages(message.ctx, message.data.viewer, message.data.conversationId, message.data);
  }

  @RpcHandler('inquiries.messages.read')
  read(@Payload() message: RpcMessage<'inquiries.messages.read'>): Promise<RpcResponse<'inquiries.messages.read'>> {
    return this.conversations.read(message.ctx, message.data.viewer, message.data.conversationId, message.data.messageId);
  }
}
