import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import type { RequestContext, TemplateInput, TemplateView } from '@warden/contracts';
import { PeopleDirectory } from '../people/people.directory';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { saveTemplate } from './template.record';
import { TemplateRepository } from './template.repository';

/** A task template: a task workflow, the status new tasks start in, and default participants. */
export class CreateTemplateCommand extends Command<TemplateView> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: TemplateInput,
  ) {
    super();
  }
}

@CommandHandler(CreateTemplateCommand)
export class CreateTemplateHandler implements ICommandHandler<CreateTemplateCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplateRepository,
    private readonly workflows: WorkflowRepository,
    private readonly people: PeopleDirectory,
  ) {}

  execute({ ctx, input }: CreateTemplateCommand): Promise<TemplateView> {
    return saveTemplate(
      this.dataSource.manager,
      { templates: this.templates, workflows: this.workflows, people: this.people },
      ctx,
      newId(),
      input,
    );
  }
}
