import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSourceOptions, migrate } from './data-source.factory';
import type { ServicePersistenceOptions } from './data-source.factory';

/** The service's TypeORM data source; pending migrations are applied before the service starts. */
@Module({})
export class PersistenceModule {
  static forService(options: ServicePersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => createDataSourceOptions(options),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            await migrate(dataSource, options.service);
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
