import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '@warden/messaging';
import type { OutgoingEvent, RequestContext, TransitionRef } from '@warden/contracts';
import { TransitionErrors } from './transition.errors';
import { changeTransitions } from './transition.record';
import { existingWorkflow } from './workflow.record';
import { WorkflowRepository } from './workflow.repository';

export class RemoveTransitionCommand extends Command<{ deleted: true }> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: TransitionRef,
  ) {
    super();
  }
}

@CommandHandler(RemoveTransitionCommand)
export class RemoveTransitionHandler implements ICommandHandler<RemoveTransitionCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, data }: RemoveTransitionCommand): Promise<{ deleted: true }> {
    const tenantId = ctx.tenantId;
    const before = await existingWorkflow(this.workflows, tenantId, data.workflowId);
    const writes = { workflows: this.workflows, events: this.events, audit: this.audit };
    await changeTransitions(this.dataSource, writes, tenantId, before.id, async (tx, current) => {
      const transition = current.transitions.find((candidate) => candidate.id === data.transitionId);
      if (!transition) throw TransitionErrors.notFound();
      await this.workflows.deleteTransition(tx, tenantId, transition.id);
    });
    return { deleted: true };
  }
}
