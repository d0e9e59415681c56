import { Module } from '@nestjs/common';
import { TaskAccessService } from './task-access.service';
import { TasksController } from './tasks.controller';

@Module({ controllers: [TasksController], providers: [TaskAccessService] })
export class TasksModule {}
