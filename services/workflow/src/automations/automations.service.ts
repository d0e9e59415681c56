import { Injectable } from '@nestjs/common';
import { newId } from '@warden/kernel';
import type { AutomationChanges, AutomationDryRun, AutomationRuleView, CreateAutomationData, RequestContext } from '@warden/contracts';
import { OrderRepository } from '../orders/order.repository';
import { OrderErrors } from '../orders/order.errors';
import { AutomationErrors } from './automation.errors';
import { AutomationRuleReferences } from './automation-rule.references';
import { AutomationRuleRepository } from './automation-rule.repository';
import type { RuleFields } from './automation-rule.repository';
import { AutomationRunner } from './automation.runner';

/** Automation rules of the tenant: stored with every id checked, owned by their creator, and dry-run on an order. */
@Injectable()
export class AutomationsService {
  constructor(
    private readonly rules: AutomationRuleRepository,
    private readonly references: AutomationRuleReferences,
    private readonly orders: OrderRepository,
    private readonly runner: AutomationRunner,
  ) {}

  list(ctx: RequestContext): Promise<AutomationRuleView[]> {
    return this.rules.list(ctx.tenantId);
  }

  async get(ctx: RequestContext, ruleId: string): Promise<AutomationRuleView> {
    const rule = await this.rules.get(ctx.tenantId, ruleId);
    if (!rule) throw AutomationErrors.notFound();
    return rule;
  }

  async create(ctx: RequestContext, data: CreateAutomationData): Promise<AutomationRuleView> {
    // The owner is whoever creates the rule: its rights bound what the rule may do.
    if (!ctx.actorId) throw AutomationErrors.notFound();
    const fields = await this.checked(ctx, {
      name: data.name,
      trigger: data.trigger,
      conditions: data.conditions ?? {},
      actions: data.actions,
      position: data.position ?? (await this.rules.nextPosition(ctx.tenantId)),
      active: data.active ?? true,
    });
    const id = newId();
    await this.rules.insert(ctx.tenantId, id, ctx.actorId, fields);
    return (await this.rules.get(ctx.tenantId, id))!;
  }

  async update(ctx: RequestContext, ruleId: string, changes: AutomationChanges): Promise<AutomationRuleView> {
    const rule = await this.get(ctx, ruleId);
    const fields = await this.checked(ctx, {
      name: changes.name ?? rule.name,
      trigger: changes.trigger ?? rule.trigger,
      conditions: changes.conditions ?? rule.conditions,
      actions: changes.actions ?? rule.actions,
      position: changes.position ?? rule.position,
      active: changes.active ?? rule.active,
    });
    if (!(await this.rules.update(ctx.tenantId, rule.id, fields))) throw AutomationErrors.notFound();
    return (await this.rules.get(ctx.tenantId, rule.id))!;
  }

  async delete(ctx: RequestContext, ruleId: string): Promise<{ deleted: true }> {
    if (!(await this.rules.delete(ctx.tenantId, ruleId))) throw AutomationErrors.notFound();
    return { deleted: true };
  }

  /** What the rule would do to the order now (inactive or not), and why; nothing is written. */
  async dryRun(ctx: RequestContext, ruleId: string, orderId: string): Promise<AutomationDryRun> {
    const rule = await this.get(ctx, ruleId);
    const order = await this.orders.get(ctx.tenantId, orderId);
    if (!order) throw OrderErrors.notFound();
    const { verdict, actions } = await this.runner.evaluate({ ...ctx, actorId: null }, rule, order);
    return { ruleId: rule.id, orderId: order.id, active: rule.active, matched: verdict.matched, conditions: verdict.results, actions };
  }

  private async checked(ctx: RequestContext, fields: RuleFields): Promise<RuleFields> {
    if (!fields.name) throw AutomationErrors.nameRequired();
    return {
      ...fields,
      conditions: await this.references.conditions(ctx, fields.conditions),
      actions: await this.references.actions(ctx, fields.actions),
    };
  }
}
