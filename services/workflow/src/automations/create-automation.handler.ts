import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@warden/kernel';
import type { AutomationRuleView, CreateAutomationData, RequestContext } from '@warden/contracts';
import { AutomationErrors } from './automation.errors';
import { checkedRule } from './automation-rule.check';
import { AutomationRuleReferences } from './automation-rule.references';
import { AutomationRuleRepository } from './automation-rule.repository';

export class CreateAutomationCommand extends Command<AutomationRuleView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: CreateAutomationData,
  ) {
    super();
  }
}

/** A new rule of the tenant, with every id checked, owned by its creator; it goes last unless a position is named. */
@CommandHandler(CreateAutomationCommand)
export class CreateAutomationHandler implements ICommandHandler<CreateAutomationCommand> {
  constructor(
    private readonly rules: AutomationRuleRepository,
    private readonly references: AutomationRuleReferences,
  ) {}

  async execute({ ctx, data }: CreateAutomationCommand): Promise<AutomationRuleView> {
    // The owner is whoever creates the rule: its rights bound what the rule may do.
    if (!ctx.actorId) throw AutomationErrors.notFound();
    const fields = await checkedRule(
      this.references,
      ctx,
      {
        name: data.name,
        trigger: data.trigger,
        conditions: data.conditions ?? {},
        actions: data.actions,
        position: data.position ?? (await this.rules.nextPosition(ctx.tenantId)),
        active: data.active ?? true,
      },
      ctx.actorId,
    );
    const id = newId();
    await this.rules.insert(ctx.tenantId, id, ctx.actorId, fields);
    return (await this.rules.get(ctx.tenantId, id))!;
  }
}
