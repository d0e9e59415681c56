import { Injectable } from '@nestjs/common';
import { isUuid } from '@warden/kernel';
import type { AccessLevel, DecisionStep } from '@warden/contracts';
import type { ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { StatusAccessRepository } from './status-access.repository';
import { atLeast, effectiveLevel, mayChangeClosed } from './status-levels.policy';
import type { PersonLevelFacts, StatusFact } from './status-levels.policy';

interface Failure {
  code: string;
  reason: string;
}

function idOf(value: unknown): string | null {
  return isUuid(value) ? value : null;
}

/**
 * The status part of the `order` resource rule, not a resource rule of its own: the `order` type
 * belongs to OrderRule (order-access/order.rule.ts), which calls this first. The levels are those of
 * docs/rules.md#orders. `resource.statusId` is the order's current status, `resource.targetStatusId`
 * the status it would be put into.
 * - reading (`orders.read`, and any action on an existing order): level >= view on the current status;
 * - setting a status: `set` on the target, `view` on the current one and, when the current status
 *   is final, the person's "may change closed orders" flag.
 * Every condition is evaluated and recorded, so explain shows the whole chain; the first failure
 * (visibility, then the closed lock, then the target) is the answer.
 */
@Injectable()
export class OrderStatusRule {
  constructor(private readonly repository: StatusAccessRepository) {}

  async evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const currentId = idOf(input.resource.statusId);
    const targetId = idOf(input.resource.targetStatusId);
    if (!currentId && !targetId) {
      steps.push({ rule: 'status.known', effect: 'deny', detail: 'The order resource names no status (statusId or targetStatusId)' });
      return { allowed: false, code: 'STATUS.UNKNOWN', reason: 'The order resource names no status' };
    }
    const ids = [currentId, targetId].filter((id): id is string => id !== null);
    const { statuses, facts } = await this.repository.decisionFacts(input.tenantId, input.personId, ids);
    const byId = new Map(statuses.map((status) => [status.statusId, status]));
    const failures: Failure[] = [];
    if (currentId) this.checkCurrent(byId.get(currentId) ?? null, facts, steps, failures, targetId !== null);
    if (targetId) this.checkTarget(byId.get(targetId) ?? null, facts, steps, failures);
    const first = failures[0];
    if (first) return { allowed: false, ...first };
    return targetId
      ? { allowed: true, code: 'ALLOWED.STATUS_SET', reason: `May put orders into '${byId.get(targetId)!.name}'` }
      : { allowed: true, code: 'ALLOWED.STATUS_VIEW', reason: `May see orders in '${byId.get(currentId!)!.name}'` };
  }

  private level(status: StatusFact, facts: PersonLevelFacts, steps: DecisionStep[], rule: string, required: AccessLevel): boolean {
    const effective = effectiveLevel(status, facts);
    const ok = atLeast(effective.level, required);
    steps.push({
      rule,
      effect: ok ? 'allow' : 'deny',
      detail: `Level '${effective.level}' on '${status.name}' (${effective.detail}); '${required}' is needed`,
    });
    return ok;
  }

  private checkCurrent(
    status: StatusFact | null,
    facts: PersonLevelFacts,
    steps: DecisionStep[],
    failures: Failure[],
    changing: boolean,
  ): void {
    if (!status) {
      steps.push({ rule: 'status.current.view', effect: 'deny', detail: 'The current status is not an order status of this tenant' });
      failures.push({ code: 'STATUS.NOT_VISIBLE', reason: 'The order is in a status that is not known here' });
      return;
    }
    if (!this.level(status, facts, steps, changing ? 'status.current.view' : 'status.view', 'view')) {
      failures.push({ code: 'STATUS.NOT_VISIBLE', reason: `No access to orders in status '${status.name}'` });
    }
    if (!changing || status.category !== 'final') return;
    const flag = mayChangeClosed(facts);
    steps.push({
      rule: 'status.closed-order',
      effect: flag.allowed ? 'allow' : 'deny',
      detail: `'${status.name}' is final; the person ${flag.allowed ? 'may' : 'may not'} change closed orders (${flag.explicit ? 'personal flag' : 'default: administrators only'})`,
    });
    if (!flag.allowed) {
      failures.push({
        code: 'ORDER.CLOSED_LOCKED',
        reason: `The order is closed ('${status.name}') and this person may not change closed orders`,
      });
    }
  }

  private checkTarget(status: StatusFact | null, facts: PersonLevelFacts, steps: DecisionStep[], failures: Failure[]): void {
    if (!status) {
      steps.push({ rule: 'status.target.set', effect: 'deny', detail: 'The target status is not an order status of this tenant' });
      failures.push({ code: 'STATUS.NO_SET_ON_TARGET', reason: 'The target status is not known here' });
      return;
    }
    if (!this.level(status, facts, steps, 'status.target.set', 'set')) {
      failures.push({ code: 'STATUS.NO_SET_ON_TARGET', reason: `No right to set status '${status.name}'` });
    }
  }
}
