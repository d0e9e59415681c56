import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { ChatAccessFacts } from '@warden/contracts';
import { GetChatAccessFactsQuery } from './get-chat-access-facts.handler';

/** The facts the permissions service's chat rules read: one query for its handler (get-chat-access-facts.handler.ts). */
@Controller()
export class ChatAccessFactsMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('inquiries.conversations.access-facts')
  accessFacts(@Payload() message: RpcMessage<'inquiries.conversations.access-facts'>): Promise<ChatAccessFacts> {
    return this.queries.execute(new GetChatAccessFactsQuery(message.ctx.tenantId, message.data));
  }
}
