import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
/** The last overload of DataSource.transaction takes the isolation level first. */
type IsolationLevel = Parameters<DataSource['transaction']>[0];
import { DomainError } from '@warden/kernel';
import { isRetryableConflict } from './postgres.errors';

export interface TransactionRetryPolicy {
  /** Attempts in all, the first one included. */
  attempts: number;
  /** The first back-off; each further one doubles, with full jitter. */
  baseDelayMs: number;
}

export const DEFAULT_TRANSACTION_RETRY: TransactionRetryPolicy = { attempts: 5, baseDelayMs: 10 };

/** What a caller is told when every attempt lost to concurrent writers: a 409 that says what to do. */
export function concurrentChangeError(): DomainError {
  return new DomainError(
    'TRANSACTION.CONFLICT',
    'conflict',
    'Concurrent changes to the same data kept winning the race; nothing was changed, send the request again',
    undefined,
    { retryAfterSeconds: 1 },
  );
}

/**
 * Runs `work` (one whole transaction) again when PostgreSQL aborted it for a serialization failure
 * or a deadlock, which roll everything back and are safe to repeat; bounded, with jittered
 * exponential back-off so the racers do not collide again in lock step.
 */
export async function retryTransaction<T>(work: () => Promise<T>, policy: TransactionRetryPolicy = DEFAULT_TRANSACTION_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRetryableConflict(error)) throw error;
      if (attempt >= policy.attempts) throw concurrentChangeError();
      const ceiling = policy.baseDelayMs * 2 ** (attempt - 1);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
    }
  }
}

type TransactionWork<T> = (entityManager: EntityManager) => Promise<T>;

/**
 * The data source every service gets: each `transaction()` goes through retryTransaction, so no
 * transaction in any service can answer a deadlock or serialization failure with a 500.
 * Work inside a transaction must therefore only touch the database (events go through the outbox).
 */
export class RetryingDataSource extends DataSource {
  override transaction<T>(runInTransaction: TransactionWork<T>): Promise<T>;
  override transaction<T>(isolationLevel: IsolationLevel, runInTransaction: TransactionWork<T>): Promise<T>;
  override transaction<T>(first: IsolationLevel | TransactionWork<T>, second?: TransactionWork<T>): Promise<T> {
    if (typeof first === 'function') return retryTransaction(() => super.transaction(first));
    return retryTransaction(() => super.transaction(first, second!));
  }
}
