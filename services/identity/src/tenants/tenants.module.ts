import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { CreateTenantHandler } from './create-tenant.handler';
import { TenantRepository } from './tenant.repository';
import { TenantsMessages } from './tenants.messages';

@Module({
  imports: [PeopleModule],
  controllers: [TenantsMessages],
  providers: [TenantRepository, CreateTenantHandler],
  exports: [TenantRepository],
})
export class TenantsModule {}
