import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEFAULT_SCHEDULE_TIME_ZONE, parseWorkSchedule } from '@warden/kernel';
import { OutboxWriter } from '@warden/messaging';
import type { WorkScheduleView } from '@warden/contracts';
import { StaffErrors } from '../../people/person.errors';
import { PersonRepository } from '../../people/person.repository';
import { scheduleChanged } from '../schedule.events';
import { ScheduleRepository, toScheduleView } from '../schedule.repository';

/**
 * Replaces an employee's whole schedule. The input is validated before the transaction starts; the
 * row and identity.schedule.changed.v1 are written together. Tenants carry no time zone of their own,
 * so a schedule without one is in UTC.
 */
@Injectable()
export class PutScheduleHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly schedules: ScheduleRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(tenantId: string, personId: string, input: unknown): Promise<WorkScheduleView> {
    const schedule = parseWorkSchedule(input, DEFAULT_SCHEDULE_TIME_ZONE);
    return this.dataSource.transaction(async (manager) => {
      const person = await this.people.findById(manager, tenantId, personId, { kind: 'employee', lock: true });
      if (!person) throw StaffErrors.notFound();
      if (person.deleted_at) throw StaffErrors.deleted();
      const row = await this.schedules.replace(manager, tenantId, personId, schedule);
      await this.outbox.add(manager, scheduleChanged(row));
      return toScheduleView(personId, row);
    });
  }
}
