import type { ServiceDefinition } from '@warden/service-kit';
import { DirectoryModule } from './directory.module';
import { CreateDirectorySchema1732400000000 } from './migrations/1732400000000-create-directory-schema.migration';

export const DIRECTORY_SERVICE: ServiceDefinition = {
  name: 'directory',
  rootModule: DirectoryModule,
  entities: [],
  migrations: [CreateDirectorySchema1732400000000],
};
