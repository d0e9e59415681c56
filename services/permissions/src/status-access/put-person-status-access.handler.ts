import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PersonStatusAccessView, PolicyChange, RequestContext, StatusLevelInput } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import type { AuditValues } from '@warden/messaging';
import { PolicyVersions } from '../policy/policy-versions';
import { personStatusAccessValues } from './status-access.audit';
import { personStatusAccess } from './status-access.record';
import { StatusAccessRepository } from './status-access.repository';
import { checkLevels } from './status-levels.check';

/** The person's own levels on the statuses named, and the closed-order flag unless `mayChangeClosed` is left out. */
export class PutPersonStatusAccessCommand extends Command<{ access: PersonStatusAccessView; policy: PolicyChange }> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
    readonly levels: StatusLevelInput[],
    readonly mayChangeClosed: boolean | null | undefined,
  ) {
    super();
  }
}

@CommandHandler(PutPersonStatusAccessCommand)
export class PutPersonStatusAccessHandler implements ICommandHandler<PutPersonStatusAccessCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: StatusAccessRepository,
    private readonly policy: PolicyVersions,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({
    ctx,
    personId,
    levels,
    mayChangeClosed,
  }: PutPersonStatusAccessCommand): Promise<{ access: PersonStatusAccessView; policy: PolicyChange }> {
    const tenantId = ctx.tenantId;
    await checkLevels(this.repository, tenantId, levels);
    const policy = await this.dataSource.transaction(async (tx) => {
      const audited = (): Promise<AuditValues> =>
        personStatusAccessValues(
          this.repository,
          tx,
          tenantId,
          personId,
          levels.map((input) => input.statusId),
        );
      const before = await audited();
      for (const input of levels) await this.repository.setPersonLevel(tx, tenantId, personId, input.statusId, input.level);
      if (mayChangeClosed !== undefined) await this.repository.setFlag(tx, tenantId, personId, mayChangeClosed);
      await this.audit.record(tx, tenantId, {
        action: 'status-access.person.updated',
        resource: { type: 'person', id: personId },
        before,
        after: await audited(),
      });
      return this.policy.bump(tx, tenantId, [personId], 'status-access.person');
    });
    return { access: await personStatusAccess(this.repository, tenantId, personId), policy };
  }
}
