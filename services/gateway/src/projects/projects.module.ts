import { Module } from '@nestjs/common';
import { ProjectAccessService } from './project-access.service';
import { ProjectsController } from './projects.controller';

@Module({ controllers: [ProjectsController], providers: [ProjectAccessService], exports: [ProjectAccessService] })
export class ProjectsModule {}
