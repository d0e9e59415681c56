import { Module } from '@nestjs/common';
import { MyWorkflowView } from './my-workflow-view';
import { WorkflowTransitionsController } from './workflow-transitions.controller';
import { WorkflowsController } from './workflows.controller';

@Module({ controllers: [WorkflowsController, WorkflowTransitionsController], providers: [MyWorkflowView] })
export class WorkflowsModule {}
