import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TemplatesModule } from '../templates/templates.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { PeopleModule } from '../people/people.module';
import { TaskRepository } from './task.repository';
import { TasksMessages } from './tasks.messages';
import { TasksService } from './tasks.service';

@Module({
  imports: [PeopleModule, WorkflowsModule, ProjectsModule, TemplatesModule],
  controllers: [TasksMessages],
  providers: [TaskRepository, TasksService],
})
export class TasksModule {}
