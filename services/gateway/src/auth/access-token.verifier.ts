import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@warden/kernel';
import type { AccessTokenClaims } from '@warden/contracts';
import type { Principal } from './principal';

/** Reads the bearer token of an `Authorization` header, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  return typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice(7).trim() || null : null;
}

/** Verifies an access token (HS256, identity's secret) and turns its claims into the principal. */
@Injectable()
export class AccessTokenVerifier {
  constructor(private readonly jwt: JwtService) {}

  async verify(token: string | null, missingHint = 'Send an access token: Authorization: Bearer <token>'): Promise<Principal> {
    if (!token) throw new DomainError('AUTH.TOKEN_MISSING', 'unauthorized', missingHint);
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims & object>(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as Error)?.name === 'TokenExpiredError';
      throw new DomainError(
        expired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.TOKEN_INVALID',
        'unauthorized',
        expired ? 'The access token has expired; refresh it' : 'The access token is not valid',
      );
    }
    return { personId: claims.sub, tenantId: claims.tid, tenantSlug: claims.tsl, kind: claims.kind, sessionId: claims.sid };
  }
}
