import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { TemplateRepository } from './template.repository';
import { TemplatesMessages } from './templates.messages';
import { TemplatesService } from './templates.service';

@Module({
  imports: [PeopleModule, WorkflowsModule],
  controllers: [TemplatesMessages],
  providers: [TemplateRepository, TemplatesService],
  exports: [TemplateRepository],
})
export class TemplatesModule {}
