import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { TransitionGrantsCheck } from './transition-grants.check';
import { WorkflowRepository } from './workflow.repository';
import { WorkflowsMessages } from './workflows.messages';
import { WorkflowsService } from './workflows.service';

@Module({
  imports: [PeopleModule],
  controllers: [WorkflowsMessages],
  providers: [WorkflowRepository, WorkflowsService, TransitionGrantsCheck],
  exports: [WorkflowRepository, WorkflowsService],
})
export class WorkflowsModule {}
