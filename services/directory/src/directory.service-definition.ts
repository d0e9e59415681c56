import type { ServiceDefinition } from '@warden/service-kit';
import { DirectoryModule } from './directory.module';
import { CreateDirectorySchema1732400000000 } from './migrations/1732400000000-create-directory-schema.migration';
import { CreateDirectoryTables1732600000000 } from './migrations/1732600000000-create-directory-tables.migration';

export const DIRECTORY_SERVICE: ServiceDefinition = {
  name: 'directory',
  rootModule: DirectoryModule,
  // Repositories use SQL directly (composite tenant keys, recursive tree queries); no TypeORM entities.
  entities: [],
  migrations: [CreateDirectorySchema1732400000000, CreateDirectoryTables1732600000000],
};
