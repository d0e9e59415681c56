import { Module } from '@nestjs/common';
import { WorkflowsModule } from '../workflows/workflows.module';
import { TenantCreatedConsumer } from './tenant-created.consumer';

/** What a new tenant starts with: its default order workflow. */
@Module({
  imports: [WorkflowsModule],
  providers: [TenantCreatedConsumer],
})
export class TenantsModule {}
