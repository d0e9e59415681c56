import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '@warden/messaging';
import type { OutgoingEvent, RequestContext, UpdateWorkflowData, WorkflowView } from '@warden/contracts';
import { TransitionGrantsCheck } from './transition-grants.check';
import { WorkflowErrors } from './workflow.errors';
import { checkStatuses, publishWorkflow, writeStatuses, writeTransitions } from './workflow.record';
import { WorkflowRepository } from './workflow.repository';

/** Renames a workflow and, when given, replaces its statuses (unused ones left out are deleted) and transitions. */
export class UpdateWorkflowCommand extends Command<WorkflowView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: UpdateWorkflowData,
  ) {
    super();
  }
}

@CommandHandler(UpdateWorkflowCommand)
export class UpdateWorkflowHandler implements ICommandHandler<UpdateWorkflowCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowRepository,
    private readonly grants: TransitionGrantsCheck,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, data }: UpdateWorkflowCommand): Promise<WorkflowView> {
    const tenantId = ctx.tenantId;
    const before = await this.workflows.get(tenantId, data.workflowId);
    if (!before) throw WorkflowErrors.notFound();
    await this.grants.requireForWorkflow(ctx, before.kind, data.transitions);
    return this.dataSource.transaction(async (tx) => {
      const current = await this.workflows.get(tenantId, data.workflowId, tx, true);
      if (!current) throw WorkflowErrors.notFound();
      await this.workflows.renameWorkflow(tx, tenantId, current.id, data.name);
      if (data.statuses) {
        checkStatuses(current.kind, data.statuses);
        const known = new Set(current.statuses.map((status) => status.id));
        data.statuses.forEach((status, index) => {
          if (status.id !== undefined && !known.has(status.id)) throw WorkflowErrors.unknownStatus(`statuses.${index}.id`);
        });
        await writeStatuses(
          this.workflows,
          tx,
          tenantId,
          current.id,
          data.statuses,
          current.statuses.map((s) => ({ id: s.id, name: s.name })),
        );
      }
      // Transitions of statuses deleted above went with them (ON DELETE CASCADE).
      if (data.transitions) await writeTransitions(this.workflows, tx, tenantId, current.id, data.transitions);
      return publishWorkflow({ workflows: this.workflows, events: this.events, audit: this.audit }, tx, tenantId, current.id, current);
    });
  }
}
