/**
 * How a failure should be understood by a caller. The gateway maps each kind to one HTTP status;
 * services never speak HTTP themselves.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `email` or `statuses.2.name`. */
  field: string;
  reason: string;
}

/** The plain-object form of a DomainError, as it travels over NATS. */
export interface ErrorPayload {
  code: string;
  kind: ErrorKind;
  message: string;
  fields?: FieldProblem[];
  details?: Record<string, unknown>;
}

/** A coded, expected failure: `STAFF.EMAIL_TAKEN`, `ORDER.VERSION_MISMATCH`, ... */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly fields?: FieldProblem[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toPayload(): ErrorPayload {
    return { code: this.code, kind: this.kind, message: this.message, fields: this.fields, details: this.details };
  }

  static isPayload(value: unknown): value is ErrorPayload {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as ErrorPayload).code === 'string' &&
      typeof (value as ErrorPayload).kind === 'string' &&
      typeof (value as ErrorPayload).message === 'string'
    );
  }

  static fromPayload(payload: ErrorPayload): DomainError {
    return new DomainError(payload.code, payload.kind, payload.message, payload.fields, payload.details);
  }

  static notFound(code: string, what: string): DomainError {
    return new DomainError(code, 'not_found', `${what} was not found`);
  }

  static invalid(code: string, field: string, reason: string): DomainError {
    return new DomainError(code, 'validation', `${field}: ${reason}`, [{ field, reason }]);
  }
}
