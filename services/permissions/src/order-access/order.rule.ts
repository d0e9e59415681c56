import { Injectable } from '@nestjs/common';
import { isUuid } from '@warden/kernel';
import type { DecisionStep, ResourceRef } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { OrderStatusRule } from '../status-access/order-status.rule';
import { checkPlacement, checkTransferTarget } from './order-visibility.policy';
import type { OrderPlacement, ScopeFailure } from './order-visibility.policy';
import { rightOf, ScopeFactsLoader } from './scope-facts.loader';

function idOf(value: unknown): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}

function placementOf(resource: ResourceRef): OrderPlacement {
  return { departmentId: idOf(resource.departmentId), clientContactId: idOf(resource.clientContactId), clientCompanyId: idOf(resource.clientCompanyId) };
}

/**
 * Resource type `order`: one rule for single reads, history, transitions, status changes and
 * transfers. First the status part (OrderStatusRule in status-access/order-status.rule.ts: view on
 * `statusId`, set on `targetStatusId`, the closed lock); then, for an existing order (`statusId`
 * given), the department and client part (order-visibility.policy.ts) from `departmentId`,
 * `clientContactId` and `clientCompanyId`; then, with `targetDepartmentId`, whether the person may
 * transfer there. Each part is one line of docs/rules.md#orders.
 * Every part is evaluated and recorded for explain; the first failure in that order is the answer.
 */
@Injectable()
export class OrderRule implements ResourceRule {
  readonly resourceType = 'order';

  constructor(
    private readonly statuses: OrderStatusRule,
    private readonly facts: ScopeFactsLoader,
  ) {}

  async evaluate(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const existing = idOf(input.resource.statusId) !== null;
    const target = idOf(input.resource.targetDepartmentId);
    const statusSteps: DecisionStep[] = [];
    const [statusOutcome, loaded] = await Promise.all([
      this.statuses.evaluate(input, statusSteps),
      existing || target ? this.facts.load(input.tenantId, input.personId, input.facts) : Promise.resolve(null),
    ]);
    steps.push(...statusSteps);
    const failures: ScopeFailure[] = statusOutcome.allowed ? [] : [{ code: statusOutcome.code, reason: statusOutcome.reason }];
    if (!loaded) {
      steps.push({ rule: 'order.department', effect: 'none', detail: 'A new order: its department and client are checked once it exists' });
    } else {
      if (existing) {
        const failure = checkPlacement(input.personId.toLowerCase(), placementOf(input.resource), loaded.scope, steps);
        if (failure) failures.push(failure);
      }
      if (target) {
        const failure = checkTransferTarget(target, loaded.scope, rightOf('orders.transfer-anywhere', loaded.rights), steps);
        if (failure) failures.push(failure);
      } else if (input.resource.targetDepartmentId !== undefined) {
        steps.push({ rule: 'order.transfer-target', effect: 'deny', detail: 'The target department is not an id' });
        failures.push({ code: 'DEPARTMENT.UNKNOWN', reason: 'The target department is not known here' });
      }
    }
    const first = failures[0];
    if (first) return { allowed: false, ...first };
    if (target) return { allowed: true, code: 'ALLOWED.TRANSFER', reason: 'May move this order to the target department' };
    return statusOutcome;
  }
}
