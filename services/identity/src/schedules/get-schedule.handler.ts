import { Query, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { WorkScheduleView } from '@warden/contracts';
import { StaffErrors } from '../people/person.errors';
import { PersonRepository } from '../people/person.repository';
import { ScheduleRepository, toScheduleView } from './schedule.repository';

export class GetScheduleQuery extends Query<WorkScheduleView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
  ) {
    super();
  }
}

/** An employee's schedule (deleted employees included: their history stays readable). */
@QueryHandler(GetScheduleQuery)
export class GetScheduleHandler implements IQueryHandler<GetScheduleQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly schedules: ScheduleRepository,
  ) {}

  async execute({ tenantId, personId }: GetScheduleQuery): Promise<WorkScheduleView> {
    const manager = this.dataSource.manager;
    const person = await this.people.findById(manager, tenantId, personId, { kind: 'employee' });
    if (!person) throw StaffErrors.notFound();
    return toScheduleView(personId, await this.schedules.find(manager, tenantId, personId));
  }
}
