import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { CreateAutomationCommand } from './create-automation.handler';
import { DeleteAutomationCommand } from './delete-automation.handler';
import { DryRunAutomationQuery } from './dry-run-automation.handler';
import { GetAutomationQuery } from './get-automation.handler';
import { ListAutomationsQuery } from './list-automations.handler';
import { UpdateAutomationCommand } from './update-automation.handler';

/** The automation rule RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class AutomationsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('workflow.automations.list')
  list(@Payload() message: RpcMessage<'workflow.automations.list'>): Promise<RpcResponse<'workflow.automations.list'>> {
    return this.queries.execute(new ListAutomationsQuery(message.ctx.tenantId));
  }

  @RpcHandler('workflow.automations.get')
  get(@Payload() message: RpcMessage<'workflow.automations.get'>): Promise<RpcResponse<'workflow.automations.get'>> {
    return this.queries.execute(new GetAutomationQuery(message.ctx.tenantId, message.data.ruleId));
  }

  @RpcHandler('workflow.automations.create')
  create(@Payload() message: RpcMessage<'workflow.automations.create'>): Promise<RpcResponse<'workflow.automations.create'>> {
    return this.commands.execute(new CreateAutomationCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.automations.update')
  update(@Payload() message: RpcMessage<'workflow.automations.update'>): Promise<RpcResponse<'workflow.automations.update'>> {
    return this.commands.execute(new UpdateAutomationCommand(message.ctx, message.data.ruleId, message.data.changes));
  }

  @RpcHandler('workflow.automations.delete')
  delete(@Payload() message: RpcMessage<'workflow.automations.delete'>): Promise<RpcResponse<'workflow.automations.delete'>> {
    return this.commands.execute(new DeleteAutomationCommand(message.ctx, message.data.ruleId));
  }

  @RpcHandler('workflow.automations.dry-run')
  dryRun(@Payload() message: RpcMessage<'workflow.automations.dry-run'>): Promise<RpcResponse<'workflow.automations.dry-run'>> {
    return this.queries.execute(new DryRunAutomationQuery(message.ctx, message.data.ruleId, message.data.orderId));
  }
}
