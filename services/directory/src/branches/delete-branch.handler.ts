import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { BranchErrors } from './branch.errors';
import { branchDeleted } from './branch.events';
import { writeBranch } from './branch.record';
import { BranchRepository } from './branch.repository';

export class DeleteBranchCommand extends Command<{ deleted: true }> {
  constructor(
    readonly ctx: RequestContext,
    readonly branchId: string,
  ) {
    super();
  }
}

/** Refused while anything still names the branch (BRANCH.IN_USE, from the foreign keys). */
@CommandHandler(DeleteBranchCommand)
export class DeleteBranchHandler implements ICommandHandler<DeleteBranchCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: BranchRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, branchId }: DeleteBranchCommand): Promise<{ deleted: true }> {
    return writeBranch(this.dataSource.manager, async (manager) => {
      const current = await this.branches.find(manager, ctx.tenantId, branchId, true);
      if (!current) throw BranchErrors.notFound();
      await this.branches.delete(manager, ctx.tenantId, branchId);
      await this.events.publish(branchDeleted(ctx.tenantId, branchId), manager);
      await this.audit.record(manager, ctx.tenantId, {
        action: 'branch.deleted',
        resource: { type: 'branch', id: branchId },
        before: resourceValues(current),
        after: null,
      });
      return { deleted: true as const };
    });
  }
}
