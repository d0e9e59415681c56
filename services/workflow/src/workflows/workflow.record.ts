import type { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { resourceValues } from '@warden/messaging';
import type { AuditRecorder } from '@warden/messaging';
import type { OutgoingEvent, StatusInput, TransitionInput, WorkflowKind, WorkflowView } from '@warden/contracts';
import { DEFAULT_STATUS_COLOR } from './default-order-workflow';
import { resolveTransitions, statusIdReferences } from './transition.input';
import { WorkflowErrors } from './workflow.errors';
import { workflowChanged } from './workflow.events';
import type { NewStatus, WorkflowRepository } from './workflow.repository';

/** What a workflow change writes to: the workflows, its event (through the outbox) and its audit entry. */
export interface WorkflowWrites {
  workflows: WorkflowRepository;
  events: EventBus<OutgoingEvent>;
  audit: AuditRecorder;
}

/** The workflow of the tenant, or WORKFLOW.NOT_FOUND. */
export async function existingWorkflow(workflows: WorkflowRepository, tenantId: string, workflowId: string): Promise<WorkflowView> {
  const workflow = await workflows.get(tenantId, workflowId);
  if (!workflow) throw WorkflowErrors.notFound();
  return workflow;
}

/** Validates the whole status list of a workflow (names unique, an initial status to start orders in). */
export function checkStatuses(kind: WorkflowKind, statuses: StatusInput[]): void {
  const seen = new Set<string>();
  statuses.forEach((status, index) => {
    const key = status.name.toLowerCase();
    if (seen.has(key)) throw WorkflowErrors.duplicateName(`statuses.${index}.name`);
    seen.add(key);
  });
  if (kind === 'order' && !statuses.some((status) => status.category === 'initial' && !status.archived)) throw WorkflowErrors.noInitial();
}

function toNewStatus(input: StatusInput, position: number, id: string): NewStatus {
  return {
    id,
    name: input.name,
    color: input.color ?? DEFAULT_STATUS_COLOR,
    position,
    category: input.category,
    archived: input.archived ?? false,
  };
}

/** Makes the workflow's statuses exactly `inputs` (in order), deleting unused ones left out. */
export async function writeStatuses(
  workflows: WorkflowRepository,
  tx: EntityManager,
  tenantId: string,
  workflowId: string,
  inputs: StatusInput[],
  existing: Array<{ id: string; name: string }>,
): Promise<void> {
  const kept = new Set(inputs.map((input) => input.id).filter((id): id is string => id !== undefined));
  for (const status of existing) {
    if (kept.has(status.id)) continue;
    if (await workflows.statusInUse(tx, tenantId, status.id)) throw WorkflowErrors.statusInUse(status.id, status.name);
    await workflows.deleteStatus(tx, tenantId, status.id);
  }
  for (const [position, input] of inputs.entries()) {
    if (input.id) await workflows.updateStatus(tx, tenantId, toNewStatus(input, position, input.id));
    else await workflows.insertStatus(tx, tenantId, workflowId, toNewStatus(input, position, newId()));
  }
}

/** Resolves status references against the statuses as just written, then replaces the transitions. */
export async function writeTransitions(
  workflows: WorkflowRepository,
  tx: EntityManager,
  tenantId: string,
  workflowId: string,
  inputs: TransitionInput[],
): Promise<void> {
  const workflow = (await workflows.get(tenantId, workflowId, tx))!;
  const elsewhere = await workflows.statusIdsOutside(tx, tenantId, workflowId, statusIdReferences(inputs));
  const resolved = resolveTransitions(inputs, workflow.statuses, elsewhere);
  await workflows.replaceTransitions(tx, tenantId, workflowId, resolved, () => newId());
}

/**
 * Publishes the workflow as written in `tx` and answers it. `before`: the workflow before an administrator's
 * change (null: created), recorded in the audit log; undefined for provisioning, which has no audit entry.
 */
export async function publishWorkflow(
  writes: WorkflowWrites,
  tx: EntityManager,
  tenantId: string,
  workflowId: string,
  before?: WorkflowView | null,
): Promise<WorkflowView> {
  const workflow = (await writes.workflows.get(tenantId, workflowId, tx))!;
  if (before !== undefined) {
    await writes.audit.record(tx, tenantId, {
      action: before ? 'workflow.updated' : 'workflow.created',
      resource: { type: 'workflow', id: workflowId },
      before: resourceValues(before),
      after: resourceValues(workflow),
    });
  }
  await writes.events.publish(workflowChanged(tenantId, workflow), tx);
  return workflow;
}
