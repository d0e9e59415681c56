import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DEFAULT_SCHEDULE_TIME_ZONE, parseWorkSchedule } from '@warden/kernel';
import type { OutgoingEvent, RequestContext, WorkScheduleView } from '@warden/contracts';
import { StaffErrors } from '../people/person.errors';
import { PersonRepository } from '../people/person.repository';
import { scheduleChanged } from './schedule.events';
import { ScheduleRepository, toScheduleView } from './schedule.repository';

export class PutScheduleCommand extends Command<WorkScheduleView> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
    /** As it came: parsed and checked by the handler. */
    readonly schedule: unknown,
  ) {
    super();
  }
}

/**
 * Replaces an employee's whole schedule. The input is validated before the transaction starts; the
 * row and identity.schedule.changed.v1 are written together. Tenants carry no time zone of their own,
 * so a schedule without one is in UTC.
 */
@CommandHandler(PutScheduleCommand)
export class PutScheduleHandler implements ICommandHandler<PutScheduleCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly schedules: ScheduleRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, personId, schedule: input }: PutScheduleCommand): Promise<WorkScheduleView> {
    const { tenantId } = ctx;
    const schedule = parseWorkSchedule(input, DEFAULT_SCHEDULE_TIME_ZONE);
    return this.dataSource.transaction(async (manager) => {
      const person = await this.people.findById(manager, tenantId, personId, { kind: 'employee', lock: true });
      if (!person) throw StaffErrors.notFound();
      if (person.deleted_at) throw StaffErrors.deleted();
      const row = await this.schedules.replace(manager, tenantId, personId, schedule);
      await this.events.publish(scheduleChanged(row), manager);
      return toScheduleView(personId, row);
    });
  }
}
