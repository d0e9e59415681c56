import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import type { AutomationDryRun, RequestContext } from '@warden/contracts';
import { existingOrder } from '../orders/order.check';
import { OrderRepository } from '../orders/order.repository';
import { existingRule } from './automation-rule.check';
import { AutomationRuleRepository } from './automation-rule.repository';
import { AutomationRunner } from './automation.runner';

export class DryRunAutomationQuery extends Query<AutomationDryRun> {
  constructor(
    readonly ctx: RequestContext,
    readonly ruleId: string,
    readonly orderId: string,
  ) {
    super();
  }
}

/** What the rule would do to the order now (inactive or not), and why; nothing is written. */
@QueryHandler(DryRunAutomationQuery)
export class DryRunAutomationHandler implements IQueryHandler<DryRunAutomationQuery> {
  constructor(
    private readonly rules: AutomationRuleRepository,
    private readonly orders: OrderRepository,
    private readonly runner: AutomationRunner,
  ) {}

  async execute({ ctx, ruleId, orderId }: DryRunAutomationQuery): Promise<AutomationDryRun> {
    const rule = await existingRule(this.rules, ctx.tenantId, ruleId);
    const order = await existingOrder(this.orders, ctx.tenantId, orderId);
    // The owner is asked as the system asks at a real run: no actor.
    const { verdict, actions } = await this.runner.evaluate({ ...ctx, actorId: null }, rule, order);
    return { ruleId: rule.id, orderId: order.id, active: rule.active, matched: verdict.matched, conditions: verdict.results, actions };
  }
}
