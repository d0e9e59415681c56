import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import { AuditRecorder } from '@warden/messaging';
import type { AddTransitionData, OutgoingEvent, RequestContext, TransitionView } from '@warden/contracts';
import { TransitionGrantsCheck } from './transition-grants.check';
import { TransitionErrors } from './transition.errors';
import { resolveTransition, statusIdReferences } from './transition.input';
import { changeTransition } from './transition.record';
import { existingWorkflow } from './workflow.record';
import { WorkflowRepository } from './workflow.repository';

/** Adds one transition to a task workflow: 409 when the pair exists, 422 naming `fromStatusId`/`toStatusId`/`grants…`. */
export class AddTransitionCommand extends Command<TransitionView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: AddTransitionData,
  ) {
    super();
  }
}

@CommandHandler(AddTransitionCommand)
export class AddTransitionHandler implements ICommandHandler<AddTransitionCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowRepository,
    private readonly grants: TransitionGrantsCheck,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, data }: AddTransitionCommand): Promise<TransitionView> {
    const tenantId = ctx.tenantId;
    const before = await existingWorkflow(this.workflows, tenantId, data.workflowId);
    if (before.kind !== 'task') throw TransitionErrors.freeWorkflow();
    await this.grants.requireOne(ctx, data);
    const writes = { workflows: this.workflows, events: this.events, audit: this.audit };
    return changeTransition(this.dataSource, writes, tenantId, before.id, async (tx, current) => {
      const elsewhere = await this.workflows.statusIdsOutside(tx, tenantId, current.id, statusIdReferences([data]));
      const resolved = resolveTransition(data, current.statuses, elsewhere);
      if (
        current.transitions.some(
          (transition) => transition.fromStatusId === resolved.fromStatusId && transition.toStatusId === resolved.toStatusId,
        )
      ) {
        const name = (id: string): string => current.statuses.find((status) => status.id === id)?.name ?? id;
        throw TransitionErrors.exists(name(resolved.fromStatusId), name(resolved.toStatusId));
      }
      const id = newId();
      await this.workflows.insertTransition(tx, tenantId, current.id, id, resolved);
      return id;
    });
  }
}
