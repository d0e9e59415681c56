import type { ServiceDefinition } from '@warden/service-kit';
import { PermissionsModule } from './permissions.module';
import { CreatePermissionsSchema1732400000000 } from './migrations/1732400000000-create-permissions-schema.migration';
import { CreatePolicyTables1732500000000 } from './migrations/1732500000000-create-policy-tables.migration';
import { CreateStatusAccess1732700000000 } from './migrations/1732700000000-create-status-access.migration';
import { CreateOrderVisibility1733400000000 } from './migrations/1733400000000-create-order-visibility.migration';
import { StatusAccessTaskWorkflows1733700000000 } from './migrations/1733700000000-status-access-task-workflows.migration';
import { CreateContactCompanies1734100000000 } from './migrations/1734100000000-create-contact-companies.migration';

export const PERMISSIONS_SERVICE: ServiceDefinition = {
  name: 'permissions',
  rootModule: PermissionsModule,
  // Repositories use SQL directly, as in every service; no TypeORM entities.
  entities: [],
  migrations: [
    CreatePermissionsSchema1732400000000,
    CreatePolicyTables1732500000000,
    CreateStatusAccess1732700000000,
    CreateOrderVisibility1733400000000,
    StatusAccessTaskWorkflows1733700000000,
    CreateContactCompanies1734100000000,
  ],
};
