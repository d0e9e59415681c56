import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@warden/kernel';
import { testEnv } from '@warden/testing';
import { isDatabaseUnavailable, retryTransaction, RetryingDataSource } from '../src';

/** Real deadlocks and serialization failures on the run's PostgreSQL, and a PostgreSQL that is not there. */
describe('transactions retried on deadlocks and serialization failures', () => {
  const schema = `retry_${process.pid}`;
  let dataSource: RetryingDataSource;

  beforeAll(async () => {
    dataSource = await new RetryingDataSource({ type: 'postgres', url: testEnv().databaseUrl, extra: { max: 4 } }).initialize();
    await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await dataSource.query(`CREATE TABLE ${schema}.counters (id int PRIMARY KEY, value int NOT NULL)`);
    await dataSource.query(`INSERT INTO ${schema}.counters VALUES (1, 0), (2, 0)`);
  });

  afterAll(async () => {
    await dataSource?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await dataSource?.destroy();
  });

  /** Locks `first`, waits until the other transaction holds its row too, then asks for `second`. */
  async function cross(tx: EntityManager, first: number, second: number, barrier: { arrived: number }): Promise<void> {
    await tx.query(`UPDATE ${schema}.counters SET value = value + 1 WHERE id = $1`, [first]);
    barrier.arrived++;
    while (barrier.arrived < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    await tx.query(`UPDATE ${schema}.counters SET value = value + 1 WHERE id = $1`, [second]);
  }

  it('commits both of two transactions that lock two rows in opposite order (one deadlocks and is run again)', async () => {
    const barrier = { arrived: 0 };
    let attempts = 0;
    await Promise.all([
      dataSource.transaction((tx) => {
        attempts++;
        return cross(tx, 1, 2, barrier);
      }),
      dataSource.transaction((tx) => {
        attempts++;
        return cross(tx, 2, 1, barrier);
      }),
    ]);
    expect(attempts).toBe(3);
    const rows: Array<{ value: number }> = await dataSource.query(`SELECT value FROM ${schema}.counters ORDER BY id`);
    expect(rows.map((row) => row.value)).toEqual([2, 2]);
  });

  it('gives up after the bounded attempts with a 409-kind conflict that says to send the request again', async () => {
    let attempts = 0;
    const failing = retryTransaction(
      async () => {
        attempts++;
        throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      },
      { attempts: 3, baseDelayMs: 1 },
    );
    await expect(failing).rejects.toMatchObject({ code: 'TRANSACTION.CONFLICT', kind: 'conflict' });
    await expect(failing).rejects.toBeInstanceOf(DomainError);
    expect(attempts).toBe(3);
  });

  it('does not run again what failed for any other reason', async () => {
    let attempts = 0;
    await expect(
      dataSource.transaction(async (tx) => {
        attempts++;
        await tx.query(`INSERT INTO ${schema}.counters VALUES (1, 0)`);
      }),
    ).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(attempts).toBe(1);
  });

  it('runs a serializable transaction again after a serialization failure', async () => {
    const barrier = { arrived: 0 };
    let attempts = 0;
    const bump = (id: number) =>
      dataSource.transaction('SERIALIZABLE', async (tx) => {
        attempts++;
        const [{ total }] = await tx.query(`SELECT sum(value)::int AS total FROM ${schema}.counters`);
        barrier.arrived++;
        while (barrier.arrived < 2) await new Promise((resolve) => setTimeout(resolve, 5));
        await tx.query(`UPDATE ${schema}.counters SET value = $2 WHERE id = $1`, [id, total + 1]);
      });
    await Promise.all([bump(1), bump(2)]);
    expect(attempts).toBe(3);
  });

  it('tells a database that is not there from a fault: connection refused, admin shutdown, cannot connect now', async () => {
    const absent = new DataSource({
      type: 'postgres',
      url: 'postgres://postgres@127.0.0.1:1/none',
      extra: { connectionTimeoutMillis: 1000 },
    });
    const refused = await absent.initialize().then(
      () => null,
      (error: unknown) => error,
    );
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connection failure'), { code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
  });
});
