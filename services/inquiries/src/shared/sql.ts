import type { EntityManager } from 'typeorm';

/**
 * Rows of a statement. TypeORM answers UPDATE/DELETE as `[rows, rowCount]` and everything else as
 * `rows`. (identity and directory carry the same helper: a candidate for libs/persistence.)
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
