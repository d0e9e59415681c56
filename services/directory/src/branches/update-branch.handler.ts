import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { BranchChanges, BranchView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { BranchErrors } from './branch.errors';
import { branchUpdated } from './branch.events';
import { branchRecord, writeBranch } from './branch.record';
import { BranchRepository } from './branch.repository';

export class UpdateBranchCommand extends Command<BranchView> {
  constructor(
    readonly ctx: RequestContext,
    readonly branchId: string,
    readonly changes: BranchChanges,
  ) {
    super();
  }
}

@CommandHandler(UpdateBranchCommand)
export class UpdateBranchHandler implements ICommandHandler<UpdateBranchCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: BranchRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, branchId, changes }: UpdateBranchCommand): Promise<BranchView> {
    return writeBranch(this.dataSource.manager, async (manager) => {
      const current = await this.branches.find(manager, ctx.tenantId, branchId, true);
      if (!current) throw BranchErrors.notFound();
      const record = branchRecord(branchId, {
        name: changes.name ?? current.name,
        address: changes.address === undefined ? current.address : changes.address,
        timeZone: changes.timeZone ?? current.timeZone,
      });
      const branch = await this.branches.update(manager, ctx.tenantId, record);
      await this.events.publish(branchUpdated(ctx.tenantId, branch), manager);
      await this.audit.record(manager, ctx.tenantId, {
        action: 'branch.updated',
        resource: { type: 'branch', id: branchId },
        before: resourceValues(current),
        after: resourceValues(branch),
      });
      return branch;
    });
  }
}
