import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isDataException, isForeignKeyViolation, isRetryableConflict, isUniqueViolation } from './postgres.errors';

/** A driver error as TypeORM wraps it, with PostgreSQL's SQLSTATE. */
const failed = (code: string, constraint?: string): QueryFailedError =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error(`sqlstate ${code}`), { code, constraint }));

describe('PostgreSQL errors by SQLSTATE', () => {
  it('a data exception (class 22) is one the same value always meets again', () => {
    expect(isDataException(failed('22021'))).toBe(true); // invalid byte sequence (a NUL in text)
    expect(isDataException(failed('22001'))).toBe(true); // value too long
    expect(isDataException(failed('23505'))).toBe(false);
    expect(isDataException(failed('40001'))).toBe(false);
    expect(isDataException(new Error('no code'))).toBe(false);
    expect(isDataException(undefined)).toBe(false);
  });

  it('constraint violations, conflicts worth a retry and an unreachable database are told apart', () => {
    expect(isUniqueViolation(failed('23505', 'contacts_email_key'), 'contacts_email_key')).toBe(true);
    expect(isUniqueViolation(failed('23505', 'other_key'), 'contacts_email_key')).toBe(false);
    expect(isForeignKeyViolation(failed('23503'))).toBe(true);
    expect(isRetryableConflict(failed('40P01'))).toBe(true);
    expect(isRetryableConflict(failed('22021'))).toBe(false);
    expect(isDatabaseUnavailable(failed('57P01'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(failed('22021'))).toBe(false);
  });
});
