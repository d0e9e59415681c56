import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { TransitionView, WorkflowView } from '@warden/contracts';
import { AddTransitionCommand } from './add-transition.handler';
import { ChangeTransitionCommand } from './change-transition.handler';
import { CreateWorkflowCommand } from './create-workflow.handler';
import { GetWorkflowQuery } from './get-workflow.handler';
import { ListWorkflowsQuery } from './list-workflows.handler';
import { ProvisionTenantCommand } from './provision-tenant.handler';
import { RemoveTransitionCommand } from './remove-transition.handler';
import { UpdateWorkflowCommand } from './update-workflow.handler';

/** The workflow and transition RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class WorkflowsMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('workflow.tenants.provision')
  async provision(@Payload() message: RpcMessage<'workflow.tenants.provision'>): Promise<{ workflow: WorkflowView }> {
    return { workflow: await this.commands.execute(new ProvisionTenantCommand(message.ctx.tenantId)) };
  }

  @RpcHandler('workflow.workflows.list')
  list(@Payload() message: RpcMessage<'workflow.workflows.list'>): Promise<WorkflowView[]> {
    return this.queries.execute(new ListWorkflowsQuery(message.ctx.tenantId, message.data.kind));
  }

  @RpcHandler('workflow.workflows.get')
  get(@Payload() message: RpcMessage<'workflow.workflows.get'>): Promise<WorkflowView> {
    return this.queries.execute(new GetWorkflowQuery(message.ctx.tenantId, message.data.workflowId));
  }

  @RpcHandler('workflow.workflows.create')
  create(@Payload() message: RpcMessage<'workflow.workflows.create'>): Promise<WorkflowView> {
    return this.commands.execute(new CreateWorkflowCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.workflows.update')
  update(@Payload() message: RpcMessage<'workflow.workflows.update'>): Promise<WorkflowView> {
    return this.commands.execute(new UpdateWorkflowCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.transitions.add')
  addTransition(@Payload() message: RpcMessage<'workflow.transitions.add'>): Promise<TransitionView> {
    return this.commands.execute(new AddTransitionCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.transitions.change')
  changeTransition(@Payload() message: RpcMessage<'workflow.transitions.change'>): Promise<TransitionView> {
    return this.commands.execute(new ChangeTransitionCommand(message.ctx, message.data));
  }

  @RpcHandler('workflow.transitions.remove')
  removeTransition(@Payload() message: RpcMessage<'workflow.transitions.remove'>): Promise<{ deleted: true }> {
    return this.commands.execute(new RemoveTransitionCommand(message.ctx, message.data));
  }
}
