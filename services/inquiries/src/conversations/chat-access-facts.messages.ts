import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { ChatAccessFacts } from '@warden/contracts';
import { ChatAccessFactsService } from './chat-access-facts.service';

@Controller()
export class ChatAccessFactsMessages {
  constructor(private readonly facts: ChatAccessFactsService) {}

  @RpcHandler('inquiries.conversations.access-facts')
  accessFacts(@Payload() message: RpcMessage<'inquiries.conversations.access-facts'>): Promise<ChatAccessFacts> {
    return this.facts.facts(message.ctx.tenantId, message.data);
  }
}
