import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { OrderVisibilityScope, ProjectScope } from '@warden/contracts';
import { OrderVisibilityService } from './order-visibility.service';

@Controller()
export class OrderVisibilityMessages {
  constructor(private readonly visibility: OrderVisibilityService) {}

  @RpcHandler('permissions.orders.visibility-scope')
  scope(@Payload() message: RpcMessage<'permissions.orders.visibility-scope'>): Promise<OrderVisibilityScope> {
    return this.visibility.scope(message.ctx.tenantId, message.data.personId);
  }

  @RpcHandler('permissions.projects.visibility-scope')
  projectScope(@Payload() message: RpcMessage<'permissions.projects.visibility-scope'>): Promise<ProjectScope & { policyVersion: number }> {
    return this.visibility.projectScope(message.ctx.tenantId, message.data.personId);
  }
}
