import type { FieldProblem } from '@warden/kernel';

/** Deeper JSON has no use in this API, and class-transformer recurses once per level (a 4 KB body overflowed its stack). */
export const MAX_INPUT_DEPTH = 32;

// A UTF-16 surrogate without its partner: not a Unicode character, so URI and UTF-8 encoders throw on it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function stringProblem(value: string): string | undefined {
  // PostgreSQL text cannot hold U+0000 ("invalid byte sequence for encoding UTF8: 0x00").
  if (value.includes('\u0000')) return 'contains a NUL character (U+0000)';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

const join = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);

/**
 * The first part of a request input (a parsed JSON body, the query or the path parameters) that no route
 * can take: a string with a NUL character or a lone surrogate (values and keys alike), or nesting deeper
 * than MAX_INPUT_DEPTH. The field is named as the validation pipe names it (`levels.0.statusId`).
 * Recursion stops at the depth bound, so the check itself cannot overflow.
 */
export function findInputProblem(value: unknown, field = '', depth = 0): FieldProblem | undefined {
  if (typeof value === 'string') {
    const reason = stringProblem(value);
    return reason ? { field: field || '(body)', reason } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_INPUT_DEPTH) return { field: field || '(body)', reason: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const keyReason = stringProblem(key);
    if (keyReason) return { field: join(field, key), reason: `has a field name that ${keyReason}` };
    const problem = findInputProblem(item, join(field, key), depth + 1);
    if (problem) return problem;
  }
  return undefined;
}
