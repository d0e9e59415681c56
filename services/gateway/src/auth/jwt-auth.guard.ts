import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenVerifier, bearerToken } from './access-token.verifier';
import type { AuthenticatedRequest } from './principal';
import { PUBLIC_KEY } from './route-metadata';

/** Verifies the bearer access token of every non-public route and attaches the principal. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<string>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.tokens.verify(bearerToken(request.headers.authorization), String(request.id));
    return true;
  }
}
