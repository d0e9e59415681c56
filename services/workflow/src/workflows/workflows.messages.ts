import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { TransitionView, WorkflowView } from '@warden/contracts';
import { WorkflowsService } from './workflows.service';

@Controller()
export class WorkflowsMessages {
  constructor(private readonly workflows: WorkflowsService) {}

  @RpcHandler('workflow.tenants.provision')
  async provision(@Payload() message: RpcMessage<'workflow.tenants.provision'>): Promise<{ workflow: WorkflowView }> {
    return { workflow: await this.workflows.provision(message.ctx.tenantId) };
  }

  @RpcHandler('workflow.workflows.list')
  list(@Payload() message: RpcMessage<'workflow.workflows.list'>): Promise<WorkflowView[]> {
    return this.workflows.list(message.ctx.tenantId, message.data.kind);
  }

  @RpcHandler('workflow.workflows.get')
  get(@Payload() message: RpcMessage<'workflow.workflows.get'>): Promise<WorkflowView> {
    return this.workflows.get(message.ctx.tenantId, message.data.workflowId);
  }

  @RpcHandler('workflow.workflows.create')
  create(@Payload() message: RpcMessage<'workflow.workflows.create'>): Promise<WorkflowView> {
    return this.workflows.create(message.ctx, message.data);
  }

  @RpcHandler('workflow.workflows.update')
  update(@Payload() message: RpcMessage<'workflow.workflows.update'>): Promise<WorkflowView> {
    return this.workflows.update(message.ctx, message.data);
  }

  @RpcHandler('workflow.transitions.add')
  addTransition(@Payload() message: RpcMessage<'workflow.transitions.add'>): Promise<TransitionView> {
    return this.workflows.addTransition(message.ctx, message.data);
  }

  @RpcHandler('workflow.transitions.change')
  changeTransition(@Payload() message: RpcMessage<'workflow.transitions.change'>): Promise<TransitionView> {
    return this.workflows.changeTransition(message.ctx, message.data);
  }

  @RpcHandler('workflow.transitions.remove')
  removeTransition(@Payload() message: RpcMessage<'workflow.transitions.remove'>): Promise<{ deleted: true }> {
    return this.workflows.removeTransition(message.ctx, message.data);
  }
}
