import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@warden/messaging';
import type { WorkScheduleView } from '@warden/contracts';
import { StaffErrors } from '../../people/person.errors';
import { PersonRepository } from '../../people/person.repository';
import { scheduleChanged } from '../schedule.events';
import { ScheduleRepository, toScheduleView } from '../schedule.repository';

/** Takes an employee's schedule away ("no schedule"); clearing nothing answers the same and announces nothing. */
@Injectable()
export class ClearScheduleHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly schedules: ScheduleRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute(tenantId: string, personId: string): Promise<WorkScheduleView> {
    return this.dataSource.transaction(async (manager) => {
      const person = await this.people.findById(manager, tenantId, personId, { kind: 'employee', lock: true });
      if (!person) throw StaffErrors.notFound();
      const cleared = await this.schedules.clear(manager, tenantId, personId);
      if (cleared) await this.outbox.add(manager, scheduleChanged(cleared));
      return toScheduleView(personId, cleared ?? (await this.schedules.find(manager, tenantId, personId)));
    });
  }
}
