import type { ServiceDefinition } from '@warden/service-kit';
import { IdentityModule } from './identity.module';
import { CreateIdentitySchema1732400000000 } from './migrations/1732400000000-create-identity-schema.migration';
import { CreatePeopleAndSessions1732500000000 } from './migrations/1732500000000-create-people-and-sessions.migration';
import { CreateWorkSchedules1734100000000 } from './migrations/1734100000000-create-work-schedules.migration';

export const IDENTITY_SERVICE: ServiceDefinition = {
  name: 'identity',
  rootModule: IdentityModule,
  entities: [],
  migrations: [CreateIdentitySchema1732400000000, CreatePeopleAndSessions1732500000000, CreateWorkSchedules1734100000000],
};
