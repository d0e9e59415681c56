import { Module } from '@nestjs/common';
import { AutomationsModule } from './automations/automations.module';
import { OrdersModule } from './orders/orders.module';
import { ProjectsModule } from './projects/projects.module';
import { TasksModule } from './tasks/tasks.module';
import { TemplatesModule } from './templates/templates.module';
import { TenantsModule } from './tenants/tenants.module';
import { WorkflowsModule } from './workflows/workflows.module';

@Module({ imports: [WorkflowsModule, OrdersModule, ProjectsModule, TemplatesModule, TasksModule, TenantsModule, AutomationsModule] })
export class WorkflowModule {}
