import { Module } from '@nestjs/common';
import { PeopleModule } from '../people/people.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { CreateTemplateHandler } from './create-template.handler';
import { GetTemplateHandler } from './get-template.handler';
import { ListTemplatesHandler } from './list-templates.handler';
import { TemplateRepository } from './template.repository';
import { TemplatesMessages } from './templates.messages';
import { UpdateTemplateHandler } from './update-template.handler';

@Module({
  imports: [PeopleModule, WorkflowsModule],
  controllers: [TemplatesMessages],
  providers: [TemplateRepository, ListTemplatesHandler, GetTemplateHandler, CreateTemplateHandler, UpdateTemplateHandler],
  exports: [TemplateRepository],
})
export class TemplatesModule {}
