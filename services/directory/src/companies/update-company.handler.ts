import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { CompanyChanges, CompanyView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { happened } from '../shared/events';
import { unique } from '../shared/text';
import { ClientManagersCheck } from './client-managers.check';
import { CompanyErrors } from './company.errors';
import { clientManagersChanged, companyUpdated } from './company.events';
import { writeCompany } from './company.record';
import { CompanyRepository } from './company.repository';

/** Also what `directory.companies.client-managers.put` sends, with `clientManagerIds` the only change. */
export class UpdateCompanyCommand extends Command<CompanyView> {
  constructor(
    readonly ctx: RequestContext,
    readonly companyId: string,
    readonly changes: CompanyChanges,
  ) {
    super();
  }
}

/** `clientManagerIds`, when given, is the whole new list. */
@CommandHandler(UpdateCompanyCommand)
export class UpdateCompanyHandler implements ICommandHandler<UpdateCompanyCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompanyRepository,
    private readonly clientManagers: ClientManagersCheck,
    private readonly events: EventBus<OutgoingEvent>,
    private readonly audit: AuditRecorder,
  ) {}

  async execute({ ctx, companyId, changes }: UpdateCompanyCommand): Promise<CompanyView> {
    const managers = changes.clientManagerIds === undefined ? undefined : unique(changes.clientManagerIds);
    if (managers) await this.clientManagers.require(ctx, companyId, managers);
    return writeCompany(this.dataSource.manager, async (manager) => {
      const before = await this.companies.find(manager, ctx.tenantId, companyId, true);
      if (!before) throw CompanyErrors.notFound();
      const taxId = changes.taxId === undefined ? before.taxId : changes.taxId;
      await this.companies.update(manager, ctx.tenantId, companyId, changes.name ?? before.name, taxId);
      if (managers) await this.companies.setManagers(manager, ctx.tenantId, companyId, managers);
      const after = (await this.companies.find(manager, ctx.tenantId, companyId))!;
      await this.events.publishAll(
        happened(companyUpdated(ctx.tenantId, after), clientManagersChanged(ctx.tenantId, before.clientManagerIds, after)),
        manager,
      );
      // Who sees all of the company's items is an administrative setting; its name and tax id are not.
      const managersOf = (company: CompanyView) => ({ clientManagerIds: [...company.clientManagerIds].sort() });
      await this.audit.record(manager, ctx.tenantId, {
        action: 'company.client-managers.updated',
        resource: { type: 'company', id: companyId },
        before: managersOf(before),
        after: managersOf(after),
      });
      return after;
    });
  }
}
