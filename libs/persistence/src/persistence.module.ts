import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createDataSourceOptions, migrate } from './data-source.factory';
import { RetryingDataSource } from './transaction.retry';
import type { ServicePersistenceOptions } from './data-source.factory';

/** The service's TypeORM data source (transactions retried on deadlocks, see transaction.retry.ts); pending migrations are applied before the service starts. */
@Module({})
export class PersistenceModule {
  static forService(options: ServicePersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => createDataSourceOptions(options),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new RetryingDataSource(dataSourceOptions!).initialize();
            await migrate(dataSource, options.service);
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
