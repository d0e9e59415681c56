import { Module } from '@nestjs/common';
import { CheckModule } from './check/check.module';
import { GroupsModule } from './groups/groups.module';
import { OverridesModule } from './overrides/overrides.module';
import { PolicyModule } from './policy/policy.module';
import { TaskAccessModule } from './task-access/task-access.module';
import { StatusAccessModule } from './status-access/status-access.module';
import { TenantsModule } from './tenants/tenants.module';
import { RightsHoldersModule } from './rights-holders/rights-holders.module';
import { PortalModule } from './portal/portal.module';
import { OrderAccessModule } from './order-access/order-access.module';

@Module({
  imports: [PolicyModule, CheckModule, GroupsModule, OverridesModule, TenantsModule, StatusAccessModule, RightsHoldersModule, PortalModule, TaskAccessModule, OrderAccessModule],
})
export class PermissionsModule {}
