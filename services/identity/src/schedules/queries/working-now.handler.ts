import { Injectable } from '@nestjs/common';
import { workingAt } from '@warden/kernel';
import type { WorkingNowView } from '@warden/contracts';
import { GetScheduleHandler } from './get-schedule.handler';

/** "Working now" (or at a given instant) by the employee's schedule; no schedule counts as working. */
@Injectable()
export class WorkingNowHandler {
  constructor(private readonly schedules: GetScheduleHandler) {}

  async execute(tenantId: string, personId: string, at?: string): Promise<WorkingNowView> {
    const instant = at === undefined ? new Date() : new Date(at);
    const { schedule } = await this.schedules.execute(tenantId, personId);
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
