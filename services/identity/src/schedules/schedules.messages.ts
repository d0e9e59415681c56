import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import type { WorkingNowView, WorkScheduleView } from '@warden/contracts';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import { ClearScheduleHandler } from './commands/clear-schedule.handler';
import { PutScheduleHandler } from './commands/put-schedule.handler';
import { GetScheduleHandler } from './queries/get-schedule.handler';
import { WorkingNowHandler } from './queries/working-now.handler';

/** Work schedules over the bus; the tenant always comes from the caller's context. */
@Controller()
export class SchedulesMessages {
  constructor(
    private readonly getSchedule: GetScheduleHandler,
    private readonly putSchedule: PutScheduleHandler,
    private readonly clearSchedule: ClearScheduleHandler,
    private readonly workingNow: WorkingNowHandler,
  ) {}

  @RpcHandler('identity.schedules.get')
  get(@Payload() message: RpcMessage<'identity.schedules.get'>): Promise<WorkScheduleView> {
    return this.getSchedule.execute(message.ctx.tenantId, message.data.personId);
  }

  @RpcHandler('identity.schedules.put')
  put(@Payload() message: RpcMessage<'identity.schedules.put'>): Promise<WorkScheduleView> {
    return this.putSchedule.execute(message.ctx.tenantId, message.data.personId, message.data.schedule);
  }

  @RpcHandler('identity.schedules.clear')
  clear(@Payload() message: RpcMessage<'identity.schedules.clear'>): Promise<WorkScheduleView> {
    return this.clearSchedule.execute(message.ctx.tenantId, message.data.personId);
  }

  @RpcHandler('identity.schedules.working-now')
  now(@Payload() message: RpcMessage<'identity.schedules.working-now'>): Promise<WorkingNowView> {
    return this.workingNow.execute(message.ctx.tenantId, message.data.personId, message.data.at);
  }
}
