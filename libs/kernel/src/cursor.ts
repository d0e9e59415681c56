import { DomainError } from './domain-error';

/** An opaque cursor: the sort key of the last row of the previous page. */
export interface CursorPosition {
  /** Sort value of the last row (a string so timestamps and names travel unchanged). */
  key: string;
  /** Tie-breaker: id of the last row. */
  id: string;
}

export interface Page<T> {
  items: T[];
  /** Pass as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
  /** Rows matching the filter (only what the caller may see), when the query asked for it. */
  total?: number;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.key, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined | null): CursorPosition | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return { key: parsed[0] as string, id: parsed[1] as string };
    }
  } catch {
    // fall through to the coded error below
  }
  throw DomainError.invalid('PAGINATION.BAD_CURSOR', 'cursor', 'is not a cursor returned by this API');
}

/** Builds a page from `limit + 1` fetched rows: the extra row only says that another page exists. */
export function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => CursorPosition, total?: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor(positionOf(last)) : null;
  return total === undefined ? { items, nextCursor } : { items, nextCursor, total };
}
