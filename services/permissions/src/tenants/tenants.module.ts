import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { PersonsModule } from '../persons/persons.module';
import { PolicyModule } from '../policy/policy.module';
import { IdentityEventsConsumer } from './identity-events.consumer';
import { ProvisionTenantHandler } from './provision-tenant.handler';
import { TenantsMessages } from './tenants.messages';

/** Tenant provisioning and the identity events that feed the persons read model and memberships. */
@Module({
  imports: [GroupsModule, PersonsModule, PolicyModule],
  controllers: [TenantsMessages],
  providers: [ProvisionTenantHandler, IdentityEventsConsumer],
})
export class TenantsModule {}
