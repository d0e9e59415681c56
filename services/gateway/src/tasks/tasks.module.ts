import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TemplatesModule } from '../templates/templates.module';
import { TaskAccessService } from './task-access.service';
import { TasksController } from './tasks.controller';

@Module({ imports: [ProjectsModule, TemplatesModule], controllers: [TasksController], providers: [TaskAccessService] })
export class TasksModule {}
