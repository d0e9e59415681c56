import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkScheduleView } from '@warden/contracts';
import { StaffErrors } from '../../people/person.errors';
import { PersonRepository } from '../../people/person.repository';
import { ScheduleRepository, toScheduleView } from '../schedule.repository';

/** An employee's schedule (deleted employees included: their history stays readable). */
@Injectable()
export class GetScheduleHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly schedules: ScheduleRepository,
  ) {}

  async execute(tenantId: string, personId: string): Promise<WorkScheduleView> {
    const manager = this.dataSource.manager;
    const person = await this.people.findById(manager, tenantId, personId, { kind: 'employee' });
    if (!person) throw StaffErrors.notFound();
    return toScheduleView(personId, await this.schedules.find(manager, tenantId, personId));
  }
}
