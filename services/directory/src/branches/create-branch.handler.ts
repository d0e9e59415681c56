import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { BranchInput, BranchView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { newId } from '@warden/kernel';
import { AuditRecorder, resourceValues } from '@warden/messaging';
import { branchCreated } from './branch.events';
import { branchRecord, writeBranch } from './branch.record';
import { BranchRepository } from './branch.repository';

export class CreateBranchCommand extends Command<BranchView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: BranchInput,
  ) {
    super();
  }
}

@CommandHandler(CreateBranchCommand)
export class CreateBranchHandler implements ICommandHandler<CreateBranchCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly branches: BranchRepository,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, input }: CreateBranchCommand): Promise<BranchView> {
    const record = branchRecord(newId(), input);
    return writeBranch(this.dataSource.manager, async (manager) => {
      const branch = await this.branches.insert(manager, ctx.tenantId, record);
      await this.events.publish(branchCreated(ctx.tenantId, branch), manager);
      await this.audit.record(manager, ctx.tenantId, {
        action: 'branch.created',
        resource: { type: 'branch', id: branch.id },
        before: null,
        after: resourceValues(branch),
      });
      return branch;
    });
  }
}
