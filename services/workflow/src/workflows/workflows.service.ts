import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { newId } from '@warden/kernel';
import { AuditRecorder, OutboxWriter, resourceValues } from '@warden/messaging';
import { WorkflowChangedV1 } from '@warden/contracts';
import type {
  AddTransitionData,
  ChangeTransitionData,
  CreateWorkflowData,
  RequestContext,
  StatusInput,
  TransitionInput,
  TransitionView,
  TransitionRef,
  UpdateWorkflowData,
  WorkflowKind,
  WorkflowView,
} from '@warden/contracts';
import { TransitionGrantsCheck } from './transition-grants.check';
import { TransitionErrors } from './transition.errors';
import { normaliseGrants, resolveTransition, resolveTransitions, statusIdReferences } from './transition.input';
import { DEFAULT_ORDER_WORKFLOW, DEFAULT_STATUS_COLOR } from './default-order-workflow';
import { WorkflowErrors } from './workflow.errors';
import { WorkflowRepository } from './workflow.repository';
import type { NewStatus } from './workflow.repository';

/** Validates the whole status list of a workflow (names unique, an initial status to start orders in). */
function checkStatuses(kind: WorkflowKind, statuses: StatusInput[]): void {
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

/** Workflows and their statuses. Every change publishes a full snapshot for read models elsewhere. */
@Injectable()
export class WorkflowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflows: WorkflowRepository,
    private readonly outbox: OutboxWriter,
    private readonly grants: TransitionGrantsCheck,
    private readonly audit: AuditRecorder,
  ) {}

  list(tenantId: string, kind?: WorkflowKind): Promise<WorkflowView[]> {
    return this.workflows.list(tenantId, kind);
  }

  async get(tenantId: string, workflowId: string): Promise<WorkflowView> {
    const workflow = await this.workflows.get(tenantId, workflowId);
    if (!workflow) throw WorkflowErrors.notFound();
    return workflow;
  }

  /** Creates the tenant's default order workflow once; a second call (event and RPC both arrive) returns it. */
  async provision(tenantId: string, manager?: EntityManager): Promise<WorkflowView> {
    const run = async (tx: EntityManager): Promise<WorkflowView> => {
      const id = newId();
      const created = await this.workflows.insertWorkflow(tx, tenantId, {
        id,
        name: DEFAULT_ORDER_WORKFLOW.name,
        kind: 'order',
        free: true,
        isDefault: true,
      });
      if (!created) {
        const existing = await this.workflows.defaultOrderWorkflowId(tenantId, tx);
        return (await this.workflows.get(tenantId, existing!, tx))!;
      }
      await this.writeStatuses(tx, tenantId, id, 'order', DEFAULT_ORDER_WORKFLOW.statuses, []);
      return this.publish(tx, tenantId, id);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  async create(ctx: RequestContext, data: CreateWorkflowData): Promise<WorkflowView> {
    const tenantId = ctx.tenantId;
    checkStatuses(data.kind, data.statuses);
    await this.checkTransitionInputs(ctx, data.kind, data.transitions);
    return this.dataSource.transaction(async (tx) => {
      const id = newId();
      const hasDefault = (await this.workflows.list(tenantId, data.kind, tx)).length > 0;
      await this.workflows.insertWorkflow(tx, tenantId, {
        id,
        name: data.name,
        kind: data.kind,
        free: data.kind === 'order',
        isDefault: !hasDefault,
      });
      await this.writeStatuses(tx, tenantId, id, data.kind, data.statuses, []);
      if (data.transitions) await this.writeTransitions(tx, tenantId, id, data.transitions);
      return this.publish(tx, tenantId, id, null);
    });
  }

  async update(ctx: RequestContext, data: UpdateWorkflowData): Promise<WorkflowView> {
    const tenantId = ctx.tenantId;
    const before = await this.workflows.get(tenantId, data.workflowId);
    if (!before) throw WorkflowErrors.notFound();
    await this.checkTransitionInputs(ctx, before.kind, data.transitions);
    return this.dataSource.transaction(async (tx) => {
      const current = await this.workflows.get(tenantId, data.workflowId, tx, true);
      if (!current) throw WorkflowErrors.notFound();
      await this.workflows.renameWorkflow(tx, tenantId, current.id, data.name);
      if (data.statuses) {
        checkStatuses(current.kind, data.statuses);
        const known = new Set(current.statuses.map((status) => status.id));
        data.statuses.forEach((status, index) => {
          if (status.id !== undefined && !known.has(status.id)) throw WorkflowErrors.unknownStatus(`statuses.${index}.id`);
        });
        await this.writeStatuses(
          tx,
          tenantId,
          current.id,
          current.kind,
          data.statuses,
          current.statuses.map((s) => ({ id: s.id, name: s.name })),
        );
      }
      // Transitions of statuses deleted above went with them (ON DELETE CASCADE).
      if (data.transitions) await this.writeTransitions(tx, tenantId, current.id, data.transitions);
      return this.publish(tx, tenantId, current.id, current);
    });
  }

  /** Adds one transition to a task workflow: 409 when the pair exists, 422 naming `fromStatusId`/`toStatusId`/`grants…`. */
  async addTransition(ctx: RequestContext, data: AddTransitionData): Promise<TransitionView> {
    const tenantId = ctx.tenantId;
    const before = await this.get(tenantId, data.workflowId);
    if (before.kind !== 'task') throw TransitionErrors.freeWorkflow();
    await this.checkOneTransition(ctx, data);
    return this.changingTransition(tenantId, before.id, async (tx, current) => {
      const elsewhere = await this.workflows.statusIdsOutside(tx, tenantId, current.id, statusIdReferences([data]));
      const resolved = resolveTransition(data, current.statuses, elsewhere);
      if (
        current.transitions.some(
          (transition) => transition.fromStatusId === resolved.fromStatusId && transition.toStatusId === resolved.toStatusId,
        )
      ) {
        const name = (id: string): string => current.statuses.find((status) => status.id === id)?.name ?? id;
        throw TransitionErrors.exists(name(resolved.fromStatusId), name(resolved.toStatusId));
      }
      const id = newId();
      await this.workflows.insertTransition(tx, tenantId, current.id, id, resolved);
      return id;
    });
  }

  /** Replaces one transition's grants. */
  async changeTransition(ctx: RequestContext, data: ChangeTransitionData): Promise<TransitionView> {
    const tenantId = ctx.tenantId;
    const before = await this.get(tenantId, data.workflowId);
    await this.checkOneTransition(ctx, data);
    return this.changingTransition(tenantId, before.id, async (tx, current) => {
      const transition = current.transitions.find((candidate) => candidate.id === data.transitionId);
      if (!transition) throw TransitionErrors.notFound();
      await this.workflows.updateTransitionGrants(tx, tenantId, transition.id, normaliseGrants(data.grants));
      return transition.id;
    });
  }

  async removeTransition(ctx: RequestContext, data: TransitionRef): Promise<{ deleted: true }> {
    const tenantId = ctx.tenantId;
    const before = await this.get(tenantId, data.workflowId);
    await this.changingTransitions(tenantId, before.id, async (tx, current) => {
      const transition = current.transitions.find((candidate) => candidate.id === data.transitionId);
      if (!transition) throw TransitionErrors.notFound();
      await this.workflows.deleteTransition(tx, tenantId, transition.id);
    });
    return { deleted: true };
  }

  /** Grants of one transition: groups and people of the tenant (fields named from `grants`). */
  private async checkOneTransition(ctx: RequestContext, input: TransitionInput): Promise<void> {
    await this.grants.require(ctx, [input], () => '');
  }

  /**
   * One transition change under the workflow's row lock; then the workflow's version moves on (tasks'
   * cached decisions are keyed to it) and the workflow-changed event goes out, as for a whole update.
   */
  private async changingTransitions(
    tenantId: string,
    workflowId: string,
    change: (tx: EntityManager, current: WorkflowView) => Promise<void>,
  ): Promise<WorkflowView> {
    return this.dataSource.transaction(async (tx) => {
      const current = await this.workflows.get(tenantId, workflowId, tx, true);
      if (!current) throw WorkflowErrors.notFound();
      await change(tx, current);
      await this.workflows.renameWorkflow(tx, tenantId, current.id, undefined);
      return this.publish(tx, tenantId, current.id, current);
    });
  }

  /** `changingTransitions` for a change that leaves the transition whose id it returns: answers that transition. */
  private async changingTransition(
    tenantId: string,
    workflowId: string,
    change: (tx: EntityManager, current: WorkflowView) => Promise<string>,
  ): Promise<TransitionView> {
    let id = '';
    const workflow = await this.changingTransitions(tenantId, workflowId, async (tx, current) => {
      id = await change(tx, current);
    });
    return workflow.transitions.find((transition) => transition.id === id)!;
  }

  /** What can be refused before the transaction: transitions on a free workflow, unknown groups or people. */
  private async checkTransitionInputs(ctx: RequestContext, kind: WorkflowKind, transitions: TransitionInput[] | undefined): Promise<void> {
    if (!transitions) return;
    if (kind !== 'task') {
      if (transitions.length > 0) throw TransitionErrors.freeWorkflow();
      return;
    }
    await this.grants.require(ctx, transitions);
  }

  /** Resolves status references against the statuses as just written, then replaces the transitions. */
  private async writeTransitions(tx: EntityManager, tenantId: string, workflowId: string, inputs: TransitionInput[]): Promise<void> {
    const workflow = (await this.workflows.get(tenantId, workflowId, tx))!;
    const elsewhere = await this.workflows.statusIdsOutside(tx, tenantId, workflowId, statusIdReferences(inputs));
    const resolved = resolveTransitions(inputs, workflow.statuses, elsewhere);
    await this.workflows.replaceTransitions(tx, tenantId, workflowId, resolved, () => newId());
  }

  /** Makes the workflow's statuses exactly `inputs` (in order), deleting unused ones left out. */
  private async writeStatuses(
    tx: EntityManager,
    tenantId: string,
    workflowId: string,
    _kind: WorkflowKind,
    inputs: StatusInput[],
    existing: Array<{ id: string; name: string }>,
  ): Promise<void> {
    const kept = new Set(inputs.map((input) => input.id).filter((id): id is string => id !== undefined));
    for (const status of existing) {
      if (kept.has(status.id)) continue;
      if (await this.workflows.statusInUse(tx, tenantId, status.id)) throw WorkflowErrors.statusInUse(status.id, status.name);
      await this.workflows.deleteStatus(tx, tenantId, status.id);
    }
    for (const [position, input] of inputs.entries()) {
      if (input.id) await this.workflows.updateStatus(tx, tenantId, toNewStatus(input, position, input.id));
      else await this.workflows.insertStatus(tx, tenantId, workflowId, toNewStatus(input, position, newId()));
    }
  }

  /** `before`: the workflow before an administrator's change (null: created), recorded in the audit log; undefined for provisioning. */
  private async publish(tx: EntityManager, tenantId: string, workflowId: string, before?: WorkflowView | null): Promise<WorkflowView> {
    const workflow = (await this.workflows.get(tenantId, workflowId, tx))!;
    if (before !== undefined) {
      const action = before ? 'workflow.updated' : 'workflow.created';
      await this.audit.record(tx, tenantId, {
        action,
        resource: { type: 'workflow', id: workflowId },
        before: resourceValues(before),
        after: resourceValues(workflow),
      });
    }
    const data: WorkflowChangedV1 = {
      workflowId: workflow.id,
      name: workflow.name,
      kind: workflow.kind,
      statuses: workflow.statuses.map((status) => ({
        statusId: status.id,
        name: status.name,
        category: status.category,
        position: status.position,
        archived: status.archived,
      })),
    };
    await this.outbox.add(tx, { contract: WorkflowChangedV1, tenantId, subject: workflow.id, data });
    return workflow;
  }
}
