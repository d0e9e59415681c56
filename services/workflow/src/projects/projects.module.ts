import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { CompaniesRepository } from './companies.repository';
import { CompanyEventsConsumer } from './company-events.consumer';
import { ProjectRepository } from './project.repository';
import { ProjectsMessages } from './projects.messages';
import { ProjectsService } from './projects.service';

@Module({
  imports: [PeopleModule],
  controllers: [ProjectsMessages],
  providers: [ProjectRepository, ProjectsService, CompaniesRepository, CompanyEventsConsumer],
  exports: [ProjectRepository],
})
export class ProjectsModule {}
