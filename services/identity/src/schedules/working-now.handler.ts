import { Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { workingAt } from '@warden/kernel';
import type { WorkingNowView } from '@warden/contracts';
import { GetScheduleQuery } from './get-schedule.handler';

export class WorkingNowQuery extends Query<WorkingNowView> {
  constructor(
    readonly tenantId: string,
    readonly personId: string,
    /** ISO 8601; absent: now. */
    readonly at?: string,
  ) {
    super();
  }
}

/** "Working now" (or at a given instant) by the employee's schedule; no schedule counts as working. */
@QueryHandler(WorkingNowQuery)
export class WorkingNowHandler implements IQueryHandler<WorkingNowQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ tenantId, personId, at }: WorkingNowQuery): Promise<WorkingNowView> {
    const instant = at === undefined ? new Date() : new Date(at);
    // The employee's schedule as `identity.schedules.get` answers it, its not-found included.
    const { schedule } = await this.queries.execute(new GetScheduleQuery(tenantId, personId));
    const state = workingAt(schedule, instant);
    return {
      personId,
      at: instant.toISOString(),
      working: state.working,
      reason: state.reason,
      nextChangeAt: state.nextChangeAt?.toISOString() ?? null,
      timeZone: schedule?.timeZone ?? null,
      local: state.local,
    };
  }
}
