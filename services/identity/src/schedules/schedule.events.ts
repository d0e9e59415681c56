import { inReadingOrder } from '@warden/kernel';
import type { OutgoingEvent } from '@warden/contracts';
import { WorkScheduleChangedV1 } from '@warden/contracts';
import type { ScheduleRow } from './schedule.repository';

/** The whole schedule after the change (null once cleared), so consumers never need to ask back. */
export function scheduleChanged(row: ScheduleRow): OutgoingEvent<WorkScheduleChangedV1> {
  return {
    contract: WorkScheduleChangedV1,
    tenantId: row.tenant_id,
    subject: row.person_id,
    data: {
      personId: row.person_id,
      schedule: row.schedule ? inReadingOrder(row.schedule) : null,
      version: row.version,
      at: row.updated_at.toISOString(),
    },
  };
}
