import { Injectable } from '@nestjs/common';
import type { PipeTransform } from '@nestjs/common';
import { DomainError, isUuid } from '@warden/kernel';

/** An id that cannot exist is simply not found (404 naming `id`), never a 400 or a 500. */
@Injectable()
export class StaffIdPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (!isUuid(value)) {
      throw new DomainError('STAFF.NOT_FOUND', 'not_found', 'The employee was not found', [
        { field: 'id', reason: 'is not an employee id' },
      ]);
    }
    return value.toLowerCase();
  }
}
