import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { OrderVisibilityScope, ProjectScope } from '@warden/contracts';
import { GetOrderVisibilityScopeQuery } from './get-order-visibility-scope.handler';
import { GetProjectVisibilityScopeQuery } from './get-project-visibility-scope.handler';

@Controller()
export class OrderVisibilityMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('permissions.orders.visibility-scope')
  scope(@Payload() message: RpcMessage<'permissions.orders.visibility-scope'>): Promise<OrderVisibilityScope> {
    return this.queries.execute(new GetOrderVisibilityScopeQuery(message.ctx.tenantId, message.data.personId));
  }

  @RpcHandler('permissions.projects.visibility-scope')
  projectScope(@Payload() message: RpcMessage<'permissions.projects.visibility-scope'>): Promise<ProjectScope & { policyVersion: number }> {
    return this.queries.execute(new GetProjectVisibilityScopeQuery(message.ctx.tenantId, message.data.personId));
  }
}
