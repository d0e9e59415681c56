import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import type { CreateStaffData, StaffView } from '@warden/contracts';
import { newPersonFields } from '../../people/person.fields';
import { toStaffView } from '../../people/person.mapper';
import { PasswordHasher } from '../../people/password.hasher';
import { PersonRepository } from '../../people/person.repository';
import { employeeCreated } from '../staff.events';

/** Creates an employee; with a password the employee may sign in at once, without it it is `no_access`. */
@Injectable()
export class CreateStaffHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(tenantId: string, data: CreateStaffData): Promise<StaffView> {
    const fields = newPersonFields(data);
    const passwordHash = data.password !== undefined ? await this.hasher.hash(data.password) : null;
    return this.dataSource.transaction(async (manager) => {
      const row = await this.people.insert(manager, { id: newId(), tenantId, kind: 'employee', ...fields, passwordHash });
      await this.outbox.add(manager, employeeCreated(row, data.groupIds));
      return toStaffView(row);
    });
  }
}
