import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import type { CreateStaffData, OutgoingEvent, RequestContext, StaffView } from '@warden/contracts';
import { newPersonFields } from '../people/person.fields';
import { toStaffView } from '../people/person.mapper';
import { PasswordHasher } from '../people/password.hasher';
import { PersonRepository } from '../people/person.repository';
import { employeeCreated } from './staff.events';

export class CreateStaffCommand extends Command<StaffView> {
  constructor(
    readonly ctx: RequestContext,
    readonly data: CreateStaffData,
  ) {
    super();
  }
}

/** Creates an employee; with a password the employee may sign in at once, without it it is `no_access`. */
@CommandHandler(CreateStaffCommand)
export class CreateStaffHandler implements ICommandHandler<CreateStaffCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly hasher: PasswordHasher,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, data }: CreateStaffCommand): Promise<StaffView> {
    const { tenantId } = ctx;
    const fields = newPersonFields(data);
    const passwordHash = data.password !== undefined ? await this.hasher.hash(data.password) : null;
    return this.dataSource.transaction(async (manager) => {
      const row = await this.people.insert(manager, { id: newId(), tenantId, kind: 'employee', ...fields, passwordHash });
      await this.events.publish(employeeCreated(row, data.groupIds), manager);
      return toStaffView(row);
    });
  }
}
