import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { RpcResponse } from '@warden/contracts';
import { AutomationsService } from './automations.service';

@Controller()
export class AutomationsMessages {
  constructor(private readonly automations: AutomationsService) {}

  @RpcHandler('workflow.automations.list')
  list(@Payload() message: RpcMessage<'workflow.automations.list'>): Promise<RpcResponse<'workflow.automations.list'>> {
    return this.automations.list(message.ctx);
  }

  @RpcHandler('workflow.automations.get')
  get(@Payload() message: RpcMessage<'workflow.automations.get'>): Promise<RpcResponse<'workflow.automations.get'>> {
    return this.automations.get(message.ctx, message.data.ruleId);
  }

  @RpcHandler('workflow.automations.create')
  create(@Payload() message: RpcMessage<'workflow.automations.create'>): Promise<RpcResponse<'workflow.automations.create'>> {
    return this.automations.create(message.ctx, message.data);
  }

  @RpcHandler('workflow.automations.update')
  update(@Payload() message: RpcMessage<'workflow.automations.update'>): Promise<RpcResponse<'workflow.automations.update'>> {
    return this.automations.update(message.ctx, message.data.ruleId, message.data.changes);
  }

  @RpcHandler('workflow.automations.delete')
  delete(@Payload() message: RpcMessage<'workflow.automations.delete'>): Promise<RpcResponse<'workflow.automations.delete'>> {
    return this.automations.delete(message.ctx, message.data.ruleId);
  }

  @RpcHandler('workflow.automations.dry-run')
  dryRun(@Payload() message: RpcMessage<'workflow.automations.dry-run'>): Promise<RpcResponse<'workflow.automations.dry-run'>> {
    return this.automations.dryRun(message.ctx, message.data.ruleId, message.data.orderId);
  }
}
