import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Decision, Explanation } from '@warden/contracts';
import { CheckAccessQuery } from './check-access.handler';
import { ExplainDecisionQuery } from './explain-decision.handler';

/** check and explain: each message becomes one query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class CheckMessages {
  constructor(private readonly queries: QueryBus) {}

  @RpcHandler('permissions.check')
  check(@Payload() message: RpcMessage<'permissions.check'>): Promise<Decision> {
    return this.queries.execute(new CheckAccessQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('permissions.explain')
  explain(@Payload() message: RpcMessage<'permissions.explain'>): Promise<Explanation> {
    return this.queries.execute(new ExplainDecisionQuery(message.ctx.tenantId, message.data));
  }
}
