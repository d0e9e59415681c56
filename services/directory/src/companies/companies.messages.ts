import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { CompanyView } from '@warden/contracts';
import { CreateCompanyCommand } from './create-company.handler';
import { GetCompanyQuery } from './get-company.handler';
import { ListCompaniesQuery } from './list-companies.handler';
import { UpdateCompanyCommand } from './update-company.handler';

/** The company RPCs: each message becomes one command or query for its handler (`*.handler.ts` beside this file). */
@Controller()
export class CompaniesMessages {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @RpcHandler('directory.companies.list')
  list(@Payload() message: RpcMessage<'directory.companies.list'>): Promise<Page<CompanyView>> {
    return this.queries.execute(new ListCompaniesQuery(message.ctx.tenantId, message.data));
  }

  @RpcHandler('directory.companies.get')
  get(@Payload() message: RpcMessage<'directory.companies.get'>): Promise<CompanyView> {
    return this.queries.execute(new GetCompanyQuery(message.ctx.tenantId, message.data.companyId));
  }

  @RpcHandler('directory.companies.create')
  create(@Payload() message: RpcMessage<'directory.companies.create'>): Promise<CompanyView> {
    return this.commands.execute(new CreateCompanyCommand(message.ctx, message.data));
  }

  @RpcHandler('directory.companies.update')
  update(@Payload() message: RpcMessage<'directory.companies.update'>): Promise<CompanyView> {
    return this.commands.execute(new UpdateCompanyCommand(message.ctx, message.data.companyId, message.data.changes));
  }

  /** The client managers as a whole: an update changing nothing else. */
  @RpcHandler('directory.companies.client-managers.put')
  setClientManagers(@Payload() message: RpcMessage<'directory.companies.client-managers.put'>): Promise<CompanyView> {
    return this.commands.execute(
      new UpdateCompanyCommand(message.ctx, message.data.companyId, { clientManagerIds: message.data.personIds }),
    );
  }
}
