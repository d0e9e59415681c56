import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { WorkingNowView, WorkScheduleView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { ClearScheduleCommand } from './clear-schedule.handler';
import { GetScheduleQuery } from './get-schedule.handler';
import { PutScheduleCommand } from './put-schedule.handler';
import { WorkingNowQuery } from './working-now.handler';

/**
 * Work schedules over the bus; the tenant always comes from the caller's context. Each message becomes one
 * command or query for its handler (`*.handler.ts` beside this file).
 */
@Controller()
export class SchedulesMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('identity.schedules.get')
  get(@Payload() message: RpcMessage<'identity.schedules.get'>): Promise<WorkScheduleView> {
    return this.queries.execute(new GetScheduleQuery(message.ctx.tenantId, message.data.personId));
  }

  @RpcHandler('identity.schedules.put')
  put(@Payload() message: RpcMessage<'identity.schedules.put'>): Promise<WorkScheduleView> {
    return this.commands.execute(new PutScheduleCommand(message.ctx, message.data.personId, message.data.schedule));
  }

  @RpcHandler('identity.schedules.clear')
  clear(@Payload() message: RpcMessage<'identity.schedules.clear'>): Promise<WorkScheduleView> {
    return this.commands.execute(new ClearScheduleCommand(message.ctx, message.data.personId));
  }

  @RpcHandler('identity.schedules.working-now')
  now(@Payload() message: RpcMessage<'identity.schedules.working-now'>): Promise<WorkingNowView> {
    return this.queries.execute(new WorkingNowQuery(message.ctx.tenantId, message.data.personId, message.data.at));
  }
}
