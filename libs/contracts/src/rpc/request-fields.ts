import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import type { ValidationOptions } from 'class-validator';

/** Text without the blanks around it, as it is stored: a service that receives it need not trim it again. */
export const trimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

const lowerCased = ({ value }: { value: unknown }): unknown => {
  if (typeof value === 'string') return value.toLowerCase();
  return Array.isArray(value) ? value.map((item: unknown) => (typeof item === 'string' ? item.toLowerCase() : item)) : value;
};

/**
 * An id (a UUID; with `{ each: true }` a list of them), lower-cased as PostgreSQL prints its uuids: an id a request
 * gives then compares equal in code (`===`, a Set, a Map key) to the same id read from the database, so services
 * need not lower-case request ids themselves.
 */
export function IsId(options?: ValidationOptions): PropertyDecorator {
  return (target, property) => {
    Transform(lowerCased)(target, property);
    IsUUID('all', options)(target, property);
  };
}
