import { Transform } from 'class-transformer';

// Normalisation of request fields, applied once where a message arrives (libs/service-kit/src/rpc-validation.interceptor.ts
// transforms before it validates), so a handler never trims or lower-cases what it was given. A value of the wrong
// type passes through unchanged and is refused by the field's validators.

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

/** Ids are compared as strings (sets, equality with stored ids): lower-cased, as Postgres prints a uuid; one id or each of a list. */
export function LowerCaseIds(): PropertyDecorator {
  const lower = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);
  return Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(lower) : lower(value)), { toClassOnly: true });
}
