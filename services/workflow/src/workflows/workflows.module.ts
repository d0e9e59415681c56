import { Module } from '@nestjs/common';
import { PeopleModule } from '../tasks/people.module';
import { TenantCreatedConsumer } from '../tenants/tenant-created.consumer';
import { TransitionGrantsCheck } from './transition-grants.check';
import { WorkflowRepository } from './workflow.repository';
import { WorkflowsMessages } from './workflows.messages';
import { WorkflowsService } from './workflows.service';

@Module({
  imports: [PeopleModule],
  controllers: [WorkflowsMessages],
  providers: [WorkflowRepository, WorkflowsService, TransitionGrantsCheck, TenantCreatedConsumer],
  exports: [WorkflowRepository, WorkflowsService],
})
export class WorkflowsModule {}
