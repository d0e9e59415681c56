import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { GetInquiryScopeQuery } from './get-inquiry-scope.handler';

@Controller()
export class ChatAccessMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('permissions.inquiries.visibility-scope')
  inquiryScope(
    @Payload() message: RpcMessage<'permissions.inquiries.visibility-scope'>,
  ): Promise<RpcResponse<'permissions.inquiries.visibility-scope'>> {
    return this.queries.execute(new GetInquiryScopeQuery(message.ctx.tenantId, message.data.personId));
  }
}
