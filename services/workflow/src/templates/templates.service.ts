import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import type { ProjectScope, RequestContext, TemplateChanges, TemplateInput, TemplateView } from '@warden/contracts';
import { WorkflowRepository } from '../workflows/workflow.repository';
import { PeopleDirectory } from '../people/people.directory';
import { resolveParticipants } from '../people/participants.input';
import { TemplateErrors } from './template.errors';
import { TemplateRepository } from './template.repository';
import type { TemplateRecord } from './template.repository';

/** Task templates: a task workflow, the status new tasks start in, and default participants. */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly templates: TemplateRepository,
    private readonly workflows: WorkflowRepository,
    private readonly people: PeopleDirectory,
  ) {}

  list(tenantId: string, scope: ProjectScope): Promise<TemplateView[]> {
    return this.templates.list(tenantId, scope);
  }

  async get(tenantId: string, templateId: string): Promise<TemplateView> {
    const template = await this.templates.get(tenantId, templateId);
    if (!template) throw TemplateErrors.notFound();
    return template;
  }

  create(ctx: RequestContext, input: TemplateInput): Promise<TemplateView> {
    return this.save(ctx, newId(), input);
  }

  async update(ctx: RequestContext, templateId: string, changes: TemplateChanges): Promise<TemplateView> {
    const current = await this.get(ctx.tenantId, templateId);
    return this.save(ctx, current.id, {
      name: changes.name ?? current.name,
      workflowId: changes.workflowId ?? current.workflowId,
      initialStatusId: changes.initialStatusId ?? current.initialStatusId,
      defaultParticipants: changes.defaultParticipants ?? current.defaultParticipants,
    });
  }

  private async save(ctx: RequestContext, id: string, input: TemplateInput): Promise<TemplateView> {
    if (!input.name) throw TemplateErrors.nameRequired();
    const participants = await resolveParticipants(this.people, ctx, input.defaultParticipants ?? [], 'defaultParticipants');
    return this.dataSource.transaction(async (tx) => {
      const workflow = await this.workflows.get(ctx.tenantId, input.workflowId, tx);
      if (!workflow || workflow.kind !== 'task') throw TemplateErrors.unknownWorkflow();
      const status = workflow.statuses.find((candidate) => candidate.id === input.initialStatusId);
      if (!status) throw TemplateErrors.statusNotInWorkflow();
      if (status.archived) throw TemplateErrors.archivedStatus();
      const record: TemplateRecord = {
        id,
        name: input.name,
        workflowId: workflow.id,
        initialStatusId: status.id,
        defaultParticipants: participants,
      };
      await this.templates.save(tx, ctx.tenantId, record);
      return (await this.templates.get(ctx.tenantId, id, tx))!;
    });
  }
}
