import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TemplatesModule } from '../templates/templates.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { PeopleModule } from '../people/people.module';
import { ChangeTaskParticipantsHandler } from './change-task-participants.handler';
import { ChangeTaskStatusHandler } from './change-task-status.handler';
import { CreateTaskHandler } from './create-task.handler';
import { GetTaskAccessFactsHandler } from './get-task-access-facts.handler';
import { GetTaskHistoryHandler } from './get-task-history.handler';
import { GetTaskInitialStatusesHandler } from './get-task-initial-statuses.handler';
import { GetTaskHandler } from './get-task.handler';
import { DiffTaskSightHandler } from './diff-task-sight.handler';
import { TaskSightRepository } from './task-sight.repository';
import { ListTasksHandler } from './list-tasks.handler';
import { TaskRepository } from './task.repository';
import { TasksMessages } from './tasks.messages';
import { UpdateTaskHandler } from './update-task.handler';

@Module({
  imports: [PeopleModule, WorkflowsModule, ProjectsModule, TemplatesModule],
  controllers: [TasksMessages],
  providers: [
    TaskRepository,
    TaskSightRepository,
    DiffTaskSightHandler,
    CreateTaskHandler,
    GetTaskInitialStatusesHandler,
    ListTasksHandler,
    GetTaskHandler,
    UpdateTaskHandler,
    ChangeTaskParticipantsHandler,
    ChangeTaskStatusHandler,
    GetTaskHistoryHandler,
    GetTaskAccessFactsHandler,
  ],
})
export class TasksModule {}
