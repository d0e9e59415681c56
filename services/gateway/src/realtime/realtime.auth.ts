import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@warden/kernel';
import type { AccessTokenClaims } from '@warden/contracts';
import type { Principal } from '../auth/principal';

/**
 * The realtime stream authenticates itself: browsers' EventSource cannot send an Authorization
 * header, so the same access token is also accepted as `?access_token=`. Verification is the
 * JwtAuthGuard's (same secret, same algorithm, same claims); the header wins when both are sent.
 */
@Injectable()
export class RealtimeAuth {
  constructor(private readonly jwt: JwtService) {}

  async principal(authorization: string | undefined, queryToken: string | undefined): Promise<Principal> {
    const header = typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : null;
    const token = header || queryToken?.trim() || null;
    if (!token) throw new DomainError('AUTH.TOKEN_MISSING', 'unauthorized', 'Send an access token: Authorization: Bearer <token>, or ?access_token=<token>');
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
