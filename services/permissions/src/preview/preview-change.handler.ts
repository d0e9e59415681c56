import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BusClient } from '@warden/messaging';
import type { PermissionPreview, PersonPreview, PreviewKind, RequestContext, SightDelta, TaskVisibility } from '@warden/contracts';
import { ScopeFactsLoader } from '../order-access/scope-facts.loader';
import { PolicyVersions } from '../policy/policy-versions';
import { StatusAccessRepository } from '../status-access/status-access.repository';
import type { StatusFact } from '../status-access/status-levels.policy';
import { PreviewChangeLoader } from './change.loader';
import type { FactsChange } from './change.loader';
import {
  actionChange,
  changes,
  explainChanges,
  NO_ORDERS,
  sameSight,
  sameTasks,
  sideOf,
  taskReachOf,
  taskSightOf,
} from './person-preview.policy';
import type { DepartmentPeople, Side } from './person-preview.policy';
import type { PreviewFacts } from './person-facts.change';

/** One side of a change for one person, with its task list filter. */
type PersonSide = Side & { tasks: TaskVisibility; facts: PreviewFacts };

export class PreviewChangeQuery extends Query<PermissionPreview> {
  constructor(
    readonly ctx: RequestContext,
    readonly kind: PreviewKind,
    readonly targetId: string,
    readonly change: object,
  ) {
    super();
  }
}

/**
 * What a permission change would do, without making it: for each person it touches, the order
 * lists and the actions before and after, decided by the functions the real checks use
 * (decision.policy.ts, status-levels.policy.ts, order-visibility.policy.ts) — once on the current
 * facts, once on the same facts with the change applied in memory (change.loader.ts). Nothing is
 * written: no transaction, no policy version bump, no event, no cache drop. The orders and tasks are counted
 * by the workflow service under the same SQL filters as the lists (`workflow.orders.sight-diff`,
 * `workflow.tasks.sight-diff`): task participants live there only.
 */
@QueryHandler(PreviewChangeQuery)
export class PreviewChangeHandler implements IQueryHandler<PreviewChangeQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: BusClient,
    private readonly changes: PreviewChangeLoader,
    private readonly levels: StatusAccessRepository,
    private readonly scopes: ScopeFactsLoader,
    private readonly policy: PolicyVersions,
  ) {}

  async execute({ ctx, kind, targetId, change }: PreviewChangeQuery): Promise<PermissionPreview> {
    const tenantId = ctx.tenantId;
    const policyVersion = await this.policy.current(this.dataSource.manager, tenantId);
    const factsChange = await this.changes.load(ctx, kind, targetId, change);
    return { policyVersion, people: await this.people(ctx, factsChange) };
  }

  private async people(ctx: RequestContext, change: FactsChange): Promise<PersonPreview[]> {
    const statuses = await this.levels.statuses(ctx.tenantId, null);
    const departments = this.departments(ctx, change);
    const sides = await Promise.all(change.personIds.map((personId) => this.sides(ctx.tenantId, personId, statuses, change, departments)));
    const [orders, tasks] = await Promise.all([
      this.counted(
        sides.map(({ before, after }) => [before.sight, after.sight] as const),
        sameSight,
        (pairs) => this.bus.request('workflow.orders.sight-diff', ctx, { pairs }),
      ),
      this.counted(
        sides.map(({ before, after }) => [before.tasks, after.tasks] as const),
        sameTasks,
        (pairs) => this.bus.request('workflow.tasks.sight-diff', ctx, { pairs }),
      ),
    ]);
    return sides
      .map(
        ({ personId, before, after }, index): PersonPreview => ({
          personId,
          orders: orders[index]!,
          tasks: tasks[index]!,
          actions: actionChange(before.actions, after.actions),
          explain: explainChanges(statuses, before.facts, after.facts),
        }),
      )
      .filter(changes);
  }

  /**
   * Each person's list filters before and after, counted by the workflow service with the lists' SQL: only the
   * people whose filters differ, each distinct pair once.
   */
  private async counted<F>(
    filters: ReadonlyArray<readonly [F, F]>,
    same: (before: F, after: F) => boolean,
    count: (pairs: Array<{ before: F; after: F }>) => Promise<Array<{ lose: SightDelta; gain: SightDelta }>>,
  ): Promise<Array<{ lose: SightDelta; gain: SightDelta }>> {
    const pairs = new Map<string, { before: F; after: F }>();
    for (const [before, after] of filters) if (!same(before, after)) pairs.set(JSON.stringify([before, after]), { before, after });
    const keys = [...pairs.keys()];
    const deltas = keys.length === 0 ? [] : await count([...pairs.values()]);
    const byKey = new Map(keys.map((key, index) => [key, deltas[index]!]));
    return filters.map(([before, after]) => byKey.get(JSON.stringify([before, after])) ?? { lose: NO_ORDERS, gain: NO_ORDERS });
  }

  /**
   * The tenant's departments before and after the change, for `tasks.read-department` (whose tasks a department's
   * people see is asked of the directory, as the task rule does: task-visibility.ts); read once, and only when
   * someone's task lists follow its departments.
   */
  private departments(ctx: RequestContext, change: FactsChange): () => Promise<{ before: DepartmentPeople[]; after: DepartmentPeople[] }> {
    let loaded: Promise<{ before: DepartmentPeople[]; after: DepartmentPeople[] }> | undefined;
    return () =>
      (loaded ??= this.bus.request('directory.departments.list', ctx, {}).then((before) => {
        const changed = change.department;
        return { before, after: changed ? before.map((department) => (department.id === changed.id ? changed : department)) : before };
      }));
  }

  /** One person's lists and actions on the current facts and with the change applied. */
  private async sides(
    tenantId: string,
    personId: string,
    statuses: StatusFact[],
    change: FactsChange,
    departments: () => Promise<{ before: DepartmentPeople[]; after: DepartmentPeople[] }>,
  ): Promise<{ personId: string; before: PersonSide; after: PersonSide }> {
    const [levels, loaded] = await Promise.all([this.levels.levelFacts(tenantId, personId), this.scopes.load(tenantId, personId)]);
    const current = { levels, rights: loaded.rights };
    const changed = change.apply(current);
    const kind = loaded.rights.kind;
    const reach = { before: taskReachOf(current, kind), after: taskReachOf(changed, kind) };
    const known = reach.before === 'department' || reach.after === 'department' ? await departments() : { before: [], after: [] };
    return {
      personId,
      before: {
        ...sideOf(personId, statuses, current, loaded.scope),
        tasks: taskSightOf(personId, reach.before, known.before),
        facts: current,
      },
      after: {
        ...sideOf(personId, statuses, changed, change.place?.(personId, loaded.scope) ?? loaded.scope),
        tasks: taskSightOf(personId, reach.after, known.after),
        facts: changed,
      },
    };
  }
}
