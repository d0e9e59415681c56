import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { OrderSight, PermissionPreview, PersonPreview, PreviewKind, RequestContext, StatusLevelInput } from '@warden/contracts';
import { orderSightOf } from '../order-access/order-visibility.policy';
import { rightOf, ScopeFactsLoader } from '../order-access/scope-facts.loader';
import { PolicyVersions } from '../policy/policy-versions';
import { withGroupLevels, withPersonLevels } from '../status-access/status-access.change';
import { StatusAccessErrors } from '../status-access/status-access.errors';
import { StatusAccessRepository } from '../status-access/status-access.repository';
import { StatusAccessService } from '../status-access/status-access.service';
import { visibleStatusIds } from '../status-access/status-levels.policy';
import type { PersonLevelFacts, StatusFact } from '../status-access/status-levels.policy';
import { actionChange, changes, levelActions, NO_ORDERS, sameSight } from './person-preview.policy';
import { PreviewErrors } from './preview.errors';

/** A change of levels as it reaches the people it touches: who, and their level facts after it. */
interface LevelChange {
  personIds: string[];
  apply: (facts: PersonLevelFacts) => PersonLevelFacts;
}

interface Side {
  sight: OrderSight;
  actions: ReturnType<typeof levelActions>;
}

/**
 * What a permission change would do, without making it: for each person it touches, the order
 * lists and the actions before and after, decided by the functions the real checks use
 * (status-levels.policy.ts, order-visibility.policy.ts) — once on the current facts, once on the
 * same facts with the change applied in memory (status-access.change.ts). Nothing is written: no
 * transaction, no policy version bump, no event, no cache drop. The orders are counted by the
 * workflow service under the same SQL filter as the lists (`workflow.orders.sight-diff`).
 */
@Injectable()
export class PermissionPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: BusClient,
    private readonly statusAccess: StatusAccessService,
    private readonly levels: StatusAccessRepository,
    private readonly scopes: ScopeFactsLoader,
    private readonly policy: PolicyVersions,
  ) {}

  async preview(ctx: RequestContext, kind: PreviewKind, targetId: string, change: unknown): Promise<PermissionPreview> {
    const tenantId = ctx.tenantId;
    const policyVersion = await this.policy.current(this.dataSource.manager, tenantId);
    const levelChange = await this.levelChange(tenantId, kind, targetId, change);
    return { policyVersion, people: await this.levelPreview(ctx, levelChange) };
  }

  /** The same target and body checks as the change (404, 422), then who it touches and how. */
  private async levelChange(tenantId: string, kind: PreviewKind, targetId: string, change: unknown): Promise<LevelChange> {
    if (kind === 'person-status-access') {
      if (!isUuid(targetId)) throw DomainError.notFound('PERSON.NOT_FOUND', 'Person');
      const body = change as { levels: StatusLevelInput[]; mayChangeClosed?: boolean | null };
      await this.statusAccess.checkLevels(tenantId, body.levels);
      return { personIds: [targetId.toLowerCase()], apply: (facts) => withPersonLevels(facts, body.levels, body.mayChangeClosed) };
    }
    if (kind === 'group-status-access') {
      if (!isUuid(targetId) || !(await this.levels.group(tenantId, targetId))) throw StatusAccessErrors.groupNotFound();
      const body = change as { levels: StatusLevelInput[] };
      await this.statusAccess.checkLevels(tenantId, body.levels);
      const groupId = targetId.toLowerCase();
      const personIds = await this.levels.groupMemberIds(this.dataSource.manager, tenantId, groupId);
      return { personIds, apply: (facts) => withGroupLevels(facts, groupId, body.levels) };
    }
    throw PreviewErrors.kindNotSupported(kind);
  }

  private async levelPreview(ctx: RequestContext, change: LevelChange): Promise<PersonPreview[]> {
    const statuses = await this.levels.statuses(ctx.tenantId, null);
    const sides = await Promise.all(change.personIds.map((personId) => this.sides(ctx.tenantId, personId, statuses, change)));
    // Only people whose lists differ are counted, each distinct pair of filters once.
    const pairs = new Map<string, { before: OrderSight; after: OrderSight }>();
    for (const { before, after } of sides) if (!sameSight(before.sight, after.sight)) pairs.set(JSON.stringify([before.sight, after.sight]), { before: before.sight, after: after.sight });
    const keys = [...pairs.keys()];
    const counted = keys.length === 0 ? [] : await this.bus.request('workflow.orders.sight-diff', ctx, { pairs: [...pairs.values()] });
    const deltas = new Map(keys.map((key, index) => [key, counted[index]!]));
    return sides
      .map(({ personId, before, after }): PersonPreview => ({
        personId,
        orders: deltas.get(JSON.stringify([before.sight, after.sight])) ?? { lose: NO_ORDERS, gain: NO_ORDERS },
        // Task visibility does not depend on status levels (task-access/task-visibility.ts).
        tasks: { lose: NO_ORDERS, gain: NO_ORDERS },
        actions: actionChange(before.actions, after.actions),
      }))
      .filter(changes);
  }

  /** One person's lists and actions on the current facts and with the change applied. */
  private async sides(tenantId: string, personId: string, statuses: StatusFact[], change: LevelChange): Promise<{ personId: string; before: Side; after: Side }> {
    const [levels, loaded] = await Promise.all([this.levels.levelFacts(tenantId, personId), this.scopes.load(tenantId, personId)]);
    const active = loaded.rights.known && !loaded.rights.deleted;
    // Order lists are behind `orders.read` (the route's action), then the order rule.
    const readsOrders = active && rightOf('orders.read', loaded.rights).allowed;
    const side = (facts: PersonLevelFacts): Side => ({
      sight: orderSightOf(personId, readsOrders ? visibleStatusIds(statuses, facts) : [], loaded.rights, loaded.scope),
      actions: active ? levelActions(statuses, facts) : [],
    });
    return { personId, before: side(levels), after: side(change.apply(levels)) };
  }
}
