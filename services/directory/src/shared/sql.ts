/**
 * TypeORM's Postgres driver answers `UPDATE ... RETURNING` with `[rows, affectedCount]` but
 * `INSERT ... RETURNING` / `SELECT` with the rows alone; this takes the first returned row of either.
 */
export function firstReturned<T>(result: unknown): T | undefined {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return (result[0] as T[])[0];
  }
  return (result as T[])[0];
}
