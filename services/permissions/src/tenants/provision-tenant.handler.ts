import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { isUuid } from '@warden/kernel';
import type { OutgoingEvent, RequestContext } from '@warden/contracts';
import { GroupErrors } from '../groups/groups.errors';
import { GroupsRepository } from '../groups/groups.repository';
import { PersonsRepository } from '../persons/persons.repository';
import { PolicyVersions } from '../policy/policy-versions';
import { provisionTenant } from './provisioning.record';
import type { TenantProvisioned } from './provisioning.record';

export class ProvisionTenantCommand extends Command<TenantProvisioned> {
  constructor(
    readonly ctx: RequestContext,
    readonly administratorId: string,
  ) {
    super();
  }
}

@CommandHandler(ProvisionTenantCommand)
export class ProvisionTenantHandler implements ICommandHandler<ProvisionTenantCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: GroupsRepository,
    private readonly persons: PersonsRepository,
    private readonly policy: PolicyVersions,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, administratorId }: ProvisionTenantCommand): Promise<TenantProvisioned> {
    const tenantId = ctx.tenantId;
    // The context may carry no tenant (calls made before one is known); the administrator is an id (the RPC boundary).
    if (!isUuid(tenantId)) throw GroupErrors.unknownPersons('tenantId', [String(tenantId)]);
    const writers = { groups: this.groups, persons: this.persons, policy: this.policy, events: this.events };
    return this.dataSource.transaction((manager) => provisionTenant(manager, writers, tenantId, administratorId));
  }
}
