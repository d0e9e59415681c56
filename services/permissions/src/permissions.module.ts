import { Module } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { CheckModule } from './check/check.module';
import { ResourceRuleRegistry } from './check/resource-rule.registry';
import { GroupsModule } from './groups/groups.module';
import { OverridesModule } from './overrides/overrides.module';
import { PolicyModule } from './policy/policy.module';
import { TaskAccessModule } from './task-access/task-access.module';
import { StatusAccessModule } from './status-access/status-access.module';
import { TenantsModule } from './tenants/tenants.module';
import { RightsHoldersModule } from './rights-holders/rights-holders.module';
import { PortalModule } from './portal/portal.module';
import { OrderAccessModule } from './order-access/order-access.module';
import { ChatAccessModule } from './chat-access/chat-access.module';
import { PreviewModule } from './preview/preview.module';
import { RESOURCE_RULES } from './resource-rules';

@Module({
  imports: [
    PolicyModule,
    CheckModule,
    GroupsModule,
    OverridesModule,
    TenantsModule,
    StatusAccessModule,
    RightsHoldersModule,
    PortalModule,
    TaskAccessModule,
    OrderAccessModule,
    ChatAccessModule,
    PreviewModule,
  ],
})
export class PermissionsModule implements OnModuleInit {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly registry: ResourceRuleRegistry,
  ) {}

  /** The rules of resource-rules.ts, each the instance its own module provides. */
  onModuleInit(): void {
    for (const rule of RESOURCE_RULES) this.registry.register(this.moduleRef.get(rule, { strict: false }));
  }
}
