import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import { AuditRecorder } from '@warden/messaging';
import type { CreateWorkflowData, OutgoingEvent, RequestContext, WorkflowView } from '@warden/contracts';
import { TransitionGrantsCheck } from './transition-grants.check';
import { checkStatuses, publishWorkflow, writeStatuses, writeTransitions } from './workflow.record';
import { WorkflowRepository } from './workflow.repository';

/** A workflow with its statuses (and a task workflow's transitions); the tenant's first of its kind is the default. */
export class CreateWorkflowCommand extends Command<WorkflowView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: CreateWorkflowData,
  ) {
    super();
  }
}

@CommandHandler(CreateWorkflowCommand)
export class CreateWorkflowHandler implements ICommandHandler<CreateWorkflowCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowRepository,
    private readonly grants: TransitionGrantsCheck,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, data }: CreateWorkflowCommand): Promise<WorkflowView> {
    const tenantId = ctx.tenantId;
    checkStatuses(data.kind, data.statuses);
    await this.grants.requireForWorkflow(ctx, data.kind, data.transitions);
    return this.dataSource.transaction(async (tx) => {
      const id = newId();
      const hasDefault = (await this.workflows.list(tenantId, data.kind, tx)).length > 0;
      await this.workflows.insertWorkflow(tx, tenantId, {
        id,
        name: data.name,
        kind: data.kind,
        free: data.kind === 'order',
        isDefault: !hasDefault,
      });
      await writeStatuses(this.workflows, tx, tenantId, id, data.statuses, []);
      if (data.transitions) await writeTransitions(this.workflows, tx, tenantId, id, data.transitions);
      return publishWorkflow({ workflows: this.workflows, events: this.events, audit: this.audit }, tx, tenantId, id, null);
    });
  }
}
