import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { DomainError, newId } from '@warden/kernel';
import { BusClient } from '@warden/messaging';
import type {
  AutomationActionResult,
  AutomationRuleView,
  AutomationTrigger,
  Decision,
  OrderView,
  OutgoingEvent,
  RequestContext,
} from '@warden/contracts';
import { orderTransferred } from '../orders/order.events';
import { OrderRepository } from '../orders/order.repository';
import { planOrderTransfer } from '../orders/order-transfer.policy';
import { automationApplied } from './automation.events';
import { evaluateAutomationConditions } from './automation-conditions.policy';
import type { ConditionsVerdict } from './automation-conditions.policy';
import { automationStepOutcome, automationSteps, ownerCheckOf, stepIsNoop } from './automation-actions.policy';
import type { AutomationStep } from './automation-actions.policy';

export interface RuleEvaluation {
  verdict: ConditionsVerdict;
  actions: AutomationActionResult[];
}

/**
 * Runs automation rules on an order as the system (history and events carry `actorId` null and the rule's id),
 * each change allowed only as far as the rule's owner may make it now: the permissions service is asked for the
 * owner with the same action and order resource the gateway asks for a person's change (automation-actions.policy.ts).
 * A refused change does nothing to the order; an `automation` history entry says why. Rules run in position order,
 * each on the order as the previous ones left it; their changes start no further rules (a chain of depth 1): rules
 * start from an order's creation or a person's status change (order-status-changed-automation.consumer.ts skips
 * changes without an actor), and what rules change (department, responsible employee) publishes neither.
 */
@Injectable()
export class AutomationRunner {
  constructor(
    private readonly orders: OrderRepository,
    private readonly bus: BusClient,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  /** What the rule would do to the order now, asking the same questions and changing nothing. */
  async evaluate(ctx: RequestContext, rule: AutomationRuleView, order: OrderView): Promise<RuleEvaluation> {
    const verdict = evaluateAutomationConditions(rule.conditions, order);
    if (!verdict.matched) return { verdict, actions: [] };
    const actions: AutomationActionResult[] = [];
    let current = order;
    for (const step of automationSteps(rule.actions)) {
      const result = automationStepOutcome(step, current, await this.ownerDecision(ctx, rule, step, current));
      actions.push(result);
      // Later steps are judged on the order as the earlier ones would leave it, as the real run does.
      if (result.outcome === 'applied')
        current = step.action === 'set-department' ? { ...current, departmentId: step.value } : { ...current, responsibleId: step.value };
    }
    return { verdict, actions };
  }

  /** Every active rule of the trigger, on the order (locked), inside the caller's transaction. */
  async run(
    manager: EntityManager,
    ctx: RequestContext,
    trigger: AutomationTrigger,
    rules: AutomationRuleView[],
    orderId: string,
  ): Promise<void> {
    for (const rule of rules) {
      const order = await this.orders.get(ctx.tenantId, orderId, manager, true);
      if (!order) return;
      const verdict = evaluateAutomationConditions(rule.conditions, order);
      if (!verdict.matched) continue;
      const results: AutomationActionResult[] = [];
      for (const step of automationSteps(rule.actions)) {
        const current = (await this.orders.get(ctx.tenantId, orderId, manager))!;
        const decision = stepIsNoop(step, current) ? null : await this.ownerDecision(ctx, rule, step, current);
        const result = automationStepOutcome(step, current, decision);
        results.push(result);
        if (result.outcome === 'applied' && decision) await this.apply(manager, ctx.tenantId, rule, step, current, decision);
        if (result.outcome === 'refused') await this.recordRefusal(manager, ctx.tenantId, rule, current, result);
      }
      const after = (await this.orders.get(ctx.tenantId, orderId, manager))!;
      await this.events.publish(automationApplied(ctx.tenantId, rule, trigger, after, results), manager);
    }
  }

  private ownerDecision(ctx: RequestContext, rule: AutomationRuleView, step: AutomationStep, order: OrderView): Promise<Decision> {
    const check = ownerCheckOf(step, order);
    return this.bus.request('permissions.check', ctx, { personId: rule.ownerId, action: check.action, resource: check.resource });
  }

  private async apply(
    manager: EntityManager,
    tenantId: string,
    rule: AutomationRuleView,
    step: AutomationStep,
    order: OrderView,
    decision: Decision,
  ): Promise<void> {
    const recorded = { code: decision.code, policyVersion: decision.policyVersion };
    const automation = { ruleId: rule.id, note: null };
    if (step.action === 'set-department') {
      const plan = planOrderTransfer(order, {
        departmentId: step.value,
        expectedDepartmentId: order.departmentId,
        decision: recorded,
        actorId: null,
      });
      if (plan instanceof DomainError) throw plan;
      await this.orders.moveToDepartment(manager, tenantId, order, plan.departmentId);
      await this.orders.addHistory(manager, tenantId, { id: newId(), orderId: order.id, ...plan.history, automation });
      const moved = (await this.orders.get(tenantId, order.id, manager))!;
      await this.events.publish(orderTransferred(tenantId, moved, plan.event), manager);
      return;
    }
    const client = { clientContactId: order.clientContactId, clientCompanyId: order.clientCompanyId, equipmentId: order.equipmentId };
    await this.orders.updateFields(manager, tenantId, order.id, { responsibleId: step.value }, client);
    const status = { id: order.status.id, name: order.status.name };
    await this.orders.addHistory(manager, tenantId, {
      id: newId(),
      orderId: order.id,
      from: status,
      to: status,
      actorId: null,
      decision: recorded,
      responsible: { from: order.responsibleId, to: step.value },
      automation,
    });
  }

  private async recordRefusal(
    manager: EntityManager,
    tenantId: string,
    rule: AutomationRuleView,
    order: OrderView,
    result: AutomationActionResult,
  ): Promise<void> {
    const status = { id: order.status.id, name: order.status.name };
    const note = `Rule '${rule.name}' did not ${result.action === 'set-department' ? 'transfer the order' : 'set the responsible employee'}: ${result.reason} (${result.code})`;
    await this.orders.addHistory(manager, tenantId, {
      id: newId(),
      orderId: order.id,
      from: status,
      to: status,
      actorId: null,
      decision: null,
      automation: { ruleId: rule.id, note },
    });
  }
}
