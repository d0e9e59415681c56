import { DataSource } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { testEnv } from '@warden/testing';
import { createDataSourceOptions, migrate } from '../src';

const SCHEMA = `migrate_race_${randomBytes(3).toString('hex')}`;

/** Records each time it runs, in a table no migration table row can hide: the count is the truth. */
function recordingMigration(name: string, sleepSeconds: number): new () => MigrationInterface {
  return class implements MigrationInterface {
    name = name;
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`CREATE TABLE IF NOT EXISTS "${SCHEMA}".applied (name text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
      await queryRunner.query(`SELECT pg_sleep(${sleepSeconds})`);
      await queryRunner.query(`INSERT INTO "${SCHEMA}".applied (name) VALUES ($1)`, [name]);
    }
    async down(): Promise<void> {}
  };
}

const MIGRATIONS = [recordingMigration('First1700000000001', 0.2), recordingMigration('Second1700000000002', 0.2)];

describe('migrations of replicas starting together', () => {
  const dataSources: DataSource[] = [];

  afterAll(async () => {
    await dataSources[0]?.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`).catch(() => undefined);
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy().catch(() => undefined)));
  });

  it('applies each migration once when four replicas migrate a fresh schema at once', async () => {
    const options = createDataSourceOptions({
      service: SCHEMA,
      databaseUrl: testEnv().databaseUrl,
      entities: [],
      migrations: MIGRATIONS,
      poolSize: 2,
    });
    for (let replica = 0; replica < 4; replica++) dataSources.push(await new DataSource(options).initialize());

    const results = await Promise.allSettled(dataSources.map((dataSource) => migrate(dataSource, SCHEMA)));

    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const appliedBy = results.map((result) => (result as PromiseFulfilledResult<string[]>).value);
    // One replica applied both; the others found nothing pending once they got the lock.
    expect(appliedBy.flat().sort()).toEqual(['First1700000000001', 'Second1700000000002']);
    const rows: Array<{ name: string; count: number }> = await dataSources[0].query(
      `SELECT name, count(*)::int AS count FROM "${SCHEMA}".applied GROUP BY name ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'First1700000000001', count: 1 },
      { name: 'Second1700000000002', count: 1 },
    ]);
    const recorded: Array<{ name: string }> = await dataSources[0].query(`SELECT name FROM "${SCHEMA}".migrations ORDER BY id`);
    expect(recorded.map((row) => row.name)).toEqual(['First1700000000001', 'Second1700000000002']);
  });

  it('releases the lock: a later start finds nothing pending and does not wait', async () => {
    const started = Date.now();
    expect(await migrate(dataSources[1], SCHEMA)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
