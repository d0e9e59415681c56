import { DomainError } from '@warden/kernel';

export const AuthErrors = {
  /** One answer for an unknown tenant, an unknown or deleted account and a wrong password: nothing leaks. */
  invalidCredentials: (): DomainError =>
    new DomainError('AUTH.INVALID_CREDENTIALS', 'unauthorized', 'The tenant, email or password is not correct'),
  noAccess: (): DomainError => new DomainError('AUTH.NO_ACCESS', 'forbidden', 'This account has no login access; ask an administrator'),
  loginRefused: (decision: { code: string; reason: string }): DomainError => DomainError.refusal(decision, { action: 'auth.login' }),
  refreshInvalid: (): DomainError =>
    new DomainError('AUTH.REFRESH_INVALID', 'unauthorized', 'The refresh token is unknown, expired or revoked; sign in again'),
  refreshReused: (): DomainError =>
    new DomainError(
      'AUTH.REFRESH_REUSED',
      'unauthorized',
      'This refresh token was already used; the whole session has been ended for safety. Sign in again',
    ),
  sessionEnded: (): DomainError => new DomainError('AUTH.SESSION_ENDED', 'unauthorized', 'The session has ended; sign in again'),
};
