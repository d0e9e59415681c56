import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '@warden/kernel';
import type { AccessTokenClaims } from '@warden/contracts';
import type { AuthenticatedRequest } from './principal';
import { PUBLIC_KEY } from './route-metadata';

/** Verifies the bearer access token of every non-public route and attaches the principal. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<string>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) throw new DomainError('AUTH.TOKEN_MISSING', 'unauthorized', 'Send an access token: Authorization: Bearer <token>');
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
    request.principal = { personId: claims.sub, tenantId: claims.tid, tenantSlug: claims.tsl, kind: claims.kind, sessionId: claims.sid };
    return true;
  }
}
