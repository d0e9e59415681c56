import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '@warden/messaging';
import type { ReceptionView, RequestContext, SetReceptionRequest } from '@warden/contracts';
import { InquiryRouter } from '../routing/inquiry.router';
import { ChatErrors } from '../shared/chat.errors';
import { bumpRosterVersion } from '../shared/roster-version';
import { queryRows } from '../shared/sql';
import { receptionOf, toReceptionView } from './reception.record';
import type { ReceptionRow } from './reception.record';

export class SetReceptionCommand extends Command<ReceptionView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: SetReceptionRequest,
  ) {
    super();
  }
}

/**
 * Who an employee takes new inquiries from; `anyone` only with access to all branches. Changing a mode never
 * touches inquiries already assigned; it may let waiting ones be routed.
 */
@CommandHandler(SetReceptionCommand)
export class SetReceptionHandler implements ICommandHandler<SetReceptionCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly router: InquiryRouter,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, data }: SetReceptionCommand): Promise<ReceptionView> {
    return this.dataSource.transaction(async (tx) => {
      // The routing lock before the employee's row: the same order as every other roster change.
      await bumpRosterVersion(tx, ctx.tenantId);
      const current = await receptionOf(tx, ctx.tenantId, data.personId, true);
      if (data.mode === 'anyone' && !current.all_branches && !data.hasAllBranchesRight)
        throw ChatErrors.anyoneNeedsAllBranches(current.full_name);
      const rows = await queryRows<ReceptionRow>(
        tx,
        `UPDATE employees SET mode = $3, mode_set_by = $4, mode_set_at = now() WHERE tenant_id = $1 AND person_id = $2
         RETURNING person_id, full_name, mode, mode_set_by, mode_set_at, all_branches`,
        [ctx.tenantId, data.personId, data.mode, ctx.actorId],
      );
      await this.audit.record(tx, ctx.tenantId, {
        action: 'reception.updated',
        resource: { type: 'reception', id: data.personId },
        before: { mode: current.mode },
        after: { mode: data.mode },
      });
      await this.router.drain(tx, ctx.tenantId);
      return toReceptionView(rows[0]!);
    });
  }
}
