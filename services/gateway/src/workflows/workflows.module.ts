import { Module } from '@nestjs/common';
import { MyWorkflowView } from './my-workflow-view';
import { WorkflowsController } from './workflows.controller';

@Module({ controllers: [WorkflowsController], providers: [MyWorkflowView] })
export class WorkflowsModule {}
