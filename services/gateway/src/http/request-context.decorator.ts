import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { DomainError } from '@warden/kernel';
import type { RequestContext } from '@warden/contracts';
import type { AuthenticatedRequest, Principal } from '../auth/principal';

export function requestContextOf(request: AuthenticatedRequest): RequestContext {
  return { tenantId: request.principal?.tenantId ?? '', actorId: request.principal?.personId ?? null, requestId: String(request.id) };
}

/** The RequestContext to send with bus requests: tenant and actor from the token, the request id. */
export const Ctx = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestContext =>
    requestContextOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);

/** The signed-in person (only on authenticated routes). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new DomainError('AUTH.TOKEN_MISSING', 'unauthorized', 'This route needs a signed-in person');
  return principal;
});
