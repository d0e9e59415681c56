import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { CompanyInput, CompanyView, OutgoingEvent, RequestContext } from '@warden/contracts';
import { newId } from '@warden/kernel';
import { happened } from '../shared/events';
import { unique } from '../shared/text';
import { ClientManagersCheck } from './client-managers.check';
import { clientManagersChanged, companyCreated } from './company.events';
import { writeCompany } from './company.record';
import { CompanyRepository } from './company.repository';

export class CreateCompanyCommand extends Command<CompanyView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: CompanyInput,
  ) {
    super();
  }
}

@CommandHandler(CreateCompanyCommand)
export class CreateCompanyHandler implements ICommandHandler<CreateCompanyCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly companies: CompanyRepository,
    private readonly clientManagers: ClientManagersCheck,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, input }: CreateCompanyCommand): Promise<CompanyView> {
    const managers = unique(input.clientManagerIds ?? []);
    const id = newId();
    await this.clientManagers.require(ctx, id, managers);
    return writeCompany(this.dataSource.manager, async (manager) => {
      await this.companies.insert(manager, ctx.tenantId, id, input.name, input.taxId ?? null);
      await this.companies.setManagers(manager, ctx.tenantId, id, managers);
      const company = (await this.companies.find(manager, ctx.tenantId, id))!;
      await this.events.publishAll(
        happened(companyCreated(ctx.tenantId, company), clientManagersChanged(ctx.tenantId, [], company)),
        manager,
      );
      return company;
    });
  }
}
