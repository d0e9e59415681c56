import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { CompaniesRepository } from './companies.repository';
import { CompanyCheck } from './company.check';
import { CompanyEventsConsumer } from './company-events.consumer';
import { CreateProjectHandler } from './create-project.handler';
import { GetProjectHandler } from './get-project.handler';
import { ListProjectsHandler } from './list-projects.handler';
import { ProjectRepository } from './project.repository';
import { ProjectsMessages } from './projects.messages';
import { UpdateProjectHandler } from './update-project.handler';

@Module({
  imports: [PeopleModule],
  controllers: [ProjectsMessages],
  providers: [
    ProjectRepository,
    CompaniesRepository,
    CompanyCheck,
    CompanyEventsConsumer,
    ListProjectsHandler,
    GetProjectHandler,
    CreateProjectHandler,
    UpdateProjectHandler,
  ],
  exports: [ProjectRepository],
})
export class ProjectsModule {}
