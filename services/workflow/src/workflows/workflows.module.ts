import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { AddTransitionHandler } from './add-transition.handler';
import { ChangeTransitionHandler } from './change-transition.handler';
import { CreateWorkflowHandler } from './create-workflow.handler';
import { GetWorkflowHandler } from './get-workflow.handler';
import { ListWorkflowsHandler } from './list-workflows.handler';
import { ProvisionTenantHandler } from './provision-tenant.handler';
import { RemoveTransitionHandler } from './remove-transition.handler';
import { TransitionGrantsCheck } from './transition-grants.check';
import { UpdateWorkflowHandler } from './update-workflow.handler';
import { WorkflowRepository } from './workflow.repository';
import { WorkflowsMessages } from './workflows.messages';

@Module({
  imports: [PeopleModule],
  controllers: [WorkflowsMessages],
  providers: [
    WorkflowRepository,
    TransitionGrantsCheck,
    ProvisionTenantHandler,
    ListWorkflowsHandler,
    GetWorkflowHandler,
    CreateWorkflowHandler,
    UpdateWorkflowHandler,
    AddTransitionHandler,
    ChangeTransitionHandler,
    RemoveTransitionHandler,
  ],
  exports: [WorkflowRepository],
})
export class WorkflowsModule {}
