import { Module } from '@nestjs/common';
import { AutomationsModule } from './automations/automations.module';
import { OrdersModule } from './orders/orders.module';
import { ProjectsModule } from './projects/projects.module';
import { TasksModule } from './tasks/tasks.module';
import { TemplatesModule } from './templates/templates.module';
import { WorkflowsModule } from './workflows/workflows.module';

@Module({ imports: [WorkflowsModule, OrdersModule, ProjectsModule, TemplatesModule, TasksModule, AutomationsModule] })
export class WorkflowModule {}
