import type { ServiceDefinition } from '@warden/service-kit';
import { InquiriesModule } from './inquiries.module';
import { CreateInquiriesSchema1732400000000 } from './migrations/1732400000000-create-inquiries-schema.migration';
import { CreateChatsAndRouting1733100000000 } from './migrations/1733100000000-create-chats-and-routing.migration';
import { CreateRosterVersions1733300000000 } from './migrations/1733300000000-create-roster-versions.migration';
import { AddEmployeeSchedules1734100000000 } from './migrations/1734100000000-add-employee-schedules.migration';

export const INQUIRIES_SERVICE: ServiceDefinition = {
  name: 'inquiries',
  rootModule: InquiriesModule,
  // Repositories use SQL directly (routing's candidate query is the hot path); no TypeORM entities.
  entities: [],
  migrations: [
    CreateInquiriesSchema1732400000000,
    CreateChatsAndRouting1733100000000,
    CreateRosterVersions1733300000000,
    AddEmployeeSchedules1734100000000,
  ],
};
