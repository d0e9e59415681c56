import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { GetTaskVisibilityQuery } from './get-task-visibility.handler';

@Controller()
export class TaskAccessMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('permissions.tasks.visibility')
  visible(@Payload() message: RpcMessage<'permissions.tasks.visibility'>): Promise<RpcResponse<'permissions.tasks.visibility'>> {
    return this.queries.execute(new GetTaskVisibilityQuery(message.ctx.tenantId, message.data.personId));
  }
}
