import { DataSource, MigrationExecutor } from 'typeorm';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { RetryingDataSource } from './transaction.retry';

/** Below the gateway's 5 s bus timeout, so a waiting request hears "database unavailable" rather than silence. */
export const DATABASE_CONNECT_TIMEOUT_MS = 4000;

export interface ServicePersistenceOptions {
  /** The owning service; also the name of the one Postgres schema it owns. */
  service: string;
  databaseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * The data source of one service: its own schema (also first on the search path, so raw SQL
 * needs no qualification), its own migrations table, and never `synchronize`.
 */
export function createDataSourceOptions(options: ServicePersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.databaseUrl,
    schema: options.service,
    // The outbox and inbox tables are written with SQL (libs/messaging/src/messaging.tables.ts), like the services' own.
    entities: options.entities as DataSourceOptions['entities'],
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Expected failures (unique violations mapped to 409s) are not errors; unexpected ones reach the RPC error filter.
    logging: ['warn', 'migration'],
    extra: {
      max: options.poolSize ?? 10,
      // A database that does not hand out a connection is an outage (503), answered before the caller's bus timeout.
      connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
      options: `-c search_path="${options.service}"`,
      application_name: `warden-${options.service}`,
    },
  };
}

/**
 * The advisory-lock key of one schema's migrations: any number of replicas (or `npm run migrate` beside them)
 * queue on it, so each migration is applied once. Derived from the schema name, so services do not wait on
 * each other.
 */
const MIGRATION_LOCK_SQL = `SELECT pg_advisory_lock(hashtextextended('warden.migrations.' || $1, 0))`;
const MIGRATION_UNLOCK_SQL = `SELECT pg_advisory_unlock(hashtextextended('warden.migrations.' || $1, 0))`;

/**
 * Creates the schema when the role may (development, tests), then applies pending migrations, holding the
 * schema's advisory lock on the very connection the migrations run on (TypeORM's runner takes no lock: replicas
 * starting together would each apply the same migration). A session lock, so it is gone with the connection if
 * the process dies mid-way. In production the schema is created by the platform and owned by the service's role.
 */
export async function migrate(dataSource: DataSource, service: string): Promise<string[]> {
  const queryRunner = dataSource.createQueryRunner();
  await queryRunner.connect();
  try {
    await queryRunner.query(MIGRATION_LOCK_SQL, [service]);
    try {
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS "${service}"`).catch(async (error: unknown) => {
        const exists: unknown[] = await queryRunner.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [service]);
        if (exists.length === 0) throw error;
      });
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await queryRunner.query(MIGRATION_UNLOCK_SQL, [service]).catch(() => undefined);
    }
  } finally {
    await queryRunner.release();
  }
}

export async function openDataSource(options: ServicePersistenceOptions): Promise<DataSource> {
  const dataSource = new RetryingDataSource(createDataSourceOptions(options));
  await dataSource.initialize();
  await migrate(dataSource, options.service);
  return dataSource;
}
