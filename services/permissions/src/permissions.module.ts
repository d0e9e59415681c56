import { Module } from '@nestjs/common';
import { CheckModule } from './check/check.module';
import { GroupsModule } from './groups/groups.module';
import { OverridesModule } from './overrides/overrides.module';
import { PolicyModule } from './policy/policy.module';
import { StatusAccessModule } from './status-access/status-access.module';
import { TenantsModule } from './tenants/tenants.module';

@Module({
  imports: [PolicyModule, CheckModule, GroupsModule, OverridesModule, TenantsModule, StatusAccessModule],
})
export class PermissionsModule {}
