import { ArrayNotEmpty, IsArray, IsIn, IsISO8601, IsUUID } from 'class-validator';

export const SESSION_REVOCATION_REASONS = [
  'logout',
  'refresh-reuse',
  'deleted',
  'access-removed',
  'portal-access-revoked',
  'login-barred',
] as const;
export type SessionRevocationReason = (typeof SESSION_REVOCATION_REASONS)[number];

/**
 * Sessions ended before their time (sign-out, a leaked refresh token, a person deleted, locked out or barred). Access
 * tokens are stateless and short-lived; gateways refuse the ones of these sessions until `tokensExpireBy`, when
 * none of them can be valid any more anyway.
 */
export class SessionsRevokedV1 {
  static readonly type = 'identity.sessions.revoked.v1';
  @IsUUID() personId!: string;
  @IsArray() @ArrayNotEmpty() @IsUUID('all', { each: true }) sessionIds!: string[];
  @IsIn(SESSION_REVOCATION_REASONS) reason!: SessionRevocationReason;
  @IsISO8601() at!: string;
  @IsISO8601() tokensExpireBy!: string;
}
