import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@warden/kernel';
import type { AccessTokenClaims } from '@warden/contracts';
import { LiveSessionCheck } from './live-session.check';
import type { Principal } from './principal';
import { SESSION_ENDED, SessionRevocations } from './session-revocations';
import { VerifiedTokenCache } from './verified-token.cache';

/** Reads the bearer token of an `Authorization` header, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  return typeof authorization === 'string' && authorization.startsWith('Bearer ') ? authorization.slice(7).trim() || null : null;
}

/**
 * Verifies an access token (HS256, identity's secret) and turns its claims into the principal.
 * The JwtModule's secret is a KeyObject (see CoreModule): given a string, jsonwebtoken first tries
 * to parse it as a public key on every call, which cost more than the HMAC itself. A token verified
 * once is served from a bounded cache until its `exp`, never past it. A token of a session that has ended is
 * refused whether cached or not: at once when this gateway already knows (SessionRevocations), otherwise by
 * identity's answer (LiveSessionCheck), whose short leases never outlive an answer that ended the session.
 */
@Injectable()
export class AccessTokenVerifier {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    private readonly jwt: JwtService,
    private readonly revocations: SessionRevocations,
    private readonly sessions: LiveSessionCheck,
  ) {}

  /** The principal of a valid token of a live session; `requestId` labels the check sent to identity. */
  async verify(
    token: string | null,
    requestId: string,
    missingHint = 'Send an access token: Authorization: Bearer <token>',
  ): Promise<Principal> {
    if (!token) throw new DomainError('AUTH.TOKEN_MISSING', 'unauthorized', missingHint);
    const known = this.verified.get(token);
    if (known) return this.live(known, requestId);
    let claims: AccessTokenClaims & { exp?: number };
    try {
      claims = this.jwt.verify<AccessTokenClaims & { exp?: number }>(token, { algorithms: ['HS256'] });
    } catch (error) {
      const expired = (error as Error)?.name === 'TokenExpiredError';
      throw new DomainError(
        expired ? 'AUTH.TOKEN_EXPIRED' : 'AUTH.TOKEN_INVALID',
        'unauthorized',
        expired ? 'The access token has expired; refresh it' : 'The access token is not valid',
      );
    }
    const principal: Principal = {
      personId: claims.sub,
      tenantId: claims.tid,
      tenantSlug: claims.tsl,
      kind: claims.kind,
      sessionId: claims.sid,
      // identity always sets exp; were it missing, a revocation of this session would be remembered for a day.
      expiresAtMs: (claims.exp ?? Math.floor(Date.now() / 1000) + 86_400) * 1000,
    };
    this.verified.set(token, principal, claims.exp);
    return this.live(principal, requestId);
  }

  private async live(principal: Principal, requestId: string): Promise<Principal> {
    if (this.revocations.isRevoked(principal.sessionId)) throw new DomainError(SESSION_ENDED.code, 'unauthorized', SESSION_ENDED.detail);
    if (!(await this.sessions.isLive(principal, requestId))) {
      // Remembered here too: later requests are refused without asking, and this gateway's streams of the session end.
      this.revocations.revoke(principal.sessionId, principal.expiresAtMs);
      throw new DomainError(SESSION_ENDED.code, 'unauthorized', SESSION_ENDED.detail);
    }
    return principal;
  }
}
