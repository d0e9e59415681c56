import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { RequestContext } from '@warden/contracts';
import { AutomationErrors } from './automation.errors';
import { AutomationRuleRepository } from './automation-rule.repository';

export class DeleteAutomationCommand extends Command<{ deleted: true }> {
  constructor(
    readonly ctx: RequestContext,
    readonly ruleId: string,
  ) {
    super();
  }
}

@CommandHandler(DeleteAutomationCommand)
export class DeleteAutomationHandler implements ICommandHandler<DeleteAutomationCommand> {
  constructor(private readonly rules: AutomationRuleRepository) {}

  async execute({ ctx, ruleId }: DeleteAutomationCommand): Promise<{ deleted: true }> {
    if (!(await this.rules.delete(ctx.tenantId, ruleId))) throw AutomationErrors.notFound();
    return { deleted: true };
  }
}
