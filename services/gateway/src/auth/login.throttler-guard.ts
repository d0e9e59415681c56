import { Injectable } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@warden/kernel';

/** The throttler's refusal as our problem document (429 `RATE.LIMITED`) with a Retry-After header. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    void context.switchToHttp().getResponse<FastifyReply>().header('retry-after', String(retryAfter));
    throw new DomainError('RATE.LIMITED', 'too_many_requests', `Too many sign-in attempts; retry in ${retryAfter} s`, undefined, {
      retryAfterSeconds: retryAfter,
    });
  }
}

/** Per account: the tenant and email asked for (the body is parsed before guards run, not yet validated). */
export function accountTracker(request: Record<string, unknown>): string {
  const body = (request.body ?? {}) as { tenant?: unknown; email?: unknown };
  const tenant = typeof body.tenant === 'string' ? body.tenant.trim().toLowerCase() : '';
  const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
  return `${tenant}/${email}`;
}

export function addressTracker(request: Record<string, unknown>): string {
  return typeof request.ip === 'string' ? request.ip : 'unknown';
}
