import type { EntityManager } from 'typeorm';
import type { RequestContext, TemplateInput, TemplateView } from '@warden/contracts';
import { resolveParticipants } from '../people/participants.input';
import type { PeopleDirectory } from '../people/people.directory';
import type { WorkflowRepository } from '../workflows/workflow.repository';
import { TemplateErrors } from './template.errors';
import type { TemplateRepository } from './template.repository';

/** What writing a template reads and writes. */
export interface TemplateStores {
  templates: TemplateRepository;
  workflows: WorkflowRepository;
  people: PeopleDirectory;
}

/**
 * Writes the template `id` (created or replaced) in one transaction: a task workflow of the tenant, one of its
 * statuses that is not archived for new tasks to start in, and default participants that are people of the tenant.
 */
export async function saveTemplate(
  manager: EntityManager,
  stores: TemplateStores,
  ctx: RequestContext,
  id: string,
  input: TemplateInput,
): Promise<TemplateView> {
  if (!input.name) throw TemplateErrors.nameRequired();
  const participants = await resolveParticipants(stores.people, ctx, input.defaultParticipants ?? [], 'defaultParticipants');
  return manager.transaction(async (tx) => {
    const workflow = await stores.workflows.get(ctx.tenantId, input.workflowId, tx);
    if (!workflow || workflow.kind !== 'task') throw TemplateErrors.unknownWorkflow();
    const status = workflow.statuses.find((candidate) => candidate.id === input.initialStatusId);
    if (!status) throw TemplateErrors.statusNotInWorkflow();
    if (status.archived) throw TemplateErrors.archivedStatus();
    await stores.templates.save(tx, ctx.tenantId, {
      id,
      name: input.name,
      workflowId: workflow.id,
      initialStatusId: status.id,
      defaultParticipants: participants,
    });
    return (await stores.templates.get(ctx.tenantId, id, tx))!;
  });
}
