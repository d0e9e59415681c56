import { likePattern as likeAnywhere } from '@warden/persistence';

/** Trimmed text, or null for absent/blank values: optional text fields are stored as NULL, never ''. */
export function optionalText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed : null;
}

/** A pattern for matching lower-cased columns; `%` and `_` are literal in user search text (trimmed where the request arrived). */
export function likePattern(value: string): string {
  return likeAnywhere(value.toLowerCase());
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
