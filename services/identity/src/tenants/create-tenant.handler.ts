import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import type { CreateTenantData, OutgoingEvent, RequestContext, StaffView, TenantView } from '@warden/contracts';
import { newPersonFields } from '../people/person.fields';
import { toStaffView } from '../people/person.mapper';
import { PasswordHasher } from '../people/password.hasher';
import { PersonRepository } from '../people/person.repository';
import { employeeCreated } from '../staff/staff.events';
import { tenantCreated } from './tenant.events';
import { TenantRepository, toTenantView } from './tenant.repository';

export class CreateTenantCommand extends Command<{ tenant: TenantView; administrator: StaffView }> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: CreateTenantData,
  ) {
    super();
  }
}

/** A tenant and its first administrator, who can sign in at once; one transaction, both events. */
@CommandHandler(CreateTenantCommand)
export class CreateTenantHandler implements ICommandHandler<CreateTenantCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tenants: TenantRepository,
    private readonly people: PersonRepository,
    private readonly hasher: PasswordHasher,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ data }: CreateTenantCommand): Promise<{ tenant: TenantView; administrator: StaffView }> {
    const { slug, name } = data;
    const fields = newPersonFields(data.administrator);
    const passwordHash = await this.hasher.hash(data.administrator.password);
    return this.dataSource.transaction(async (manager) => {
      const tenant = await this.tenants.insert(manager, { id: newId(), slug, name });
      const administrator = await this.people.insert(manager, {
        id: newId(),
        tenantId: tenant.id,
        kind: 'employee',
        ...fields,
        passwordHash,
      });
      await this.events.publishAll([tenantCreated(tenant, administrator.id), employeeCreated(administrator, [])], manager);
      return { tenant: toTenantView(tenant), administrator: toStaffView(administrator) };
    });
  }
}
