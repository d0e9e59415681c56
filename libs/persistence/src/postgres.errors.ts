import { QueryFailedError } from 'typeorm';

interface PostgresDriverError {
  code?: string;
  constraint?: string;
}

function driverError(error: unknown): PostgresDriverError | null {
  if (error instanceof QueryFailedError) return error.driverError as PostgresDriverError;
  if (typeof error === 'object' && error !== null && 'code' in error) return error as PostgresDriverError;
  return null;
}

/** True for a unique-constraint violation, optionally of one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const cause = driverError(error);
  return cause?.code === '23505' && (constraint === undefined || cause.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown): boolean {
  return driverError(error)?.code === '23503';
}

/**
 * A data exception (SQLSTATE class 22: a NUL or invalid byte in text, a value too long, out of range): the value
 * itself cannot be stored, so trying the same value again fails the same way.
 */
export function isDataException(error: unknown): boolean {
  return driverError(error)?.code?.startsWith('22') ?? false;
}

/** Serialization failure or deadlock: safe to retry the whole transaction. */
export function isRetryableConflict(error: unknown): boolean {
  const code = driverError(error)?.code;
  return code === '40001' || code === '40P01';
}

/** Network errors of the driver's socket: the server is not there, or went away. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);
/** What node-postgres and its pool say, without a code, when a connection breaks or cannot be had in time. */
const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is not established',
  'Cannot use a pool after calling end',
];

/**
 * True when the database cannot be reached or is going away (shutdown, restart, too many
 * connections, a pool that cannot hand out a connection): the request may succeed later, so it is
 * answered as unavailable (503), not as a fault of the service. SQLSTATE classes 08 (connection
 * exception) and 57P (operator intervention: admin/crash shutdown, cannot connect now), and 53300.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = driverError(error);
  const code = cause?.code;
  if (typeof code === 'string' && (code.startsWith('08') || code.startsWith('57P') || code === '53300' || SOCKET_CODES.has(code)))
    return true;
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  const message = error instanceof Error ? error.message : '';
  return CONNECTION_MESSAGES.some((text) => message.includes(text));
}
