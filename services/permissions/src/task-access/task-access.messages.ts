import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { TaskVisibilityScope } from './task-visibility';

@Controller()
export class TaskAccessMessages {
  constructor(private readonly visibility: TaskVisibilityScope) {}

  @RpcHandler('permissions.tasks.visibility')
  visible(@Payload() message: RpcMessage<'permissions.tasks.visibility'>): Promise<RpcResponse<'permissions.tasks.visibility'>> {
    return this.visibility.of(message.ctx.tenantId, message.data.personId);
  }
}
