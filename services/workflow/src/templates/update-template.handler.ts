import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { RequestContext, TemplateChanges, TemplateView } from '@warden/contracts';
import { PeopleDirectory } from '../people/people.directory';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { TemplateErrors } from './template.errors';
import { saveTemplate } from './template.record';
import { TemplateRepository } from './template.repository';

export class UpdateTemplateCommand extends Command<TemplateView> {
  constructor(
    readonly ctx: RequestContext,
    readonly templateId: string,
    readonly changes: TemplateChanges,
  ) {
    super();
  }
}

@CommandHandler(UpdateTemplateCommand)
export class UpdateTemplateHandler implements ICommandHandler<UpdateTemplateCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplateRepository,
    private readonly workflows: WorkflowRepository,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ ctx, templateId, changes }: UpdateTemplateCommand): Promise<TemplateView> {
    const current = await this.templates.get(ctx.tenantId, templateId);
    if (!current) throw TemplateErrors.notFound();
    return saveTemplate(
      this.dataSource.manager,
      { templates: this.templates, workflows: this.workflows, people: this.people },
      ctx,
      current.id,
      {
        name: changes.name ?? current.name,
        workflowId: changes.workflowId ?? current.workflowId,
        initialStatusId: changes.initialStatusId ?? current.initialStatusId,
        defaultParticipants: changes.defaultParticipants ?? current.defaultParticipants,
      },
    );
  }
}
