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

/**
 * A route every signed-in person may call: what the route serves is decided further by the service
 * or a resource rule (its own profile, its chats). The gateway still asks for `auth.login` on every
 * request, so a personal deny or a group barred from login refuses at once, as for any right.
 */
export function SignedIn(): MethodDecorator & ClassDecorator {
  return Action('auth.login');
}

/** A route anyone may call without a token (sign-in, tenant sign-up, health). */
export function Public(reason: string): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(PUBLIC_KEY, reason), ApiExtension('x-public', reason));
}
