import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import type { ValidationOptions } from 'class-validator';

// How request fields are normalised, in one place for the gateway's DTOs and the services' request classes: applied
// once where a request is turned into its class (the gateway's ValidationPipe, and
// libs/service-kit/src/rpc-validation.interceptor.ts, which transforms before it validates), so a handler never trims
// or lower-cases what it was given. A value of the wrong type passes through unchanged for the validators to refuse.

type Normalise = (text: string) => unknown;

function text(normalise: Normalise): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalise(value) : value), { toClassOnly: true });
}

/** Required text is stored without surrounding whitespace: `'  '` becomes `''`, which a length rule then refuses. */
export const Trim = (): PropertyDecorator => text((value) => value.trim());

/** Emails and slugs are matched case-insensitively: trimmed and lower-cased. */
export const TrimLowerCase = (): PropertyDecorator => text((value) => value.trim().toLowerCase());

/** Optional text is trimmed and a blank one is absent (null), so an optional column never holds `''`. */
export const OptionalText = (): PropertyDecorator => text((value) => value.trim() || null);

/**
 * Ids are compared as strings (`===`, a Set, a Map key) with ids read from the database: lower-cased, as PostgreSQL
 * prints a uuid; one id or each of a list.
 */
export function LowerCaseIds(): PropertyDecorator {
  const lower = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);
  return Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(lower) : lower(value)), { toClassOnly: true });
}

/** An id (a UUID; with `{ each: true }` a list of them), lower-cased (LowerCaseIds). */
export function IsId(options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    LowerCaseIds()(target, property);
    IsUUID('all', options)(target, property);
  };
}
