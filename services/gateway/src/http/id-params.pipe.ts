import { Injectable } from '@nestjs/common';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';
import { DomainError, isUuid } from '@warden/kernel';

/** Path parameters named `id` or `<something>Id` are ids: UUIDs everywhere in this API. */
const isIdName = (name: string): boolean => name === 'id' || /[a-z]Id$/.test(name);

/**
 * One rule for every id in a path, on every route, without a route having to ask for it (a global pipe,
 * before the validation pipe): an id that is not a UUID cannot exist, so it is not found — 404 naming the
 * parameter, never a 422 on one route and a database error on another. Guards run first, so an
 * anonymous or unauthorized caller still gets its 401 or 403.
 */
@Injectable()
export class IdParamsPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'param') return value;
    if (typeof metadata.data === 'string') {
      if (isIdName(metadata.data)) check(metadata.data, value);
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) if (isIdName(name)) check(name, item);
    }
    return value;
  }
}

function check(name: string, value: unknown): void {
  if (!isUuid(value)) {
    throw new DomainError('RESOURCE.NOT_FOUND', 'not_found', `Nothing has the ${name} given: it is not an id`, [
      { field: name, reason: 'is not an id (a UUID)' },
    ]);
  }
}
