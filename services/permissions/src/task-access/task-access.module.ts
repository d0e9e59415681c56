import { Module } from '@nestjs/common';
import { CheckModule } from '../check/check.module';
import { PolicyModule } from '../policy/policy.module';
import { StatusAccessRepository } from '../status-access/status-access.repository';
import { GetTaskVisibilityHandler } from './get-task-visibility.handler';
import { TaskAccessMessages } from './task-access.messages';
import { TaskRule } from './task.rule';
import { TaskVisibilityScope } from './task-visibility';

/** The `task` resource rule (docs/rules.md#tasks): visibility and transition rights, with the per-status levels of status-access/. */
@Module({
  imports: [CheckModule, PolicyModule],
  controllers: [TaskAccessMessages],
  // StatusAccessRepository only reads the levels tables here; status-access keeps writing them.
  providers: [TaskRule, TaskVisibilityScope, StatusAccessRepository, GetTaskVisibilityHandler],
})
export class TaskAccessModule {}
