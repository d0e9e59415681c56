import type { ErrorCode } from './error-codes';

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
  code: ErrorCode;
  kind: ErrorKind;
  message: string;
  fields?: FieldProblem[];
  details?: Record<string, unknown>;
}

/** A coded, expected failure: `STAFF.EMAIL_TAKEN`, `ORDER.VERSION_MISMATCH`, ... */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
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

  /**
   * The code is taken as one of the catalog without looking it up: every process is built from the same sources,
   * and a reply must keep its code even from a newer replica during a rolling deploy.
   */
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

  /**
   * A refusal decided by the permissions service, answered with the decision's code as decided. Decisions carry
   * their code as a string (an allowed one is `ALLOWED.*`, not an error); a refused one is of the catalog.
   */
  static refusal(decision: { code: string; reason: string }, details?: Record<string, unknown>): DomainError {
    return new DomainError(decision.code as ErrorCode, 'forbidden', decision.reason, undefined, details);
  }

  static notFound(code: ErrorCode, what: string): DomainError {
    return new DomainError(code, 'not_found', `${what} was not found`);
  }

  static invalid(code: ErrorCode, field: string, reason: string): DomainError {
    return new DomainError(code, 'validation', `${field}: ${reason}`, [{ field, reason }]);
  }
}
