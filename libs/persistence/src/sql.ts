import type { EntityManager } from 'typeorm';

/**
 * Runs SQL and returns its rows. TypeORM's Postgres driver answers UPDATE/DELETE as
 * `[rows, rowCount]` and everything else as `rows`; callers want the rows (`RETURNING`).
 */
export async function queryRows<T>(manager: Pick<EntityManager, 'query'>, sql: string, parameters: unknown[] = []): Promise<T[]> {
  return returnedRows<T>(await manager.query(sql, parameters));
}

/** The rows of a raw TypeORM query result, whichever shape the statement produced. */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** A `LIKE`/`ILIKE` pattern matching `text` anywhere, with its own `%`, `_` and `\` taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
