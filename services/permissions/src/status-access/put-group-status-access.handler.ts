import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { GroupStatusAccessView, PolicyChange, RequestContext, StatusLevelInput } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import type { AuditValues } from '@warden/messaging';
import { PolicyVersions } from '../policy/policy-versions';
import { groupStatusAccessValues } from './status-access.audit';
import { StatusAccessErrors } from './status-access.errors';
import { groupStatusAccess } from './status-access.record';
import { StatusAccessRepository } from './status-access.repository';
import { checkLevels } from './status-levels.check';

/** The group's levels on the statuses named; its members' decisions go. */
export class PutGroupStatusAccessCommand extends Command<{ access: GroupStatusAccessView; policy: PolicyChange }> {
  constructor(
    readonly ctx: RequestContext,
    readonly groupId: string,
    readonly levels: StatusLevelInput[],
  ) {
    super();
  }
}

@CommandHandler(PutGroupStatusAccessCommand)
export class PutGroupStatusAccessHandler implements ICommandHandler<PutGroupStatusAccessCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StatusAccessRepository,
    private readonly policy: PolicyVersions,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, groupId, levels }: PutGroupStatusAccessCommand): Promise<{ access: GroupStatusAccessView; policy: PolicyChange }> {
    const tenantId = ctx.tenantId;
    if (!(await this.repository.group(tenantId, groupId))) throw StatusAccessErrors.groupNotFound();
    await checkLevels(this.repository, tenantId, levels);
    const policy = await this.dataSource.transaction(async (tx) => {
      const audited = (): Promise<AuditValues> =>
        groupStatusAccessValues(
          this.repository,
          tx,
          tenantId,
          groupId,
          levels.map((input) => input.statusId),
        );
      const before = await audited();
      for (const input of levels) await this.repository.setGroupLevel(tx, tenantId, groupId, input.statusId, input.level);
      await this.audit.record(tx, tenantId, {
        action: 'status-access.group.updated',
        resource: { type: 'group', id: groupId },
        before,
        after: await audited(),
      });
      return this.policy.bump(tx, tenantId, await this.repository.groupMemberIds(tx, tenantId, groupId), 'status-access.group');
    });
    return { access: await groupStatusAccess(this.repository, tenantId, groupId), policy };
  }
}
