import { returnedRows } from '@warden/persistence';

/** The first row a statement returned (`INSERT|UPDATE ... RETURNING`), whichever shape TypeORM gave it. */
export function firstReturned<T>(result: unknown): T | undefined {
  return returnedRows<T>(result)[0];
}
