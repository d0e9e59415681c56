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
import { orderCommentAdded, orderTagsChanged, orderTransferred } from '../orders/order.events';
import { withTag } from '../orders/order-tags.policy';
import { OrderCommentRepository } from '../orders/order-comment.repository';
import { OrderRepository } from '../orders/order.repository';
import { OrderStatusChanger } from '../orders/order-status.changer';
import { planOrderTransfer } from '../orders/order-transfer.policy';
import { automationApplied } from './automation.events';
import { evaluateAutomationConditions, needsContact } from './automation-conditions.policy';
import type { AutomationContactFacts } from './automation-contact-condition.policy';
import type { ConditionsVerdict } from './automation-conditions.policy';
import {
  automationNotifyNote,
  automationRefusalNote,
  automationStepOutcome,
  automationSteps,
  orderAfterStep,
  ownerCheckOf,
  statusStepRefusal,
  stepIsNoop,
  tagStepRefusal,
} from './automation-actions.policy';
import type { AutomationStep, AutomationTargetStatus } from './automation-actions.policy';

export interface RuleEvaluation {
  verdict: ConditionsVerdict;
  actions: AutomationActionResult[];
}

/** What one step would do to the order as it is, with the owner's decision when one was asked. */
interface StepJudgement {
  result: AutomationActionResult;
  decision: Decision | null;
  target: AutomationTargetStatus | null;
}

/**
 * Runs automation rules on an order as the system (history and events carry `actorId` null and the rule's id),
 * each change allowed only as far as the rule's owner may make it now: the permissions service is asked for the
 * owner with the same action and order resource the gateway asks for a person's change (automation-actions.policy.ts).
 * A refused change does nothing to the order; an `automation` history entry says why. Rules run in position order,
 * each on the order as the previous ones left it; their changes start no further rules (a chain of depth 1): rules
 * start from an order's creation or a person's status change or transfer (the consumers of those skip changes
 * without an actor), and what rules change is published with `actorId` null (a status or department a rule sets).
 * The dry run and the real run judge each step with the same `judge`, so they cannot disagree.
 */
@Injectable()
export class AutomationRunner {
  constructor(
    private readonly orders: OrderRepository,
    private readonly statuses: OrderStatusChanger,
    private readonly comments: OrderCommentRepository,
    private readonly bus: BusClient,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  /** What the rule would do to the order now, asking the same questions and changing nothing. */
  async evaluate(ctx: RequestContext, rule: AutomationRuleView, order: OrderView): Promise<RuleEvaluation> {
    const contact = needsContact(rule.conditions) ? await this.contactOf(ctx, order) : null;
    const verdict = evaluateAutomationConditions(rule.conditions, order, contact);
    if (!verdict.matched) return { verdict, actions: [] };
    const actions: AutomationActionResult[] = [];
    let current = order;
    for (const step of automationSteps(rule.actions)) {
      const { result, target } = await this.judge(ctx, rule, step, current);
      actions.push(result);
      // Later steps are judged on the order as the earlier ones would leave it, as the real run does.
      if (result.outcome === 'applied') current = orderAfterStep(step, current, target);
    }
    return { verdict, actions };
  }

  /**
   * Every active rule of the trigger, on the order (locked), inside the caller's transaction. `stillSo` is what the
   * triggering change made of the order (its new status, its new department): when the order has moved on since, a
   * later change's own event decides, and this one runs nothing — else a rule for the later state would run twice.
   */
  async run(
    manager: EntityManager,
    ctx: RequestContext,
    trigger: AutomationTrigger,
    rules: AutomationRuleView[],
    orderId: string,
    stillSo: (order: OrderView) => boolean = () => true,
  ): Promise<void> {
    let order = await this.orders.get(ctx.tenantId, orderId, manager, true);
    if (!order || !stillSo(order)) return;
    // Read once, when a rule first tests it: no rule changes who the client is.
    let contact: Promise<AutomationContactFacts | null> | undefined;
    for (const rule of rules) {
      if (needsContact(rule.conditions)) contact ??= this.contactOf(ctx, order);
      const verdict = evaluateAutomationConditions(rule.conditions, order, (await contact) ?? null);
      if (!verdict.matched) continue;
      const results: AutomationActionResult[] = [];
      for (const step of automationSteps(rule.actions)) {
        const current = (await this.orders.get(ctx.tenantId, orderId, manager))!;
        const { result, decision } = await this.judge(ctx, rule, step, current, manager);
        results.push(result);
        if (result.outcome === 'applied' && decision) await this.apply(manager, ctx.tenantId, rule, step, current, decision);
        if (result.outcome === 'refused') await this.recordRefusal(manager, ctx.tenantId, rule, current, result);
      }
      // The next rule judges the order as this one left it.
      order = (await this.orders.get(ctx.tenantId, orderId, manager))!;
      await this.events.publish(automationApplied(ctx.tenantId, rule, trigger, order, results), manager);
    }
  }

  /**
   * The order's client contact as the directory has it now (none when the order has no client contact or the
   * contact is gone); a directory that does not answer fails the run, and the event is delivered again later.
   */
  private async contactOf(ctx: RequestContext, order: OrderView): Promise<AutomationContactFacts | null> {
    const contactId = order.clientContactId;
    if (contactId === null) return null;
    try {
      return await this.bus.request('directory.contacts.get', ctx, { contactId });
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  /**
   * A step on the order as it is: nothing when the order already is so; a status the order's workflow cannot take,
   * or a tag past the order's limit, is refused without asking; anything else is what the owner's permission
   * decision says.
   */
  private async judge(
    ctx: RequestContext,
    rule: AutomationRuleView,
    step: AutomationStep,
    order: OrderView,
    manager?: EntityManager,
  ): Promise<StepJudgement> {
    const target = step.action === 'set-status' ? await this.orders.status(ctx.tenantId, step.value, manager) : null;
    const refusal = statusStepRefusal(step, order, target) ?? tagStepRefusal(step, order);
    if (refusal) return { result: refusal, decision: null, target };
    const decision = stepIsNoop(step, order) ? null : await this.ownerDecision(ctx, rule, step, order);
    return { result: automationStepOutcome(step, order, decision), decision, target };
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
    if (step.action === 'set-status') {
      // The manual change's own path: counters, history (with the rule's id) and its event with `actorId` null.
      const request = { expectedStatusId: order.status.id, decision: recorded, actorId: null };
      await this.statuses.change(manager, tenantId, order, step.value, request, { ruleId: rule.id });
      return;
    }
    if (step.action === 'add-note') {
      // Written by the system (no author) on the rule's behalf; the comment names the rule, as history entries do.
      const comment = await this.comments.insert(manager, tenantId, {
        id: newId(),
        orderId: order.id,
        visibility: 'internal',
        authorId: null,
        authorKind: 'employee',
        body: step.value,
        inboundMessageId: null,
        automationRuleId: rule.id,
      });
      await this.events.publish(orderCommentAdded(tenantId, order, comment), manager);
      return;
    }
    const client = { clientContactId: order.clientContactId, clientCompanyId: order.clientCompanyId, equipmentId: order.equipmentId };
    if (step.action === 'add-tag') {
      // A field change like a person's (update-order.handler.ts): the `tags` history entry and event, naming the rule.
      const change = { added: [step.value], removed: [] };
      await this.orders.updateFields(manager, tenantId, order.id, { tags: withTag(order.tags, step.value) }, client);
      await this.recordInHistory(manager, tenantId, order, { decision: recorded, tags: change, automation });
      const tagged = (await this.orders.get(tenantId, order.id, manager))!;
      await this.events.publish(orderTagsChanged(tenantId, tagged, change, { actorId: null, automationRuleId: rule.id }), manager);
      return;
    }
    if (step.action === 'notify') {
      // Only the intent is the order's: the rule's applied event carries it to the integrations service, which emails.
      await this.recordInHistory(manager, tenantId, order, {
        decision: recorded,
        automation: { ruleId: rule.id, note: automationNotifyNote(rule.name, step.value) },
      });
      return;
    }
    await this.orders.updateFields(manager, tenantId, order.id, { responsibleId: step.value }, client);
    await this.recordInHistory(manager, tenantId, order, {
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
    const note = automationRefusalNote(rule.name, result);
    await this.recordInHistory(manager, tenantId, order, { decision: null, automation: { ruleId: rule.id, note } });
  }

  /** A history entry written by a rule that leaves the status as it is (`from` = `to`, no actor). */
  private recordInHistory(
    manager: EntityManager,
    tenantId: string,
    order: OrderView,
    entry: Omit<Parameters<OrderRepository['addHistory']>[2], 'id' | 'orderId' | 'from' | 'to' | 'actorId'>,
  ): Promise<void> {
    const status = { id: order.status.id, name: order.status.name };
    return this.orders.addHistory(manager, tenantId, { id: newId(), orderId: order.id, from: status, to: status, actorId: null, ...entry });
  }
}
