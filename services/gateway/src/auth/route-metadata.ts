import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Right } from '@warden/contracts';

export const ACTION_KEY = 'warden:action';
export const PUBLIC_KEY = 'warden:public';

/**
 * Declares the right a route needs. The gateway refuses to start if a route declares neither this
 * nor @Public(), so no route can be reachable without a decision.
 */
export function Action(right: Right): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(ACTION_KEY, right), ApiBearerAuth(), ApiExtension('x-required-right', right));
}

/** A route anyone may call without a token (sign-in, tenant sign-up, health). */
export function Public(reason: string): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PUBLIC_KEY, reason), ApiExtension('x-public', reason));
}
