import { Command, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { PolicyChange, RequestContext, RightOverride, SetOverrideData } from '@warden/contracts';
import { AuditRecorder } from '@warden/messaging';
import { requireKnownPerson } from '../persons/person.check';
import { PersonsRepository } from '../persons/persons.repository';
import { PolicyVersions } from '../policy/policy-versions';
import { OverridesRepository } from './overrides.repository';

/** Grants or denies one right to one person on top of its groups (`effect` null: the groups decide again). */
export class SetOverrideCommand extends Command<{ overrides: RightOverride[]; policy: PolicyChange }> {
  constructor(
    readonly ctx: RequestContext,
    readonly input: SetOverrideData,
  ) {
    super();
  }
}

@CommandHandler(SetOverrideCommand)
export class SetOverrideHandler implements ICommandHandler<SetOverrideCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly persons: PersonsRepository,
    private readonly overrides: OverridesRepository,
    private readonly policy: PolicyVersions,
    private readonly audit: AuditRecorder,
  ) {}

  execute({ ctx, input }: SetOverrideCommand): Promise<{ overrides: RightOverride[]; policy: PolicyChange }> {
    const tenantId = ctx.tenantId;
    return this.dataSource.transaction(async (manager) => {
      await requireKnownPerson(this.persons, manager, tenantId, input.personId);
      const previous = await this.overrides.effectOf(manager, tenantId, input.personId, input.right);
      await this.overrides.set(manager, tenantId, input.personId, input.right, input.effect);
      const rights = (effect: string | null) => ({ rights: { [input.right]: effect } }); // null: the groups decide
      const change = { action: 'person.rights.updated', resource: { type: 'person', id: input.personId } };
      await this.audit.record(manager, tenantId, { ...change, before: rights(previous), after: rights(input.effect) });
      const policy = await this.policy.bump(manager, tenantId, [input.personId], 'person.override');
      return { overrides: await this.overrides.list(manager, tenantId, input.personId), policy };
    });
  }
}
