import type { ServiceDefinition } from '@warden/service-kit';
import { PermissionsModule } from './permissions.module';
import { CreatePermissionsSchema1732400000000 } from './migrations/1732400000000-create-permissions-schema.migration';

export const PERMISSIONS_SERVICE: ServiceDefinition = {
  name: 'permissions',
  rootModule: PermissionsModule,
  entities: [],
  migrations: [CreatePermissionsSchema1732400000000],
};
