import type { EntityManager } from 'typeorm';

/** How many rows a filter holds per status, and the newest ids among them. */
export interface StatusDelta {
  counts: Map<string, number>;
  sample: string[];
}

/**
 * Counts the rows of `table` (named `alias` in `where`) matching `where`, per `status_id`, and reads the newest
 * `sampleSize` ids (time-ordered UUIDs): what a permission preview shows of the orders or
 * tasks a change takes away or gives, without loading them (workflow's order-sight and task-sight repositories).
 */
export async function statusDelta(
  manager: Pick<EntityManager, 'query'>,
  { table, alias }: { table: string; alias: string },
  where: string,
  parameters: unknown[],
  sampleSize = 10,
): Promise<StatusDelta> {
  const [counts, sample]: [Array<{ status_id: string; count: string }>, Array<{ id: string }>] = await Promise.all([
    manager.query(
      `SELECT ${alias}.status_id, count(*) AS count FROM ${table} ${alias} WHERE ${where} GROUP BY ${alias}.status_id`,
      parameters,
    ),
    manager.query(`SELECT ${alias}.id FROM ${table} ${alias} WHERE ${where} ORDER BY ${alias}.id DESC LIMIT ${sampleSize}`, parameters),
  ]);
  return { counts: new Map(counts.map((row) => [row.status_id, Number(row.count)])), sample: sample.map((row) => row.id) };
}

/** Positional parameters for SQL built piece by piece: `next(value)` appends it and answers its placeholder. */
export function sqlParameters(first: unknown[] = []): { parameters: unknown[]; next: (value: unknown) => string } {
  const parameters = [...first];
  return {
    parameters,
    next: (value) => {
      parameters.push(value);
      return `$${parameters.length}`;
    },
  };
}
