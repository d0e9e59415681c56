import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcHandler } from '@warden/service-kit';
import type { RpcMessage } from '@warden/service-kit';
import type { Page } from '@warden/kernel';
import type { CompanyView } from '@warden/contracts';
import { CompaniesService } from './companies.service';

@Controller()
export class CompaniesMessages {
  constructor(private readonly companies: CompaniesService) {}

  @RpcHandler('directory.companies.list')
  list(@Payload() message: RpcMessage<'directory.companies.list'>): Promise<Page<CompanyView>> {
    return this.companies.list(message.ctx.tenantId, message.data);
  }

  @RpcHandler('directory.companies.get')
  get(@Payload() message: RpcMessage<'directory.companies.get'>): Promise<CompanyView> {
    return this.companies.get(message.ctx.tenantId, message.data.companyId);
  }

  @RpcHandler('directory.companies.create')
  create(@Payload() message: RpcMessage<'directory.companies.create'>): Promise<CompanyView> {
    return this.companies.create(message.ctx, message.data);
  }

  @RpcHandler('directory.companies.update')
  update(@Payload() message: RpcMessage<'directory.companies.update'>): Promise<CompanyView> {
    return this.companies.update(message.ctx, message.data.companyId, message.data.changes);
  }

  @RpcHandler('directory.companies.client-managers.put')
  setClientManagers(@Payload() message: RpcMessage<'directory.companies.client-managers.put'>): Promise<CompanyView> {
    return this.companies.setClientManagers(message.ctx, message.data.companyId, message.data.personIds);
  }
}
