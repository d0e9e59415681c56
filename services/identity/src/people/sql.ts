import type { EntityManager } from 'typeorm';

/**
 * Runs SQL and returns its rows. TypeORM answers UPDATE/DELETE as `[rows, rowCount]` and everything
 * else as `rows`; callers only want the rows (`RETURNING`).
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** Escapes LIKE wildcards so a search for `50%` finds the text `50%`. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
