import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { ChatAccessEvaluator } from './chat-access.evaluator';

@Controller()
export class ChatAccessMessages {
  constructor(private readonly chats: ChatAccessEvaluator) {}

  @RpcHandler('permissions.inquiries.visibility-scope')
  inquiryScope(
    @Payload() message: RpcMessage<'permissions.inquiries.visibility-scope'>,
  ): Promise<RpcResponse<'permissions.inquiries.visibility-scope'>> {
    return this.chats.inquiryScope(message.ctx.tenantId, message.data.personId);
  }
}
