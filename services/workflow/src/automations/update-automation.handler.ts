import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { AutomationChanges, AutomationRuleView, RequestContext } from '@warden/contracts';
import { AutomationErrors } from './automation.errors';
import { checkedRule, existingRule } from './automation-rule.check';
import { AutomationRuleReferences } from './automation-rule.references';
import { AutomationRuleRepository } from './automation-rule.repository';

export class UpdateAutomationCommand extends Command<AutomationRuleView> {
  constructor(
    readonly ctx: RequestContext,
    readonly ruleId: string,
    readonly changes: AutomationChanges,
  ) {
    super();
  }
}

/** Changes a rule's fields, every id checked again; its owner stays. */
@CommandHandler(UpdateAutomationCommand)
export class UpdateAutomationHandler implements ICommandHandler<UpdateAutomationCommand> {
  constructor(
    private readonly rules: AutomationRuleRepository,
    private readonly references: AutomationRuleReferences,
  ) {}

  async execute({ ctx, ruleId, changes }: UpdateAutomationCommand): Promise<AutomationRuleView> {
    const rule = await existingRule(this.rules, ctx.tenantId, ruleId);
    const fields = await checkedRule(
      this.references,
      ctx,
      {
        name: changes.name ?? rule.name,
        trigger: changes.trigger ?? rule.trigger,
        conditions: changes.conditions ?? rule.conditions,
        actions: changes.actions ?? rule.actions,
        position: changes.position ?? rule.position,
        active: changes.active ?? rule.active,
      },
      rule.ownerId,
    );
    if (!(await this.rules.update(ctx.tenantId, rule.id, fields))) throw AutomationErrors.notFound();
    return (await this.rules.get(ctx.tenantId, rule.id))!;
  }
}
