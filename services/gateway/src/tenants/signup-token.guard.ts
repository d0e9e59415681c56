import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@warden/kernel';
import { GATEWAY_ENV } from '../config/gateway.env';
import type { GatewayEnv } from '../config/gateway.env';

/**
 * Tenant sign-up is open in development. With TENANT_SIGNUP_TOKEN set it needs that platform token;
 * in production without one it stays closed rather than open to anyone.
 */
@Injectable()
export class SignupTokenGuard implements CanActivate {
  constructor(@Inject(GATEWAY_ENV) private readonly env: GatewayEnv) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.env.TENANT_SIGNUP_TOKEN;
    if (!expected) {
      if (this.env.NODE_ENV === 'production') {
        throw new DomainError('TENANT.SIGNUP_CLOSED', 'forbidden', 'Tenant sign-up is closed: TENANT_SIGNUP_TOKEN is not configured');
      }
      return true;
    }
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization;
    const presented = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const a = Buffer.from(presented);
    const b = Buffer.from(expected);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new DomainError(
        'TENANT.SIGNUP_TOKEN_INVALID',
        'unauthorized',
        'Creating a tenant needs the platform token: Authorization: Bearer <token>',
      );
    }
    return true;
  }
}
