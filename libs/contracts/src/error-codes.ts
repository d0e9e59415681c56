// The catalog of error codes, defined beside DomainError in libs/kernel/src/error-codes.ts (kernel imports nothing
// of ours, and DomainError must name the type) and offered here with the rest of the contracts.
export { ERROR_CODES, isErrorCode } from '@warden/kernel';
export type { ErrorCode } from '@warden/kernel';
