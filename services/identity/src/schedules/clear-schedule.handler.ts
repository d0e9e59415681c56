import { Command, CommandHandler, EventBus } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { OutgoingEvent, RequestContext, WorkScheduleView } from '@warden/contracts';
import { StaffErrors } from '../people/person.errors';
import { PersonRepository } from '../people/person.repository';
import { scheduleChanged } from './schedule.events';
import { ScheduleRepository, toScheduleView } from './schedule.repository';

export class ClearScheduleCommand extends Command<WorkScheduleView> {
  constructor(
    readonly ctx: RequestContext,
    readonly personId: string,
  ) {
    super();
  }
}

/** Takes an employee's schedule away ("no schedule"); clearing nothing answers the same and announces nothing. */
@CommandHandler(ClearScheduleCommand)
export class ClearScheduleHandler implements ICommandHandler<ClearScheduleCommand> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PersonRepository,
    private readonly schedules: ScheduleRepository,
    private readonly events: EventBus<OutgoingEvent>,
  ) {}

  async execute({ ctx, personId }: ClearScheduleCommand): Promise<WorkScheduleView> {
    const { tenantId } = ctx;
    return this.dataSource.transaction(async (manager) => {
      const person = await this.people.findById(manager, tenantId, personId, { kind: 'employee', lock: true });
      if (!person) throw StaffErrors.notFound();
      const cleared = await this.schedules.clear(manager, tenantId, personId);
      if (cleared) await this.events.publish(scheduleChanged(cleared), manager);
      return toScheduleView(personId, cleared ?? (await this.schedules.find(manager, tenantId, personId)));
    });
  }
}
