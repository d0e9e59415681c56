import { Module } from '@nestjs/common';
import { TenantCreatedConsumer } from '../tenants/tenant-created.consumer';
import { WorkflowRepository } from './workflow.repository';
import { WorkflowsMessages } from './workflows.messages';
import { WorkflowsService } from './workflows.service';

@Module({
  controllers: [WorkflowsMessages],
  providers: [WorkflowRepository, WorkflowsService, TenantCreatedConsumer],
  exports: [WorkflowRepository, WorkflowsService],
})
export class WorkflowsModule {}
