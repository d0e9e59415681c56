/** Trimmed text, or null for absent/blank values: optional text fields are stored as NULL, never ''. */
export function optionalText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** `%` and `_` are literal in user search text. */
export function likePattern(value: string): string {
  return `%${value.trim().toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
