import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '@warden/messaging';
import type { ChangeTransitionData, OutgoingEvent, RequestContext, TransitionView } from '@warden/contracts';
import { TransitionGrantsCheck } from './transition-grants.check';
import { TransitionErrors } from './transition.errors';
import { normaliseGrants } from './transition.input';
import { changeTransition } from './transition.record';
import { existingWorkflow } from './workflow.record';
import { WorkflowRepository } from './workflow.repository';

/** Replaces one transition's grants. */
export class ChangeTransitionCommand extends Command<TransitionView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: ChangeTransitionData,
  ) {
    super();
  }
}

@CommandHandler(ChangeTransitionCommand)
export class ChangeTransitionHandler implements ICommandHandler<ChangeTransitionCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowRepository,
    private readonly grants: TransitionGrantsCheck,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, data }: ChangeTransitionCommand): Promise<TransitionView> {
    const tenantId = ctx.tenantId;
    const before = await existingWorkflow(this.workflows, tenantId, data.workflowId);
    await this.grants.requireOne(ctx, data);
    const writes = { workflows: this.workflows, events: this.events, audit: this.audit };
    return changeTransition(this.dataSource, writes, tenantId, before.id, async (tx, current) => {
      const transition = current.transitions.find((candidate) => candidate.id === data.transitionId);
      if (!transition) throw TransitionErrors.notFound();
      await this.workflows.updateTransitionGrants(tx, tenantId, transition.id, normaliseGrants(data.grants));
      return transition.id;
    });
  }
}
