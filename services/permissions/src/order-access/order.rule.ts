import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type { DecisionStep, OrderView, ResourceRef } from '@warden/contracts';
import type { ResourceRule, ResourceRuleInput, ResourceRuleOutcome } from '../check/resource-rule';
import { OrderStatusRule } from '../status-access/order-status.rule';
import { checkPlacement, checkTransferTarget } from './order-visibility.policy';
import type { OrderPlacement, ScopeFailure } from './order-visibility.policy';
import { rightOf, ScopeFactsLoader } from './scope-facts.loader';
import { systemContext } from '../check/system.context';

function idOf(value: unknown): string | null {
  return isUuid(value) ? value.toLowerCase() : null;
}

function placementOf(resource: ResourceRef): OrderPlacement {
  return {
    departmentId: idOf(resource.departmentId),
    clientContactId: idOf(resource.clientContactId),
    clientCompanyId: idOf(resource.clientCompanyId),
  };
}

/**
 * Resource type `order`: one rule for single reads, history, transitions, status changes and
 * transfers. First the status part (OrderStatusRule in status-access/order-status.rule.ts: view on
 * `statusId`, set on `targetStatusId`, the closed lock); then, for an existing order (`statusId`
 * given), the department and client part (order-visibility.policy.ts) from `departmentId`,
 * `clientContactId` and `clientCompanyId`; then, with `targetDepartmentId`, whether the person may
 * transfer there. Each part is one line of docs/rules.md#orders.
 * Every part is evaluated and recorded for explain; the first failure in that order is the answer.
 * A resource naming only `orderId` (an administrator asking explain about an order) has its facts read
 * from the workflow service first, as the task and chat rules do (check/resource-rule.ts).
 */
@Injectable()
export class OrderRule implements ResourceRule {
  readonly resourceType = 'order';

  constructor(
    private readonly statuses: OrderStatusRule,
    private readonly facts: ScopeFactsLoader,
    private readonly bus: BusClient,
  ) {}

  async evaluate(named: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
    const orderId = idOf(named.resource.orderId);
    if (!orderId || named.resource.statusId !== undefined) return this.evaluateFacts(named, steps);
    const order = await this.order(named.tenantId, orderId);
    if (!order) {
      steps.push({ rule: 'order.facts', effect: 'deny', detail: 'No such order in this tenant' });
      return { allowed: false, code: 'ORDER.NOT_FOUND', reason: 'The order does not exist' };
    }
    steps.push({
      rule: 'order.facts',
      effect: 'none',
      detail: `Order #${order.number}: status '${order.status.name}', read from the workflow service`,
    });
    const resource: ResourceRef = {
      ...named.resource,
      statusId: order.status.id,
      departmentId: order.departmentId,
      clientContactId: order.clientContactId,
      clientCompanyId: order.clientCompanyId,
    };
    return this.evaluateFacts({ ...named, resource }, steps);
  }

  private async order(tenantId: string, orderId: string): Promise<OrderView | null> {
    try {
      return await this.bus.request('workflow.orders.get', systemContext(tenantId), { orderId });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  private async evaluateFacts(input: ResourceRuleInput, steps: DecisionStep[]): Promise<ResourceRuleOutcome> {
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
        const failure = checkPlacement(input.personId, placementOf(input.resource), loaded.scope, steps);
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
